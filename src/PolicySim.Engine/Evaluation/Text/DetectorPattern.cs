using System;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using PolicySim.Evaluation.Matching;

namespace PolicySim.Evaluation.Text
{
    /// <summary>
    /// One detector signal regex. Patterns are written in Rust syntax with <c>\b</c> only directly before a
    /// group and directly after one, and every alternative starts and ends with an ASCII word character.
    /// </summary>
    /// <remarks>
    /// <para>Given that shape, Rust's <c>\b(…)</c> is exactly "the previous code point is not a Rust word
    /// character" and <c>(…)\b</c> is "the next one is not", so the pattern is rewritten into one-sided
    /// look-arounds over Rust's Unicode word set (<see cref="UnicodeData.Word"/>), and <c>.{0,N}</c> into a
    /// surrogate-pair-aware dot that counts code points. The result is exact for every text yet keeps the
    /// literal phrases first, so .NET's vectorised prefix search still applies (a general translation of
    /// <c>\b</c> through <see cref="RustRegex"/> is about 15 times slower).</para>
    /// <para><see cref="IsMatchExact"/> runs the general translation and exists so tests can prove the two
    /// agree.</para>
    /// </remarks>
    internal sealed class DetectorPattern
    {
        // Any code point. The common single-unit case comes first; a high surrogate can only be taken together
        // with its low half, so a gap never ends inside a pair and counts code points like Rust's `.`.
        // (Canonical text has no lone surrogates and no newline.)
        private const string AnyCodePoint = "(?:[^\\uD800-\\uDBFF]|[\\uD800-\\uDBFF][\\uDC00-\\uDFFF])";

        // The detectors run on every untrusted-text event, so the one-time cost of compiling their regexes
        // (a few ms each) is worth it where a JIT-friendly implementation exists.
#if NET8_0_OR_GREATER
        private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;
#else
        private const RegexOptions Options = RegexOptions.CultureInvariant;
#endif

        private static string? s_wordAtom;

        private readonly string _rustPattern;
        private readonly Regex _regex;
        private readonly Regex _bmpRegex;
        private Regex? _exact;

        /// <summary>Creates the pattern from its Rust-syntax body (semantics of <c>(?is)</c> + body).</summary>
        /// <param name="rustPattern">The pattern body, of the shape described on the type.</param>
        internal DetectorPattern(string rustPattern)
        {
            _rustPattern = "(?is)" + rustPattern;
            string word = WordAtom();
            _regex = new Regex(Rewrite(rustPattern, word, AnyCodePoint), Options, RustRegex.DefaultMatchTimeout);

            // Without surrogate pairs UTF-16 units are code points and .NET's `.` (Singleline) is Rust's
            // `(?s).`; the plain loop backtracks several times faster than the pair-aware alternation.
            _bmpRegex = new Regex(Rewrite(rustPattern, word, "."), Options | RegexOptions.Singleline, RustRegex.DefaultMatchTimeout);
        }

        /// <summary>Tests the pattern against canonical (lower-cased) text.</summary>
        /// <param name="text">Canonical text.</param>
        /// <returns>Whether the signal fires.</returns>
        internal bool IsMatch(string text) => (HasSurrogates(text) ? _regex : _bmpRegex).IsMatch(text);

        /// <summary>Tests the pattern when the caller already knows whether the text has surrogate pairs.</summary>
        /// <param name="text">Canonical text.</param>
        /// <param name="hasSurrogates">Result of <see cref="HasSurrogates"/> for <paramref name="text"/>.</param>
        /// <returns>Whether the signal fires.</returns>
        internal bool IsMatch(string text, bool hasSurrogates) => (hasSurrogates ? _regex : _bmpRegex).IsMatch(text);

        /// <summary>Returns whether <paramref name="text"/> contains any surrogate code unit.</summary>
        /// <param name="text">Canonical text.</param>
        /// <returns>True when a supplementary-plane character is present.</returns>
        internal static bool HasSurrogates(string text)
        {
            foreach (char c in text)
            {
                if (c >= 0xD800 && c <= 0xDFFF)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Tests the general Rust translation of the same pattern (for equivalence tests).</summary>
        /// <param name="text">Canonical text.</param>
        /// <returns>Whether the signal fires.</returns>
        internal bool IsMatchExact(string text)
        {
            Regex? exact = Volatile.Read(ref _exact);
            if (exact == null)
            {
                if (!RustRegex.TryCompile(_rustPattern, out exact, out string? error))
                {
                    throw new InvalidOperationException("Built-in detector pattern is invalid: " + error);
                }

                Volatile.Write(ref _exact, exact);
            }

            return exact!.IsMatch(text);
        }

        // \b( alt1|alt2 ) \b  →  (?=[first letters])(?<!W)(?: alt1|alt2 )(?!W). The cheap one-letter look-ahead
        // runs first so the costly look-behind over the Unicode word set is evaluated only where a phrase can
        // start (measured ~10x faster after a .{0,64} gap, where every backtracking position is tried).
        private static string Rewrite(string pattern, string word, string anyCodePoint)
        {
            var sb = new StringBuilder(pattern.Length * 2);
            int i = 0;
            while (i < pattern.Length)
            {
                if (string.CompareOrdinal(pattern, i, "\\b(", 0, 3) == 0)
                {
                    int close = pattern.IndexOf(')', i + 3);
                    string body = pattern.Substring(i + 3, close - i - 3);
                    var first = new StringBuilder();
                    foreach (string alternative in body.Split('|'))
                    {
                        char c = alternative[0];
                        if (first.ToString().IndexOf(c) < 0)
                        {
                            first.Append(c);
                        }
                    }

                    sb.Append("(?=[").Append(first).Append("])(?<!").Append(word).Append(")(?:").Append(body).Append(')');
                    i = close + 1;
                    if (string.CompareOrdinal(pattern, i, "\\b", 0, 2) == 0)
                    {
                        sb.Append("(?!").Append(word).Append(')');
                        i += 2;
                    }
                    else
                    {
                        throw new InvalidOperationException("Detector group must end with \\b: " + pattern);
                    }

                    continue;
                }

                if (string.CompareOrdinal(pattern, i, ".{0,", 0, 4) == 0)
                {
                    sb.Append(anyCodePoint).Append("{0,");
                    i += 4;
                    continue;
                }

                if (pattern[i] == '\\' && (i + 1 >= pattern.Length || pattern[i + 1] != 's'))
                {
                    throw new InvalidOperationException("Unsupported escape in detector pattern: " + pattern);
                }

                sb.Append(pattern[i]);
                i++;
            }

            return sb.ToString();
        }

        private static string WordAtom()
        {
            string? atom = Volatile.Read(ref s_wordAtom);
            if (atom == null)
            {
                var sb = new StringBuilder();
                RustRegexTranslator.AppendSet(sb, UnicodeData.Word);
                atom = sb.ToString();
                Volatile.Write(ref s_wordAtom, atom);
            }

            return atom;
        }
    }
}
