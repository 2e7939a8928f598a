namespace PolicySim.Evaluation
{
    /// <summary>
    /// Severity of one guard result, ordered so that a larger value is more severe
    /// (Clawdstrike spec §0: Info &lt; Warning &lt; Error &lt; Critical).
    /// </summary>
    public enum GuardSeverity
    {
        /// <summary>Informational; plain allows carry it.</summary>
        Info = 0,

        /// <summary>Warning; allowed but flagged (outcome <c>warn</c>).</summary>
        Warning = 1,

        /// <summary>Error; the usual severity of a block.</summary>
        Error = 2,

        /// <summary>Critical; forbidden paths, secrets, forbidden patch content.</summary>
        Critical = 3,
    }
}
