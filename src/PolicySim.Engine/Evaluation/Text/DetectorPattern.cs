using System;
using System.Text.RegularExpressions;
using PolicySim.Evaluation.Matching;

namespace PolicySim.Evaluation.Text
{
    /// <summary>Builds the detectors' signal regexes from Rust syntax so that <c>\b</c> and <c>.{0,N}</c> keep
    /// Rust's Unicode word definition and code-point counting.</summary>
    internal static class DetectorPattern
    {
        /// <summary>Compiles a built-in detector pattern (case-insensitive, dot matches all).</summary>
        /// <param name="rustPattern">The pattern body in Rust syntax.</param>
        /// <returns>The compiled regex.</returns>
        internal static Regex Compile(string rustPattern)
        {
            if (!RustRegex.TryCompile("(?is)" + rustPattern, RustRegex.DefaultMatchTimeout, out Regex? regex, out string? error))
            {
                throw new InvalidOperationException("Built-in detector pattern is invalid: " + error);
            }

            return regex!;
        }
    }
}
