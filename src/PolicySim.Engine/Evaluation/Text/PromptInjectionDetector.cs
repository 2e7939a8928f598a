using System;
using System.Collections.Generic;

namespace PolicySim.Evaluation.Text
{
    /// <summary>
    /// The heuristic prompt-injection detector of the <c>prompt_injection</c> guard (Clawdstrike spec §3.7
    /// steps 1–5): fingerprint, canonicalize, test the seven signals, derive the level.
    /// </summary>
    /// <remarks>
    /// The signal regexes are written in Rust syntax (see <see cref="DetectorPattern"/> for how they run):
    /// "word X" is <c>\bX\b</c> with Rust's Unicode word boundary, "≤ N chars" is <c>.{0,N}</c> counting code
    /// points. The phrase lists are exactly those of the spec table.
    /// </remarks>
    internal static class PromptInjectionDetector
    {
        /// <summary>The guard's default <c>max_scan_bytes</c>.</summary>
        internal const int DefaultMaxScanBytes = 200_000;

        private const string ExtractionTargets =
            "system prompt|developer message|developer instructions|developer prompt|hidden instructions|hidden prompt|system instructions|system message";

        private const string Credentials = "api key|secret|secrets|token|password|private key";

        private const string ExfiltrationVerbs =
            "send|post|upload|exfiltrat|exfiltrate|exfiltration|exfiltrating|exfiltrated|leak|reveal|print|dump";

        private static readonly Signal[] Signals =
        {
            new Signal(
                "ignore_previous_instructions",
                3,
                @"\b(ignore|disregard)\b.{0,64}\b(previous|prior|above|earlier)\b.{0,64}\b(instruction|instructions|direction|directions|rules)\b"),
            new Signal(
                "system_prompt_mentions",
                2,
                @"\b(system prompt|developer message|developer instructions|developer prompt|hidden instructions|hidden prompt|system instructions|jailbreak)\b"),
            new Signal(
                "prompt_extraction_request",
                4,
                @"\b(what's|what is|reveal|show|tell\s+me|repeat|print|output|display|copy)\b.{0,64}\b(" + ExtractionTargets + @")\b"),
            new Signal(
                "tool_invocation_language",
                1,
                @"\b(call|invoke|run|execute)\b.{0,32}\b(tool|function)\b"),
            new Signal(
                "security_bypass_language",
                3,
                @"\b(ignore|disregard|bypass|override|disable|skip)\b.{0,48}\b(guardrail|guardrails|guard|policy|security|safety|filter|filters|protection|protections)\b"),
            new Signal(
                "credential_exfiltration",
                6,
                @"\b(" + Credentials + @")\b.{0,96}\b(" + ExfiltrationVerbs + @")\b|\b(" + ExfiltrationVerbs + @")\b.{0,96}\b(" + Credentials + @")\b"),
        };

        /// <summary>Gets the signal patterns in table order (for tests of the literal prefilter).</summary>
        internal static IEnumerable<DetectorPattern> Patterns
        {
            get
            {
                foreach (var entry in Signals)
                {
                    yield return entry.Pattern;
                }
            }
        }

        /// <summary>Runs the detector.</summary>
        /// <param name="text">The untrusted text.</param>
        /// <param name="maxScanBytes">The <c>max_scan_bytes</c> budget.</param>
        /// <returns>The report.</returns>
        internal static PromptInjectionReport Analyze(string text, int maxScanBytes = DefaultMaxScanBytes)
        {
            _ = text ?? throw new ArgumentNullException(nameof(text));
            PromptInjectionReport? cached = DetectorCache.Prompt(text, maxScanBytes);
            if (cached != null)
            {
                return cached;
            }

            ScanText scan = DetectorCache.Canonical(text, maxScanBytes);
            CanonicalText canonical = scan.Canonical;

            var fired = new List<string>();
            int score = 0;
            if (canonical.ZeroWidthStripped > 0)
            {
                fired.Add("obfuscation_zero_width");
                score += 1;
            }

            bool critical = false;
            foreach (Signal signal in Signals)
            {
                if (signal.Pattern.MayMatch(scan) && signal.Pattern.IsMatch(scan))
                {
                    fired.Add(signal.Id);
                    score += signal.Weight;
                    critical |= signal.Weight == 6;
                }
            }

            PromptInjectionLevel level = critical ? PromptInjectionLevel.Critical
                : score >= 3 ? PromptInjectionLevel.High
                : score >= 1 ? PromptInjectionLevel.Suspicious
                : PromptInjectionLevel.Safe;
            var report = new PromptInjectionReport(level, score, fired, text, canonical);
            DetectorCache.Remember(report, maxScanBytes);
            return report;
        }

        private sealed class Signal
        {
            internal Signal(string id, int weight, string rustPattern)
            {
                Id = id;
                Weight = weight;
                Pattern = new DetectorPattern(rustPattern);
            }

            internal string Id { get; }

            internal int Weight { get; }

            internal DetectorPattern Pattern { get; }
        }
    }
}
