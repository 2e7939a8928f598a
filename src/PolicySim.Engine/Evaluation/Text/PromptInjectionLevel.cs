namespace PolicySim.Evaluation.Text
{
    /// <summary>Prompt-injection level, ordered Safe &lt; Suspicious &lt; High &lt; Critical (Clawdstrike spec §3.7 step 5).</summary>
    internal enum PromptInjectionLevel
    {
        /// <summary>No signal fired.</summary>
        Safe = 0,

        /// <summary>Score 1–2.</summary>
        Suspicious = 1,

        /// <summary>Score 3 or more.</summary>
        High = 2,

        /// <summary><c>credential_exfiltration</c> fired.</summary>
        Critical = 3,
    }
}
