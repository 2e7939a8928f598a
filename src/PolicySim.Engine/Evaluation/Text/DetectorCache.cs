using System;

namespace PolicySim.Evaluation.Text
{
    /// <summary>
    /// Per-thread memory of the last text the detectors saw. The prompt-injection and jailbreak guards of a policy,
    /// and the same guards of the second policy in a comparison, all scan the same text one after another on one
    /// worker thread; canonicalization and each detector's report depend only on the text and the options, so the
    /// later calls reuse the first one's work. Results are immutable, so sharing them cannot change a decision.
    /// </summary>
    internal static class DetectorCache
    {
        [ThreadStatic]
        private static string? t_text;

        [ThreadStatic]
        private static int t_maxBytes;

        [ThreadStatic]
        private static ScanText? t_scan;

        [ThreadStatic]
        private static PromptInjectionReport? t_promptReport;

        [ThreadStatic]
        private static int t_promptMaxBytes;

        [ThreadStatic]
        private static JailbreakReport? t_jailbreakReport;

        [ThreadStatic]
        private static JailbreakDetectorOptions? t_jailbreakOptions;

        /// <summary>Canonicalizes <paramref name="text"/> within <paramref name="maxBytes"/>, or returns the same thread's last result for it.</summary>
        /// <param name="text">The untrusted text.</param>
        /// <param name="maxBytes">The scan budget in UTF-8 bytes.</param>
        /// <returns>The canonical text with its scan memo.</returns>
        internal static ScanText Canonical(string text, int maxBytes)
        {
            ScanText? scan = t_scan;
            if (scan != null && SameText(t_text, text))
            {
                // A text that was scanned whole under another budget canonicalizes the same under any budget it fits.
                CanonicalText c = scan.Canonical;
                if (t_maxBytes == maxBytes || (!c.Truncated && c.ScannedBytes <= maxBytes))
                {
                    return scan;
                }
            }

            scan = new ScanText(TextCanonicalizer.Canonicalize(text, maxBytes));
            t_text = text;
            t_maxBytes = maxBytes;
            t_scan = scan;
            t_promptReport = null;
            t_jailbreakReport = null;
            return scan;
        }

        /// <summary>Gets this thread's last prompt-injection report if it was for the same text and budget.</summary>
        internal static PromptInjectionReport? Prompt(string text, int maxScanBytes) =>
            t_promptReport != null && t_promptMaxBytes == maxScanBytes && SameText(t_promptReport.Text, text) ? t_promptReport : null;

        /// <summary>Remembers a prompt-injection report.</summary>
        internal static void Remember(PromptInjectionReport report, int maxScanBytes)
        {
            t_promptReport = report;
            t_promptMaxBytes = maxScanBytes;
        }

        /// <summary>Gets this thread's last jailbreak report if it was for the same text and equal options.</summary>
        internal static JailbreakReport? Jailbreak(string text, JailbreakDetectorOptions options) =>
            t_jailbreakReport != null && t_jailbreakOptions != null && t_jailbreakOptions.Equals(options) && SameText(t_jailbreakReport.Text, text) ? t_jailbreakReport : null;

        /// <summary>Remembers a jailbreak report.</summary>
        internal static void Remember(JailbreakReport report, JailbreakDetectorOptions options)
        {
            t_jailbreakReport = report;
            t_jailbreakOptions = options;
        }

        /// <summary>Forgets this thread's last text, so the next analysis does all its work (for timing one guard alone).</summary>
        internal static void Clear()
        {
            t_text = null;
            t_scan = null;
            t_promptReport = null;
            t_jailbreakReport = null;
            t_jailbreakOptions = null;
        }

        private static bool SameText(string? a, string b) => ReferenceEquals(a, b) || string.Equals(a, b, StringComparison.Ordinal);
    }
}
