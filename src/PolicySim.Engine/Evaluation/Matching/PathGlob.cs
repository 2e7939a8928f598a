using System;
using System.Collections.Generic;
using System.Globalization;

namespace PolicySim.Evaluation.Matching
{
    /// <summary>
    /// One compiled path glob (Clawdstrike spec §3.0.2): the semantics of Rust <c>glob</c> 0.3.3
    /// <c>Pattern::matches</c> with default options — case-sensitive, anchored, per Unicode scalar value,
    /// <c>*</c> and <c>?</c> cross <c>/</c>, <c>**</c> only as a whole component, no braces, no escapes.
    /// </summary>
    /// <remarks>
    /// Patterns are classified once into allocation-free shapes (exact, prefix, suffix, <c>**/lit</c>,
    /// <c>**/lit*</c>, …); everything else runs a bit-parallel NFA that is linear in the path length,
    /// so no pattern can trigger exponential backtracking. Callers normalize the path first
    /// (<see cref="PathNormalizer"/>); <see cref="IsMatch"/> matches the string as given.
    /// </remarks>
    internal sealed class PathGlob
    {
        private const string ErrorWildcards = "wildcards are either regular `*` or recursive `**`";
        private const string ErrorRecursiveWildcards = "recursive wildcards must form a single path component";
        private const string ErrorInvalidRange = "invalid range pattern";

        private readonly Shape _shape;
        private readonly string _lit1;
        private readonly string _lit2;
        private readonly Token[] _tokens;

        // Bit-parallel NFA tables (used when _tokens.Length < 64): bit i means "about to match token i";
        // bit _tokens.Length means "matched the whole pattern".
        private readonly ulong[]? _asciiMasks;
        private readonly ulong _consumeMask;
        private readonly ulong _starMask;
        private readonly ulong _recMask;

        private PathGlob(string pattern, Token[] tokens)
        {
            Pattern = pattern;
            _tokens = tokens;
            _lit1 = string.Empty;
            _lit2 = string.Empty;
            _shape = Classify(tokens, ref _lit1, ref _lit2);
            RequiredLiterals = Required(_shape, _lit1, _lit2, tokens);
            if (_shape == Shape.General && tokens.Length < 64)
            {
                _asciiMasks = new ulong[128];
                for (int i = 0; i < tokens.Length; i++)
                {
                    ulong bit = 1UL << i;
                    switch (tokens[i].Kind)
                    {
                        case TokenKind.Star:
                            _starMask |= bit;
                            break;
                        case TokenKind.RecStar:
                            _recMask |= bit;
                            break;
                        default:
                            _consumeMask |= bit;
                            for (int c = 0; c < 128; c++)
                            {
                                if (tokens[i].Matches(c))
                                {
                                    _asciiMasks[c] |= bit;
                                }
                            }

                            break;
                    }
                }
            }
        }

        private enum TokenKind : byte
        {
            Char,
            Any,
            Class,
            Star,
            RecStar,
        }

        private enum Shape : byte
        {
            General,
            Always,
            Exact,
            StartsWith,
            EndsWith,
            Contains,
            PrefixAndSuffix,
            ComponentSuffix,
            ComponentPrefix,
        }

        /// <summary>The pattern text exactly as written in the policy.</summary>
        public string Pattern { get; }

        /// <summary>
        /// Texts that every path this glob matches contains (its literal runs; empty when it has none), so that a
        /// set of globs can skip the ones a path cannot match (<see cref="PathGlobSet"/>).
        /// </summary>
        internal string[] RequiredLiterals { get; }

