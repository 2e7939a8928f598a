// TEMPORARY stand-in until the helper-regex branch lands.
using System;
using System.Text.RegularExpressions;

namespace PolicySim.Evaluation.Matching
{
    internal static class RustRegex
    {
        public static bool TryCompile(string pattern, out Regex? regex, out string? error)
        {
            try
            {
                regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                error = null;
                return true;
            }
            catch (ArgumentException ex)
            {
                regex = null;
                error = ex.Message;
                return false;
            }
        }
    }
}
