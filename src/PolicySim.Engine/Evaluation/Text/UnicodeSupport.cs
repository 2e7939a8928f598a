using System;
using System.Text;

namespace PolicySim.Evaluation.Text
{
    /// <summary>
    /// Whether this process can canonicalize text as the prompt-injection and jailbreak detectors must (Clawdstrike
    /// spec §3.7: NFKC first). .NET normalizes through the operating system's ICU library; in globalization-invariant
    /// mode (<c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1</c>, <c>InvariantGlobalization</c>, or containers without ICU)
    /// <see cref="string.Normalize(NormalizationForm)"/> silently returns its input, so compatibility characters
    /// (fullwidth letters, ligatures) would not be folded and decisions on such text could differ from the reference.
    /// Hosts show <see cref="Warning"/> instead of letting that pass unnoticed.
    /// </summary>
    public static class UnicodeSupport
    {
        /// <summary>The text of <see cref="Warning"/>.</summary>
        internal const string WarningText =
            "Unicode normalization (NFKC) is not available in this process (.NET globalization-invariant mode: "
            + "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT is set, or no ICU library is installed). Prompt-injection and "
            + "jailbreak detection cannot fold compatibility characters (e.g. fullwidth letters), so decisions on such "
            + "text can differ from the reference. Install ICU (e.g. the libicu package) or unset the invariant mode.";

        private static readonly Lazy<bool> Available = new Lazy<bool>(() => Normalizes(s => s.Normalize(NormalizationForm.FormKC)));

        /// <summary>Gets whether NFKC normalization works in this process.</summary>
        public static bool NormalizationAvailable => Available.Value;

        /// <summary>Gets the warning to show users when <see cref="NormalizationAvailable"/> is false; otherwise null.</summary>
        public static string? Warning => NormalizationAvailable ? null : WarningText;

        /// <summary>Whether <paramref name="nfkc"/> folds a ligature and a fullwidth letter as NFKC does.</summary>
        /// <param name="nfkc">An NFKC implementation to probe.</param>
        /// <returns>True when it normalizes.</returns>
        internal static bool Normalizes(Func<string, string> nfkc)
        {
            try
            {
                return string.Equals(nfkc("\uFB01\uFF21"), "fiA", StringComparison.Ordinal);
            }
            catch (PlatformNotSupportedException)
            {
                return false;
            }
        }
    }
}