        /// <summary>
        /// Compiles <paramref name="pattern"/>. On failure <paramref name="error"/> holds the Rust
        /// <c>PatternError</c> text, e.g. <c>Pattern syntax error near position 1: recursive wildcards must
        /// form a single path component</c>; callers wrap it as <c>invalid glob "{p}": {error}</c>.
        /// </summary>
        /// <param name="pattern">Glob text.</param>
        /// <param name="glob">The compiled glob, or null on failure.</param>
        /// <param name="error">The error text, or null on success.</param>
        /// <returns>True when the pattern compiled.</returns>
        public static bool TryCompile(string pattern, out PathGlob? glob, out string? error)
        {
            glob = null;
            int[] chars = ToScalars(pattern);
            var tokens = new List<Token>(chars.Length);
            int i = 0;
            while (i < chars.Length)
            {
                int c = chars[i];
                if (c == '?')
                {
                    tokens.Add(new Token(TokenKind.Any, 0, null));
                    i++;
                }
                else if (c == '*')
                {
                    int old = i;
                    while (i < chars.Length && chars[i] == '*')
                    {
                        i++;
                    }

                    int count = i - old;
                    if (count > 2)
                    {
                        error = Format(old + 2, ErrorWildcards);
                        return false;
                    }

                    if (count == 1)
                    {
                        tokens.Add(new Token(TokenKind.Star, 0, null));
                        continue;
                    }

                    // "**" must be a whole component: at the start or after '/', and followed by '/' or the end.
                    if (old == 0 || chars[old - 1] == '/')
                    {
                        if (i < chars.Length && chars[i] == '/')
                        {
                            i++; // the '/' after "**" belongs to the recursive token
                        }
                        else if (i != chars.Length)
                        {
                            error = Format(i, ErrorRecursiveWildcards);
                            return false;
                        }
                    }
                    else
                    {
                        error = Format(old - 1, ErrorRecursiveWildcards);
                        return false;
                    }

                    tokens.Add(new Token(TokenKind.RecStar, 0, null));
                }
                else if (c == '[')
                {
                    // Rust glob looks for the closing ']' starting one past the first member, so a ']'
                    // right after "[" or "[!" is a member; anything else without a ']' is an error.
                    int close = -1;
                    bool negated = false;
                    int membersStart = 0;
                    if (i + 4 <= chars.Length && chars[i + 1] == '!')
                    {
                        close = IndexOf(chars, ']', i + 3);
                        negated = true;
                        membersStart = i + 2;
                    }
                    else if (i + 3 <= chars.Length && chars[i + 1] != '!')
                    {
                        close = IndexOf(chars, ']', i + 2);
                        membersStart = i + 1;
                    }

                    if (close < 0)
                    {
                        error = Format(i, ErrorInvalidRange);
                        return false;
                    }

                    tokens.Add(new Token(TokenKind.Class, 0, CharClass.Parse(chars, membersStart, close, negated)));
                    i = close + 1;
                }
                else
                {
                    tokens.Add(new Token(TokenKind.Char, c, null));
                    i++;
                }
            }

            glob = new PathGlob(pattern, Simplify(tokens));
            error = null;
            return true;
        }

        /// <summary>Tests the whole of <paramref name="path"/> (already normalized by the caller).</summary>
        /// <param name="path">The path to test.</param>
        /// <returns>True when the pattern matches the entire string.</returns>
        public bool IsMatch(string path)
        {
            switch (_shape)
            {
                case Shape.Always:
                    return true;
                case Shape.Exact:
                    return string.Equals(path, _lit1, StringComparison.Ordinal);
                case Shape.StartsWith:
                    return path.StartsWith(_lit1, StringComparison.Ordinal);
                case Shape.EndsWith:
                    return path.EndsWith(_lit1, StringComparison.Ordinal);
                case Shape.Contains:
                    return path.AsSpan().IndexOf(_lit1.AsSpan()) >= 0;
                case Shape.PrefixAndSuffix:
                    return path.Length >= _lit1.Length + _lit2.Length
                        && path.StartsWith(_lit1, StringComparison.Ordinal)
                        && path.EndsWith(_lit2, StringComparison.Ordinal);
                case Shape.ComponentSuffix:
                    // "**/lit": lit is the whole path or follows a '/'. _lit2 is "/" + lit.
                    return string.Equals(path, _lit1, StringComparison.Ordinal)
                        || path.EndsWith(_lit2, StringComparison.Ordinal);
                case Shape.ComponentPrefix:
                    // "**/lit*" and "**/lit/**": some component start (0 or after '/') begins with lit.
                    return path.StartsWith(_lit1, StringComparison.Ordinal)
                        || path.AsSpan().IndexOf(_lit2.AsSpan()) >= 0;
                default:
                    return _asciiMasks != null ? MatchBits(path) : MatchWide(path);
            }
        }

