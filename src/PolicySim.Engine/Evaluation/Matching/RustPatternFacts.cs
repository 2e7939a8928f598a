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
        /// False only when <paramref name="text"/> certainly lacks <paramref name="prefix"/>. Ignoring case is only
        /// decided for ASCII text: Unicode case folding maps a few non-ASCII characters to ASCII letters (K, ſ), so
        /// any other text is answered "maybe".
        /// </summary>
        /// <param name="text">The text to be scanned.</param>
        /// <param name="prefix">A literal from <see cref="RequiredPrefix(string, out bool)"/>.</param>
        /// <param name="ignoreCase">Whether the literal is case-insensitive.</param>
        /// <param name="isAscii">Whether the text is ASCII, computed once by the caller and passed in (null: not yet known).</param>
        /// <returns>Whether the text may contain the literal.</returns>
        internal static bool MayContain(string text, string prefix, bool ignoreCase, ref bool? isAscii)
        {
            if (!ignoreCase)
            {
                return text.AsSpan().IndexOf(prefix.AsSpan()) >= 0;
            }

            isAscii ??= Text.TextCanonicalizer.IsAscii(text);
            return !isAscii.Value || text.AsSpan().IndexOf(prefix.AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0;
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
            _literal = literal;
            _ignoreCase = ignoreCase;
        }

        /// <summary>The leading literal of a Rust-syntax pattern (none when it has no plain literal start).</summary>
        /// <param name="pattern">A Rust-syntax pattern.</param>
        /// <returns>The prefilter.</returns>
        internal static LeadingLiteral Of(string pattern) => new LeadingLiteral(RustPatternFacts.RequiredPrefix(pattern, out bool ignoreCase), ignoreCase);

        /// <summary>False only when <paramref name="text"/> certainly cannot match (see <see cref="RustPatternFacts.MayContain"/>).</summary>
        /// <param name="text">The text to be scanned.</param>
        /// <param name="isAscii">Whether the text is ASCII, shared by the caller's prefilters (null: not yet known).</param>
        /// <returns>Whether the pattern may match.</returns>
        internal bool MayMatch(string text, ref bool? isAscii) =>
            _literal == null || RustPatternFacts.MayContain(text, _literal, _ignoreCase, ref isAscii);
    }
}
