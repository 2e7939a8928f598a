using System;
using System.Collections.Generic;

namespace PolicySim.Evaluation.Text
{
    /// <summary>
    /// An exact matcher for a detector pattern on ASCII text, without a regex: the pattern is top-level
    /// alternatives of <c>\b(phrase|…)\b</c> groups joined by <c>.{0,N}</c> gaps (the shape
    /// <see cref="DetectorPattern"/> accepts). In ASCII text a word character is <c>[A-Za-z0-9_]</c> for both
    /// engines and a gap counts characters, so a match exists exactly when some chain of word-bounded phrase
    /// occurrences, one per group, has each gap between 0 and N characters. Finding the occurrences is a few
    /// vectorized searches; the regex instead backtracks through every gap length at every candidate start.
    /// </summary>
    internal sealed class AsciiPhrasePattern
    {
        // branches → items; a group is a list of phrases, a phrase a list of pieces (literal text, or null for \s+);
        // gaps[i] is the gap allowed after group i. Each phrase's first piece is also a registered required literal
        // (RequiredLiterals), so the scan memo tells which phrases occur at all before any search.
        private readonly Branch[] _branches;

        private AsciiPhrasePattern(Branch[] branches)
        {
            _branches = branches;
        }

        /// <summary>Builds the matcher, or returns null when the pattern has another shape.</summary>
        /// <param name="pattern">The Rust pattern body (without <c>(?is)</c>).</param>
        /// <returns>The matcher, or null.</returns>
        internal static AsciiPhrasePattern? TryCreate(string pattern)
        {
            var branches = new List<Branch>();
            foreach (string body in Matching.RustPatternFacts.SplitTopLevel(pattern))
            {
                var groups = new List<string[][]>();
                var gaps = new List<int>();
                int i = 0;
                while (i < body.Length)
                {
                    if (string.CompareOrdinal(body, i, "\\b(", 0, 3) == 0)
                    {
                        int close = body.IndexOf(')', i + 3);
                        if (close < 0 || string.CompareOrdinal(body, close + 1, "\\b", 0, 2) != 0 || groups.Count != gaps.Count)
                        {
                            return null;
                        }

                        string[][]? phrases = Phrases(body.Substring(i + 3, close - i - 3));
                        if (phrases == null)
                        {
                            return null;
                        }

                        groups.Add(phrases);
                        i = close + 3;
                    }
                    else if (string.CompareOrdinal(body, i, ".{0,", 0, 4) == 0)
                    {
                        int close = body.IndexOf('}', i + 4);
                        if (close < 0 || groups.Count != gaps.Count + 1 || !Digits(body, i + 4, close, out int max))
                        {
                            return null;
                        }

                        gaps.Add(max);
                        i = close + 1;
                    }
                    else
                    {
                        return null;
                    }
                }

                if (groups.Count == 0 || gaps.Count != groups.Count - 1)
                {
                    return null;
                }

                var ids = new int[groups.Count][];
                for (int g = 0; g < groups.Count; g++)
                {
                    ids[g] = new int[groups[g].Length];
                    for (int p = 0; p < groups[g].Length; p++)
                    {
                        ids[g][p] = RequiredLiterals.Register(groups[g][p][0]);
                    }
                }

                branches.Add(new Branch(groups.ToArray(), gaps.ToArray(), ids));
            }

            return new AsciiPhrasePattern(branches.ToArray());
        }

        /// <summary>Whether the pattern matches <paramref name="text"/>, which must be ASCII.</summary>
        /// <param name="text">ASCII canonical text.</param>
        /// <returns>Whether the signal fires.</returns>
        internal bool IsMatch(string text) => IsMatch(text, null);

        /// <summary>Whether the pattern matches the scanned text, which must be ASCII; phrases the memo knows absent are skipped.</summary>
        /// <param name="scan">ASCII canonical text with its literal memo.</param>
        /// <returns>Whether the signal fires.</returns>
        internal bool IsMatch(ScanText scan) => IsMatch(scan.Text, scan);

