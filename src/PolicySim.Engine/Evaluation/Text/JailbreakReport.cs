using System.Collections.Generic;

namespace PolicySim.Evaluation.Text
{
    /// <summary>What the jailbreak detector found in one input (Clawdstrike spec §3.8).</summary>
    /// <param name="RiskScore">round(score·100), halves away from zero, clamped to 0..100.</param>
    /// <param name="Confidence">The score clamped to 0..1.</param>
    /// <param name="Severity">The severity derived from <paramref name="RiskScore"/>.</param>
    /// <param name="Signals">Heuristic signal ids in table order, then statistical ids.</param>
    /// <param name="Text">The full input (its fingerprint is computed only when asked for: allows never need it).</param>
    /// <param name="Canonical">The canonicalized (truncated) input and its statistics.</param>
    /// <param name="Score">The unrounded single-precision score.</param>
    internal sealed record JailbreakReport(
        int RiskScore,
        float Confidence,
        JailbreakSeverity Severity,
        IReadOnlyList<string> Signals,
        string Text,
        CanonicalText Canonical,
        float Score)
    {
        /// <summary>Gets the lowercase hex SHA-256 of the full input's UTF-8 bytes.</summary>
        public string Fingerprint => TextFingerprint.Sha256Hex(Text);
    }
}