        /// <inheritdoc/>
        public override string ToString() => Pattern;

        private static string Format(int pos, string msg)
            => "Pattern syntax error near position " + pos.ToString(CultureInfo.InvariantCulture) + ": " + msg;

        private static int IndexOf(int[] chars, int value, int start)
        {
            for (int k = start; k < chars.Length; k++)
            {
                if (chars[k] == value)
                {
                    return k;
                }
            }

            return -1;
        }

        /// <summary>Decodes to Unicode scalar values; Rust positions and '?' count scalars, not UTF-16 units.</summary>
        private static int[] ToScalars(string s)
        {
            var list = new List<int>(s.Length);
            for (int k = 0; k < s.Length; k++)
            {
                list.Add(ReadScalar(s, ref k));
            }

            return list.ToArray();
        }

        /// <summary>Reads the scalar at <paramref name="k"/>, advancing past a low surrogate when paired.</summary>
        private static int ReadScalar(string s, ref int k)
        {
            char c = s[k];
            if (char.IsHighSurrogate(c) && k + 1 < s.Length && char.IsLowSurrogate(s[k + 1]))
            {
                k++;
                return char.ConvertToUtf32(c, s[k]);
            }

            // A lone surrogate cannot occur in a Rust string; treating it as its own code unit is harmless.
            return c;
        }

        /// <summary>
        /// Rewrites the token list into an equivalent, shorter one: a trailing <c>**</c> matches anything (so it
        /// is a <c>*</c>), a run of <c>*</c>/<c>**</c> containing a <c>*</c> is one <c>*</c>, and consecutive
        /// recursive tokens are one. This keeps fast-path classification simple; semantics are unchanged.
        /// </summary>
        private static Token[] Simplify(List<Token> tokens)
        {
            var result = new List<Token>(tokens.Count);
            int i = 0;
            while (i < tokens.Count)
            {
                TokenKind kind = tokens[i].Kind;
                if (kind != TokenKind.Star && kind != TokenKind.RecStar)
                {
                    result.Add(tokens[i]);
                    i++;
                    continue;
                }

                bool anyStar = false;
                int j = i;
                while (j < tokens.Count && (tokens[j].Kind == TokenKind.Star || tokens[j].Kind == TokenKind.RecStar))
                {
                    anyStar |= tokens[j].Kind == TokenKind.Star;
                    j++;
                }

                bool trailing = j == tokens.Count;
                result.Add(new Token(anyStar || trailing ? TokenKind.Star : TokenKind.RecStar, 0, null));
                i = j;
            }

            return result.ToArray();
        }

        private static Shape Classify(Token[] t, ref string lit1, ref string lit2)
        {
            // Only Char and star tokens qualify for a fast path.
            foreach (Token tok in t)
            {
                if (tok.Kind == TokenKind.Any || tok.Kind == TokenKind.Class)
                {
                    return Shape.General;
                }
            }

            // Split into [star?] literal [star?] ... — fast shapes have at most two literal runs.
            int n = t.Length;
            if (n == 0)
            {
                lit1 = string.Empty;
                return Shape.Exact;
            }

            if (n == 1 && t[0].Kind == TokenKind.Star)
            {
                return Shape.Always;
            }

            int firstLitEnd = LiteralRunEnd(t, 0);
            if (firstLitEnd == n)
            {
                lit1 = LiteralText(t, 0, n);
                return Shape.Exact;
            }

            if (firstLitEnd > 0)
            {
                // literal * ...
                if (t[firstLitEnd].Kind != TokenKind.Star)
                {
                    return Shape.General;
                }

                lit1 = LiteralText(t, 0, firstLitEnd);
                if (firstLitEnd + 1 == n)
                {
                    return Shape.StartsWith;
                }

                int secondEnd = LiteralRunEnd(t, firstLitEnd + 1);
                if (secondEnd == n)
                {
                    lit2 = LiteralText(t, firstLitEnd + 1, n);
                    return Shape.PrefixAndSuffix;
                }

                return Shape.General;
            }

            // Starts with a star token.
            TokenKind lead = t[0].Kind;
            int litEnd = LiteralRunEnd(t, 1);
            if (litEnd == 1)
            {
                return Shape.General;
            }

            string lit = LiteralText(t, 1, litEnd);
            if (litEnd == n)
            {
                lit1 = lit;
                if (lead == TokenKind.Star)
                {
                    return Shape.EndsWith;
                }

                lit2 = "/" + lit;
                return Shape.ComponentSuffix;
            }

            if (litEnd + 1 == n && t[litEnd].Kind == TokenKind.Star)
            {
                lit1 = lit;
                if (lead == TokenKind.Star)
                {
                    return Shape.Contains;
                }

                lit2 = "/" + lit;
                return Shape.ComponentPrefix;
            }

            return Shape.General;
        }

