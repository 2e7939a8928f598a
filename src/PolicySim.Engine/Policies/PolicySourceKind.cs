namespace PolicySim.Policies
{
    /// <summary>Where a policy came from.</summary>
    public enum PolicySourceKind
    {
        /// <summary>A built-in ruleset (<c>default</c>, <c>strict</c>, ...).</summary>
        Ruleset,

        /// <summary>A policy file.</summary>
        PolicyFile,

        /// <summary>YAML text given directly.</summary>
        Inline,
    }
}
