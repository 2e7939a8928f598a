using System.Collections.Generic;

namespace PolicySim.Evaluation.Text
{
    /// <summary>What the prompt-injection detector found in one text (Clawdstrike spec §3.7).</summary>
    /// <param name="Level">The level derived from the signals.</param>
    /// <param name="Score">The sum of the fired signals' weights.</param>
    /// <param name="Signals">Fired signal ids, in table order.</param>
    /// <param name="Text">The full text (its fingerprint is computed only when asked for: allows never need it).</param>
    /// <param name="Canonical">The canonicalized scan prefix and its statistics.</param>
    internal sealed record PromptInjectionReport(
        PromptInjectionLevel Level,
        int Score,
        IReadOnlyList<string> Signals,
        string Text,
        CanonicalText Canonical)
    {
        /// <summary>Gets the lowercase hex SHA-256 of the full text's UTF-8 bytes.</summary>
        public string Fingerprint => TextFingerprint.Sha256Hex(Text);
    }
}