        private static string[] Required(Shape shape, string lit1, string lit2, Token[] tokens)
        {
            switch (shape)
            {
                case Shape.Always:
                    return Array.Empty<string>();
                case Shape.PrefixAndSuffix:
                    return new[] { lit1, lit2 };
                case Shape.General:
                    // Every run of literal characters appears, in order, in a matching path.
                    var runs = new List<string>();
                    for (int i = 0; i < tokens.Length;)
                    {
                        int end = LiteralRunEnd(tokens, i);
                        if (end > i)
                        {
                            runs.Add(LiteralText(tokens, i, end));
                            i = end;
                        }
                        else
                        {
                            i++;
                        }
                    }

                    return runs.ToArray();
                default:
                    // Exact, StartsWith, EndsWith, Contains: lit1 itself. ComponentSuffix ("**/lit") and ComponentPrefix
                    // ("**/lit*"): lit1 is the whole path, or follows its start or a '/'.
                    return new[] { lit1 };
            }
        }

        private static int LiteralRunEnd(Token[] t, int start)
        {
            int k = start;
            while (k < t.Length && t[k].Kind == TokenKind.Char)
            {
                k++;
            }

            return k;
        }

        private static string LiteralText(Token[] t, int start, int end)
        {
            var sb = new System.Text.StringBuilder(end - start);
            for (int k = start; k < end; k++)
            {
                int c = t[k].Char;
                if (c > 0xFFFF)
                {
                    sb.Append(char.ConvertFromUtf32(c));
                }
                else
                {
                    sb.Append((char)c);
                }
            }

            return sb.ToString();
        }

        /// <summary>
        /// Bit-parallel simulation of the token NFA. A <c>*</c> loops on every character and may stop at any
        /// point; a (non-trailing) <c>**</c> loops on every character but may only stop right after a '/'
        /// (or before consuming anything) — "empty, or a prefix ending with '/'".
        /// </summary>
        private bool MatchBits(string path)
        {
            ulong[] ascii = _asciiMasks!;
            ulong loops = _starMask | _recMask;
            ulong active = Closure(1UL, loops);
            for (int k = 0; k < path.Length; k++)
            {
                int c = path[k];
                ulong charMask;
                if (c < 128)
                {
                    charMask = ascii[c];
                }
                else
                {
                    c = ReadScalar(path, ref k);
                    charMask = WideCharMask(c);
                }

                ulong entered = (active & _consumeMask & charMask) << 1;
                if (c == '/')
                {
                    entered |= (active & _recMask) << 1;
                }

                // A star that consumed the character may still stop afterwards, so it goes through the
                // closure; a recursive star that consumed a non-'/' must keep consuming.
                active = Closure(entered | (active & _starMask), loops) | (active & _recMask);
                if (active == 0)
                {
                    return false;
                }
            }

            return ((active >> _tokens.Length) & 1UL) != 0;
        }

        private static ulong Closure(ulong set, ulong loops)
        {
            while (true)
            {
                ulong next = set | ((set & loops) << 1);
                if (next == set)
                {
                    return set;
                }

                set = next;
            }
        }

