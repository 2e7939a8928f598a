namespace PolicySim.Evaluation.Text
{
    /// <summary>Jailbreak severity derived from the risk score (Clawdstrike spec §3.8 step 6).</summary>
    internal enum JailbreakSeverity
    {
        /// <summary>Risk below 25.</summary>
        Safe = 0,

        /// <summary>Risk 25–59.</summary>
        Suspicious = 1,

        /// <summary>Risk 60–84.</summary>
        Likely = 2,

        /// <summary>Risk 85 or more.</summary>
        Confirmed = 3,
    }
}