        private bool IsMatch(string text, ScanText? scan)
        {
            foreach (Branch branch in _branches)
            {
                if (Matches(text, branch, scan))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Matches(string text, Branch branch, ScanText? scan)
        {
            LiteralIndex? literals = scan != null ? RequiredLiterals.Index : null;
            // Ends of the chains that got through the groups so far (any order, duplicates harmless).
            List<int>? ends = null;
            for (int g = 0; g < branch.Groups.Length; g++)
            {
                var next = new List<int>();
                string[][] phrases = branch.Groups[g];
                for (int p = 0; p < phrases.Length; p++)
                {
                    string[] phrase = phrases[p];
                    string first = phrase[0];
                    if (scan != null && !scan.LiteralPresent(branch.LiteralIds[g][p], literals!))
                    {
                        continue;
                    }

                    int from = 0;
                    while (from <= text.Length - first.Length)
                    {
                        int at = text.IndexOf(first, from, StringComparison.Ordinal);
                        if (at < 0)
                        {
                            break;
                        }

                        from = at + 1;
                        if (at > 0 && IsWord(text[at - 1]))
                        {
                            continue;
                        }

                        int end = MatchPhrase(text, at, phrase);
                        if (end < 0 || (end < text.Length && IsWord(text[end])))
                        {
                            continue;
                        }

                        if (ends == null || Reachable(ends, at, branch.Gaps[g - 1]))
                        {
                            next.Add(end);
                        }
                    }
                }

                if (next.Count == 0)
                {
                    return false;
                }

                ends = next;
            }

            return true;
        }

        private static bool Reachable(List<int> ends, int start, int maxGap)
        {
            foreach (int e in ends)
            {
                if (start >= e && start - e <= maxGap)
                {
                    return true;
                }
            }

            return false;
        }

        // The end of the phrase matched at `at`, or -1. Pieces: literal text, or null for \s+ (greedy is exact: the
        // piece after it starts with a word character, never with white space).
        private static int MatchPhrase(string text, int at, string[] phrase)
        {
            int pos = at;
            foreach (string piece in phrase)
            {
                if (piece == null)
                {
                    int start = pos;
                    while (pos < text.Length && IsSpace(text[pos]))
                    {
                        pos++;
                    }

                    if (pos == start)
                    {
                        return -1;
                    }
                }
                else
                {
                    if (pos + piece.Length > text.Length || string.CompareOrdinal(text, pos, piece, 0, piece.Length) != 0)
                    {
                        return -1;
                    }

                    pos += piece.Length;
                }
            }

            return pos;
        }

        // A group's phrases as pieces; null when a phrase has any syntax besides literal characters and \s+.
        private static string[][]? Phrases(string body)
        {
            var result = new List<string[]>();
            foreach (string alternative in body.Split('|'))
            {
                var pieces = new List<string>();
                int i = 0;
                int literalStart = 0;
                while (i < alternative.Length)
                {
                    char c = alternative[i];
                    if (c == '\\')
                    {
                        if (string.CompareOrdinal(alternative, i, "\\s+", 0, 3) != 0 || i == 0)
                        {
                            return null;
                        }

                        pieces.Add(alternative.Substring(literalStart, i - literalStart));
                        pieces.Add(null!);
                        i += 3;
                        literalStart = i;
                        continue;
                    }

                    if (!IsLiteral(c))
                    {
                        return null;
                    }

                    i++;
                }

                if (literalStart >= alternative.Length || !IsWord(alternative[0]) || !IsWord(alternative[alternative.Length - 1]))
                {
                    return null;
                }

                pieces.Add(alternative.Substring(literalStart));
                result.Add(pieces.ToArray());
            }

            return result.ToArray();
        }

        private static bool Digits(string s, int start, int end, out int value)
        {
            value = 0;
            if (end <= start || end - start > 6)
            {
                return false;
            }

            for (int i = start; i < end; i++)
            {
                if (s[i] < '0' || s[i] > '9')
                {
                    return false;
                }

                value = (value * 10) + (s[i] - '0');
            }

            return true;
        }

        private static bool IsLiteral(char c) => IsWord(c) || c == ' ' || c == '\'' || c == '-';

        /// <summary>Whether <paramref name="c"/> is an ASCII word character (<c>[A-Za-z0-9_]</c>), a word character for both engines.</summary>
        internal static bool IsWord(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';

        // \s on ASCII in both engines: TAB, LF, VT, FF, CR, space.
        private static bool IsSpace(char c) => c == ' ' || (c >= '\t' && c <= '\r');

        private sealed class Branch
        {
            public Branch(string[][][] groups, int[] gaps, int[][] literalIds)
            {
                Groups = groups;
                Gaps = gaps;
                LiteralIds = literalIds;
            }

            /// <summary>Gets, per group and phrase, the registered id of the phrase's first piece.</summary>
            public int[][] LiteralIds { get; }

            public string[][][] Groups { get; }

            public int[] Gaps { get; }
        }
    }
}
