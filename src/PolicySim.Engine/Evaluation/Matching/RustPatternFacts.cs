using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PolicySim.Evaluation.Matching
{
    /// <summary>
    /// Conservative facts about a Rust-syntax pattern that let a caller skip running it: a literal every match must
    /// start with, and whether the pattern looks at anything outside its match (anchors, multi-line mode). A "don't
    /// know" answer (null / false) is always safe; a definite answer must hold for every match.
    /// </summary>
    internal static class RustPatternFacts
    {
        /// <summary>
        /// The literal that starts every match (case-sensitive, ASCII letters, digits, <c>-</c> and <c>_</c>), or null
        /// when the pattern starts with flags, a group, a class or an escape, or has a top-level alternative.
        /// </summary>
        /// <param name="pattern">A Rust-syntax pattern.</param>
        /// <returns>The required prefix, or null.</returns>
        internal static string? RequiredPrefix(string pattern) => RequiredPrefix(pattern, out bool ignoreCase) is string p && !ignoreCase ? p : null;

        /// <summary>
        /// As <see cref="RequiredPrefix(string)"/>, also for patterns that start with <c>(?i)</c>: then
        /// <paramref name="ignoreCase"/> is true and the literal must be looked for ignoring case, in ASCII text only
        /// (see <see cref="MayContain"/>).
        /// </summary>
        /// <param name="pattern">A Rust-syntax pattern.</param>
        /// <param name="ignoreCase">Whether the pattern starts with <c>(?i)</c>.</param>
        /// <returns>The required prefix, or null.</returns>
        internal static string? RequiredPrefix(string pattern, out bool ignoreCase)
        {
            ignoreCase = false;
            if (pattern == null)
            {
                return null;
            }

            if (pattern.StartsWith("(?i)", StringComparison.Ordinal))
            {
                ignoreCase = true;
                pattern = pattern.Substring(4);
            }

            if (HasTopLevelAlternative(pattern))
            {
                return null;
            }

            var prefix = new StringBuilder();
            int i = 0;
            while (i < pattern.Length && IsPlainLiteral(pattern[i]))
            {
                prefix.Append(pattern[i]);
                i++;
            }

            // A quantifier after the run applies to its last character, which may then be absent or repeated.
            if (i < pattern.Length && (pattern[i] == '?' || pattern[i] == '*' || pattern[i] == '{' || pattern[i] == '+') && prefix.Length > 0)
            {
                prefix.Length--;
            }

            return prefix.Length > 0 ? prefix.ToString() : null;
        }

        /// <summary>
        /// Whether a match can depend on text outside the matched span only through word boundaries: no
        /// <c>^</c>/<c>$</c> (also inside classes, conservatively), <c>\A</c>/<c>\z</c>, or flag groups. For such a
        /// pattern, no match in a whole text means no match in any of its lines.
        /// </summary>
        /// <param name="pattern">A Rust-syntax pattern.</param>
        /// <returns>True when the pattern has no anchors and no flags other than a leading <c>(?i)</c>.</returns>
        internal static bool IsUnanchored(string pattern)
        {
            if (pattern == null)
            {
                return false;
            }

            string body = pattern.StartsWith("(?i)", StringComparison.Ordinal) ? pattern.Substring(4) : pattern;
            if (body.AsSpan().IndexOfAny('^', '$') >= 0 || body.AsSpan().IndexOf("(?".AsSpan()) >= 0)
            {
                return false;
            }

            for (int i = 0; i + 1 < body.Length; i++)
            {
                if (body[i] == '\\')
                {
                    char e = body[i + 1];
                    if (e == 'A' || e == 'z' || e == 'Z')
                    {
                        return false;
                    }

                    i++;
                }
            }

            return true;
        }

        /// <summary>
        /// False only when the scanned text certainly lacks <paramref name="prefix"/>. Ignoring case is only decided
        /// for ASCII text: Unicode case folding maps a few non-ASCII characters to ASCII letters (K, ſ), so any other
        /// text is answered "maybe".
        /// </summary>
        /// <param name="scan">The text to be scanned, with what the caller's other prefilters learned about it.</param>
        /// <param name="prefix">A literal from <see cref="RequiredPrefix(string, out bool)"/>; lower-case when <paramref name="ignoreCase"/>.</param>
        /// <param name="ignoreCase">Whether the literal is case-insensitive.</param>
        /// <returns>Whether the text may contain the literal.</returns>
        internal static bool MayContain(ref LiteralScan scan, string prefix, bool ignoreCase)
        {
            if (!ignoreCase)
            {
                return scan.Text.AsSpan().IndexOf(prefix.AsSpan()) >= 0;
            }

            // An ordinal search in the lower-cased text, not IndexOf(OrdinalIgnoreCase): in globalization-invariant
            // mode (containers without ICU) that is a character-by-character loop, which made a comparison 1.8x slower.
            return !scan.IsAscii || scan.Lowered.IndexOf(prefix.AsSpan()) >= 0;
        }

        private static bool IsPlainLiteral(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';

        private static bool HasTopLevelAlternative(string pattern) => SplitTopLevel(pattern).Skip(1).Any();

        /// <summary>
        /// Splits a Rust-syntax pattern at its top-level <c>|</c>: outside groups and character classes, escapes skipped.
        /// </summary>
        /// <param name="pattern">The pattern.</param>
        /// <returns>The top-level alternatives (the whole pattern when there is one).</returns>
        internal static IEnumerable<string> SplitTopLevel(string pattern)
        {
            int depth = 0;
            int start = 0;
            bool inClass = false;
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '\\')
                {
                    i++;
                }
                else if (inClass)
                {
                    inClass = c != ']';
                }
                else if (c == '[')
                {
                    inClass = true;

                    // A ']' right after '[' or '[^' is a literal member.
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        i++;
                    }

                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        i++;
                    }
                }
                else if (c == '(')
                {
                    depth++;
                }
                else if (c == ')')
                {
                    depth--;
                }
                else if (c == '|' && depth == 0)
                {
                    yield return pattern.Substring(start, i - start);
                    start = i + 1;
                }
            }

            yield return pattern.Substring(start);
        }
    }

    /// <summary>
    /// A regex's leading literal as a prefilter (<see cref="RustPatternFacts.RequiredPrefix(string, out bool)"/>): text
    /// that certainly lacks it cannot match, so the regex need not run. Patterns without one always "may match".
    /// </summary>
    internal readonly struct LeadingLiteral
    {
        private readonly string? _literal;
        private readonly bool _ignoreCase;

        private LeadingLiteral(string? literal, bool ignoreCase)
        {
            // Plain literals are ASCII letters, digits, '-' and '_': lower-casing them is culture-free.
            _literal = ignoreCase ? literal?.ToLowerInvariant() : literal;
            _ignoreCase = ignoreCase;
        }

        /// <summary>The leading literal of a Rust-syntax pattern (none when it has no plain literal start).</summary>
        /// <param name="pattern">A Rust-syntax pattern.</param>
        /// <returns>The prefilter.</returns>
        internal static LeadingLiteral Of(string pattern) => new LeadingLiteral(RustPatternFacts.RequiredPrefix(pattern, out bool ignoreCase), ignoreCase);

        /// <summary>False only when the text certainly cannot match (see <see cref="RustPatternFacts.MayContain"/>).</summary>
        /// <param name="scan">The text, shared by the caller's prefilters.</param>
        /// <returns>Whether the pattern may match.</returns>
        internal bool MayMatch(ref LiteralScan scan) =>
            _literal == null || RustPatternFacts.MayContain(ref scan, _literal, _ignoreCase);
    }

    /// <summary>
    /// One text as seen by a guard's leading-literal prefilters: whether it is ASCII and, for case-insensitive
    /// literals, its ASCII lower-case form, each worked out once for all the guard's patterns. Create one per text
    /// and pass it by reference.
    /// </summary>
    /// <remarks>
    /// The lower-case form lives in a per-thread buffer (texts up to 64 Ki characters; larger ones get their own), which
    /// is valid until the next <see cref="LiteralScan"/> on the thread lowers a text: a guard scans one text at a time.
    /// </remarks>
    internal struct LiteralScan
    {
        private const int MaxRetainedChars = 64 * 1024;

        [ThreadStatic]
        private static char[]? t_buffer;

        private bool? _ascii;
        private char[]? _lowered;

        /// <summary>Creates the scan of <paramref name="text"/>.</summary>
        /// <param name="text">The text.</param>
        public LiteralScan(string text)
        {
            Text = text;
            _ascii = null;
            _lowered = null;
        }

        /// <summary>Gets the text.</summary>
        public string Text { get; }

        /// <summary>Gets whether the text is all ASCII (worked out on first use).</summary>
        public bool IsAscii => _ascii ??= PolicySim.Evaluation.Text.TextCanonicalizer.IsAscii(Text);

        /// <summary>Gets the ASCII lower-case form of the text (only meaningful when <see cref="IsAscii"/>).</summary>
        public System.ReadOnlySpan<char> Lowered
        {
            get
            {
                if (_lowered == null)
                {
                    string text = Text;
                    char[] buffer = text.Length > MaxRetainedChars ? new char[text.Length]
                        : t_buffer != null && t_buffer.Length >= text.Length ? t_buffer
                        : (t_buffer = new char[System.Math.Max(text.Length, 1024)]);
#if NET8_0_OR_GREATER
                    System.Text.Ascii.ToLower(text.AsSpan(), buffer, out _);
#else
                    for (int i = 0; i < text.Length; i++)
                    {
                        char c = text[i];
                        buffer[i] = c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;
                    }
#endif
                    _lowered = buffer;
                }

                return new System.ReadOnlySpan<char>(_lowered, 0, Text.Length);
            }
        }
    }
}