        private ulong WideCharMask(int c)
        {
            ulong mask = 0;
            for (int i = 0; i < _tokens.Length; i++)
            {
                if (_tokens[i].Kind <= TokenKind.Class && _tokens[i].Matches(c))
                {
                    mask |= 1UL << i;
                }
            }

            return mask;
        }

        /// <summary>The same simulation as <see cref="MatchBits"/> for patterns of 64 tokens or more.</summary>
        private bool MatchWide(string path)
        {
            int n = _tokens.Length;
            bool[] active = new bool[n + 1];
            bool[] next = new bool[n + 1];
            active[0] = true;
            WideClosure(active);
            for (int k = 0; k < path.Length; k++)
            {
                int c = ReadScalar(path, ref k);
                Array.Clear(next, 0, next.Length);
                bool any = false;
                for (int i = 0; i < n; i++)
                {
                    if (!active[i])
                    {
                        continue;
                    }

                    Token tok = _tokens[i];
                    if (tok.Kind == TokenKind.Star)
                    {
                        next[i] = true;
                    }
                    else if (tok.Kind == TokenKind.RecStar)
                    {
                        if (c == '/')
                        {
                            next[i + 1] = true;
                        }
                    }
                    else if (tok.Matches(c))
                    {
                        next[i + 1] = true;
                    }
                }

                WideClosure(next);
                for (int i = 0; i < n; i++)
                {
                    if (active[i] && _tokens[i].Kind == TokenKind.RecStar)
                    {
                        next[i] = true;
                    }
                }

                for (int i = 0; i <= n; i++)
                {
                    any |= next[i];
                }

                if (!any)
                {
                    return false;
                }

                (active, next) = (next, active);
            }

            return active[n];
        }

        private void WideClosure(bool[] set)
        {
            for (int i = 0; i < _tokens.Length; i++)
            {
                if (set[i] && _tokens[i].Kind >= TokenKind.Star)
                {
                    set[i + 1] = true;
                }
            }
        }

        /// <summary>One pattern token; <see cref="Char"/> is a Unicode scalar value.</summary>
        private readonly struct Token
        {
            public Token(TokenKind kind, int ch, CharClass? cls)
            {
                Kind = kind;
                Char = ch;
                Class = cls;
            }

            public TokenKind Kind { get; }

            public int Char { get; }

            public CharClass? Class { get; }

            public bool Matches(int c) => Kind switch
            {
                TokenKind.Char => Char == c,
                TokenKind.Any => true,
                TokenKind.Class => Class!.Contains(c),
                _ => false,
            };
        }

        /// <summary>
        /// A <c>[...]</c> / <c>[!...]</c> class. Rust glob reads members left to right: <c>x-y</c> is a range
        /// whenever a '-' sits between two members, otherwise each character (including '-') is literal.
        /// Ranges compare code points; a reversed range matches nothing.
        /// </summary>
        private sealed class CharClass
        {
            private readonly int[] _lo;
            private readonly int[] _hi;
            private readonly bool _negated;

            private CharClass(int[] lo, int[] hi, bool negated)
            {
                _lo = lo;
                _hi = hi;
                _negated = negated;
            }

            public static CharClass Parse(int[] chars, int start, int end, bool negated)
            {
                var lo = new List<int>();
                var hi = new List<int>();
                int i = start;
                while (i < end)
                {
                    if (i + 3 <= end && chars[i + 1] == '-')
                    {
                        lo.Add(chars[i]);
                        hi.Add(chars[i + 2]);
                        i += 3;
                    }
                    else
                    {
                        lo.Add(chars[i]);
                        hi.Add(chars[i]);
                        i++;
                    }
                }

                return new CharClass(lo.ToArray(), hi.ToArray(), negated);
            }

            public bool Contains(int c)
            {
                for (int k = 0; k < _lo.Length; k++)
                {
                    if (c >= _lo[k] && c <= _hi[k])
                    {
                        return !_negated;
                    }
                }

                return _negated;
            }
        }
    }
}
