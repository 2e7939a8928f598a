using System;
using System.Collections.Generic;
using System.Globalization;

namespace PolicySim.Evaluation.Matching
{
    /// <summary>
    /// One compiled egress domain glob (Clawdstrike spec §3.0.3): Rust <c>globset</c> 0.4.18 with
    /// <c>case_insensitive(true)</c> and <c>literal_separator(true)</c>, matched against the whole host string.
    /// </summary>
    /// <remarks>
    /// <para>
    /// globset turns a glob into the regex <c>(?-u)(?i)^…$</c> and runs it over the UTF-8 <em>bytes</em> of the
    /// candidate. Two consequences a naive port misses, both reproduced here: case-insensitivity is ASCII-only
    /// (<c>(?-u)</c> disables Unicode case folding, so the Kelvin sign U+212A does <em>not</em> match <c>k</c>),
    /// and <c>?</c>, <c>*</c> and classes work on bytes (<c>?</c> matches one byte of a multi-byte character;
    /// <c>[é]</c> is the byte class <c>[\xC3\xA9]</c>). Hosts are ASCII in practice, where this is simply
    /// "ASCII case-insensitive".
    /// </para>
    /// <para>
    /// Matching uses fast paths for the common shapes (exact host, <c>*.suffix</c>, <c>prefix.*</c>, <c>*</c>,
    /// <c>**</c>) and otherwise a byte-level NFA simulation: linear in the host length, no regex engine,
    /// no timeouts, no allocations for patterns up to 1023 NFA states.
    /// </para>
    /// </remarks>
    internal sealed class DomainGlob
    {
        private const int Slash = '/';

        private readonly Shape _shape;
        private readonly string _literal = string.Empty;
        private readonly Nfa? _nfa;

        private DomainGlob(string pattern, List<Token> tokens)
        {
            Pattern = pattern;
            _shape = Classify(tokens, out string literal);
            _literal = literal;
            if (_shape == Shape.General)
            {
                _nfa = Nfa.Build(tokens);
            }
        }

        private enum Shape : byte
        {
            General,
            Always,
            NoSlash,
            Exact,
            Suffix,
            Prefix,
        }

        private enum TokenKind : byte
        {
            Literal,
            Any,
            ZeroOrMore,
            RecursivePrefix,
            RecursiveSuffix,
            RecursiveZeroOrMore,
            Class,
            Alternates,
        }

        /// <summary>The pattern text exactly as written in the policy.</summary>
        public string Pattern { get; }

        /// <summary>
        /// Compiles <paramref name="pattern"/>. On failure <paramref name="error"/> holds globset's error text,
        /// e.g. <c>error parsing glob '[a': unclosed character class; missing ']'</c>; callers wrap it as
        /// <c>invalid domain glob "{p}": {error}</c>.
        /// </summary>
        /// <param name="pattern">Glob text.</param>
        /// <param name="glob">The compiled glob, or null on failure.</param>
        /// <param name="error">The error text, or null on success.</param>
        /// <returns>True when the pattern compiled.</returns>
        public static bool TryCompile(string pattern, out DomainGlob? glob, out string? error)
        {
            var parser = new Parser(pattern);
            string? kind = parser.Parse(out List<Token>? tokens);
            if (kind != null)
            {
                glob = null;
                error = "error parsing glob '" + pattern + "': " + kind;
                return false;
            }

            glob = new DomainGlob(pattern, tokens!);
            error = null;
            return true;
        }

        /// <summary>Tests the whole <paramref name="host"/>, exactly as the event carried it.</summary>
        /// <param name="host">Host string (no trimming, lower-casing or port stripping is applied).</param>
        /// <returns>True when the glob matches.</returns>
        public bool IsMatch(string host)
        {
            switch (_shape)
            {
                case Shape.Always:
                    return true;
                case Shape.NoSlash:
                    return host.IndexOf('/') < 0;
                case Shape.Exact:
                    return host.Length == _literal.Length && AsciiEqualsIgnoreCase(host, 0, _literal);
                case Shape.Suffix:
                    {
                        int start = host.Length - _literal.Length;
                        return start >= 0
                            && AsciiEqualsIgnoreCase(host, start, _literal)
                            && host.IndexOf('/', 0, start) < 0;
                    }

                case Shape.Prefix:
                    return host.Length >= _literal.Length
                        && AsciiEqualsIgnoreCase(host, 0, _literal)
                        && host.IndexOf('/', _literal.Length) < 0;
                default:
                    return _nfa!.IsMatch(host);
            }
        }

        /// <inheritdoc/>
        public override string ToString() => Pattern;

        /// <summary>Compares <paramref name="lowerLiteral"/> (ASCII, lower-cased) with host text at an offset.</summary>
        private static bool AsciiEqualsIgnoreCase(string host, int offset, string lowerLiteral)
        {
            for (int i = 0; i < lowerLiteral.Length; i++)
            {
                int h = host[offset + i];
                if (h >= 'A' && h <= 'Z')
                {
                    h += 32;
                }

                if (h != lowerLiteral[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static Shape Classify(List<Token> tokens, out string literal)
        {
            literal = string.Empty;

            // globset special-cases a glob that is exactly "**" (or "**/") as ".*".
            if (tokens.Count == 1 && tokens[0].Kind == TokenKind.RecursivePrefix)
            {
                return Shape.Always;
            }

            bool allStars = tokens.Count > 0;
            foreach (Token t in tokens)
            {
                allStars &= t.Kind == TokenKind.ZeroOrMore;
            }

            if (allStars)
            {
                return Shape.NoSlash;
            }

            int first = 0;
            int end = tokens.Count;
            bool leadingStar = tokens.Count > 0 && tokens[0].Kind == TokenKind.ZeroOrMore;
            bool trailingStar = tokens.Count > 1 && tokens[tokens.Count - 1].Kind == TokenKind.ZeroOrMore;
            if (leadingStar)
            {
                first = 1;
            }
            else if (trailingStar)
            {
                end--;
            }

            var sb = new System.Text.StringBuilder(end - first);
            for (int i = first; i < end; i++)
            {
                // Only ASCII literals qualify: then comparing UTF-16 units equals comparing UTF-8 bytes.
                if (tokens[i].Kind != TokenKind.Literal || tokens[i].Char >= 0x80)
                {
                    return Shape.General;
                }

                int c = tokens[i].Char;
                sb.Append((char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
            }

            literal = sb.ToString();
            return leadingStar ? Shape.Suffix : trailingStar ? Shape.Prefix : Shape.Exact;
        }

        /// <summary>A parsed globset token; <see cref="Char"/> is a Unicode scalar value.</summary>
        private sealed class Token
        {
            public Token(TokenKind kind, int ch = 0)
            {
                Kind = kind;
                Char = ch;
            }

            public TokenKind Kind { get; }

            public int Char { get; }

            public bool Negated { get; set; }

            public List<(int Lo, int Hi)>? Ranges { get; set; }

            public List<List<Token>>? Branches { get; set; }
        }

        /// <summary>
        /// A port of globset's glob parser (behaviour, not code): alternation branches on a stack (nesting is
        /// allowed since globset 0.4.17), <c>**</c> recognised only next to '/' or the glob's ends, backslash
        /// escapes, and globset's error kinds.
        /// </summary>
        private sealed class Parser
        {
            private const int None = -1;

            private readonly int[] _chars;
            private readonly List<int> _alternatesStack = new List<int>();
            private readonly List<List<Token>> _branches = new List<List<Token>> { new List<Token>() };
            private int _pos;
            private int _prev = None;
            private int _cur = None;

            public Parser(string glob)
            {
                var chars = new List<int>(glob.Length);
                for (int k = 0; k < glob.Length; k++)
                {
                    char c = glob[k];
                    if (char.IsHighSurrogate(c) && k + 1 < glob.Length && char.IsLowSurrogate(glob[k + 1]))
                    {
                        chars.Add(char.ConvertToUtf32(c, glob[++k]));
                    }
                    else
                    {
                        chars.Add(char.IsSurrogate(c) ? 0xFFFD : c);
                    }
                }

                _chars = chars.ToArray();
            }

            private List<Token> Current => _branches[_branches.Count - 1];

            /// <summary>Parses the glob; returns the error kind text or null.</summary>
            public string? Parse(out List<Token>? tokens)
            {
                tokens = null;
                int c;
                while ((c = Bump()) != None)
                {
                    string? error = null;
                    switch (c)
                    {
                        case '?':
                            Current.Add(new Token(TokenKind.Any));
                            break;
                        case '*':
                            ParseStar();
                            break;
                        case '[':
                            error = ParseClass();
                            break;
                        case '{':
                            _alternatesStack.Add(_branches.Count);
                            _branches.Add(new List<Token>());
                            break;
                        case '}':
                            error = PopAlternate();
                            break;
                        case ',':
                            if (_alternatesStack.Count == 0)
                            {
                                Current.Add(new Token(TokenKind.Literal, ','));
                            }
                            else
                            {
                                _branches.Add(new List<Token>());
                            }

                            break;
                        case '\\':
                            int escaped = Bump();
                            if (escaped == None)
                            {
                                error = "dangling '\\'";
                            }
                            else
                            {
                                Current.Add(new Token(TokenKind.Literal, escaped));
                            }

                            break;
                        default:
                            Current.Add(new Token(TokenKind.Literal, c));
                            break;
                    }

                    if (error != null)
                    {
                        return error;
                    }
                }

                if (_branches.Count > 1)
                {
                    return "unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)";
                }

                tokens = _branches[0];
                return null;
            }

            private int Bump()
            {
                _prev = _cur;
                _cur = _pos < _chars.Length ? _chars[_pos++] : None;
                return _cur;
            }

            private int Peek() => _pos < _chars.Length ? _chars[_pos] : None;

            private string? PopAlternate()
            {
                if (_alternatesStack.Count == 0)
                {
                    return "unopened alternate group; missing '{' (maybe escape '}' with '[}]'?)";
                }

                int start = _alternatesStack[_alternatesStack.Count - 1];
                _alternatesStack.RemoveAt(_alternatesStack.Count - 1);
                var alts = _branches.GetRange(start, _branches.Count - start);
                _branches.RemoveRange(start, _branches.Count - start);
                Current.Add(new Token(TokenKind.Alternates) { Branches = alts });
                return null;
            }

            private void ParseStar()
            {
                int prev = _prev;
                if (Peek() != '*')
                {
                    Current.Add(new Token(TokenKind.ZeroOrMore));
                    return;
                }

                Bump();
                if (Current.Count == 0)
                {
                    // "**" opening a glob or a branch: recursive only when followed by '/' or the end.
                    int next = Peek();
                    if (next != None && next != Slash)
                    {
                        AddDoubleStar();
                    }
                    else
                    {
                        Current.Add(new Token(TokenKind.RecursivePrefix));
                        Bump();
                    }

                    return;
                }

                if (prev != Slash && (_branches.Count <= 1 || (prev != ',' && prev != '{')))
                {
                    AddDoubleStar();
                    return;
                }

                bool isSuffix;
                int peek = Peek();
                if (peek == None)
                {
                    Bump();
                    isSuffix = true;
                }
                else if ((peek == ',' || peek == '}') && _branches.Count >= 2)
                {
                    isSuffix = true;
                }
                else if (peek == Slash)
                {
                    Bump();
                    isSuffix = false;
                }
                else
                {
                    AddDoubleStar();
                    return;
                }

                // The preceding token (normally the literal '/') is absorbed into the recursive token.
                List<Token> current = Current;
                TokenKind popped = current[current.Count - 1].Kind;
                current.RemoveAt(current.Count - 1);
                TokenKind kind = popped == TokenKind.RecursivePrefix || popped == TokenKind.RecursiveSuffix
                    ? popped
                    : isSuffix ? TokenKind.RecursiveSuffix : TokenKind.RecursiveZeroOrMore;
                current.Add(new Token(kind));
            }

            private void AddDoubleStar()
            {
                Current.Add(new Token(TokenKind.ZeroOrMore));
                Current.Add(new Token(TokenKind.ZeroOrMore));
            }

            private string? ParseClass()
            {
                var ranges = new List<(int Lo, int Hi)>();
                bool negated = false;
                int p = Peek();
                if (p == '!' || p == '^')
                {
                    Bump();
                    negated = true;
                }

                bool first = true;
                bool inRange = false;
                while (true)
                {
                    int c = Bump();
                    if (c == None)
                    {
                        return "unclosed character class; missing ']'";
                    }

                    if (c == ']')
                    {
                        if (!first)
                        {
                            break;
                        }

                        ranges.Add((']', ']'));
                    }
                    else if (c == '-')
                    {
                        if (first)
                        {
                            ranges.Add(('-', '-'));
                        }
                        else if (inRange)
                        {
                            string? err = ExtendLastRange(ranges, '-');
                            if (err != null)
                            {
                                return err;
                            }

                            inRange = false;
                        }
                        else
                        {
                            inRange = true;
                        }
                    }
                    else
                    {
                        if (inRange)
                        {
                            string? err = ExtendLastRange(ranges, c);
                            if (err != null)
                            {
                                return err;
                            }
                        }
                        else
                        {
                            ranges.Add((c, c));
                        }

                        inRange = false;
                    }

                    first = false;
                }

                if (inRange)
                {
                    // A trailing '-' is literal.
                    ranges.Add(('-', '-'));
                }

                Current.Add(new Token(TokenKind.Class) { Negated = negated, Ranges = ranges });
                return null;
            }

            /// <summary>globset replaces the end of the last range (so <c>[a-b-c]</c> is <c>a-c</c>).</summary>
            private static string? ExtendLastRange(List<(int Lo, int Hi)> ranges, int end)
            {
                (int lo, _) = ranges[ranges.Count - 1];
                ranges[ranges.Count - 1] = (lo, end);
                if (end < lo)
                {
                    return "invalid range; '" + char.ConvertFromUtf32(lo) + "' > '" + char.ConvertFromUtf32(end) + "'";
                }

                return null;
            }
        }

        /// <summary>
        /// Byte-level NFA equivalent to the regex globset generates. Each consuming state accepts a set of
        /// bytes; epsilon closures are precomputed as bitsets, so a step is "OR the closures of the states
        /// that accept this byte".
        /// </summary>
        private sealed class Nfa
        {
            private const int StackWords = 16;

            private readonly int _words;
            private readonly ulong[] _start;      // closure of the start state
            private readonly ulong[] _closures;   // per consuming state: closure of its successor (_words each)
            private readonly ulong[] _byteMasks;  // per byte value: consuming states accepting it (_words each)
            private readonly int _matchBit;

            private Nfa(int words, ulong[] start, ulong[] closures, ulong[] byteMasks, int matchBit)
            {
                _words = words;
                _start = start;
                _closures = closures;
                _byteMasks = byteMasks;
                _matchBit = matchBit;
            }

            public static Nfa Build(List<Token> tokens)
            {
                var b = new Builder();
                int match = b.AddMatch();
                int start = b.Sequence(tokens, match);
                return b.Finish(start);
            }

            public bool IsMatch(string host)
            {
                int w = _words;
                Span<ulong> cur = w <= StackWords ? stackalloc ulong[w] : new ulong[w];
                Span<ulong> next = w <= StackWords ? stackalloc ulong[w] : new ulong[w];
                _start.AsSpan().CopyTo(cur);
                for (int k = 0; k < host.Length; k++)
                {
                    int c = host[k];
                    if (c < 0x80)
                    {
                        if (!Step(ref cur, ref next, c))
                        {
                            return false;
                        }

                        continue;
                    }

                    // Feed the UTF-8 encoding, as globset matches bytes. Unpaired surrogates (impossible in a
                    // Rust string) encode as U+FFFD, like Encoding.UTF8 does.
                    int cp = c;
                    if (char.IsHighSurrogate((char)c) && k + 1 < host.Length && char.IsLowSurrogate(host[k + 1]))
                    {
                        cp = char.ConvertToUtf32((char)c, host[++k]);
                    }
                    else if (char.IsSurrogate((char)c))
                    {
                        cp = 0xFFFD;
                    }

                    bool alive;
                    if (cp < 0x800)
                    {
                        alive = Step(ref cur, ref next, 0xC0 | (cp >> 6))
                            && Step(ref cur, ref next, 0x80 | (cp & 0x3F));
                    }
                    else if (cp < 0x10000)
                    {
                        alive = Step(ref cur, ref next, 0xE0 | (cp >> 12))
                            && Step(ref cur, ref next, 0x80 | ((cp >> 6) & 0x3F))
                            && Step(ref cur, ref next, 0x80 | (cp & 0x3F));
                    }
                    else
                    {
                        alive = Step(ref cur, ref next, 0xF0 | (cp >> 18))
                            && Step(ref cur, ref next, 0x80 | ((cp >> 12) & 0x3F))
                            && Step(ref cur, ref next, 0x80 | ((cp >> 6) & 0x3F))
                            && Step(ref cur, ref next, 0x80 | (cp & 0x3F));
                    }

                    if (!alive)
                    {
                        return false;
                    }
                }

                return (cur[_matchBit >> 6] & (1UL << (_matchBit & 63))) != 0;
            }

            private bool Step(ref Span<ulong> cur, ref Span<ulong> next, int b)
            {
                int w = _words;
                next.Clear();
                bool any = false;
                int maskOffset = b * w;
                for (int word = 0; word < w; word++)
                {
                    ulong bits = cur[word] & _byteMasks[maskOffset + word];
                    while (bits != 0)
                    {
                        int bit = TrailingZeros(bits);
                        bits &= bits - 1;
                        int state = (word << 6) + bit;
                        int off = state * w;
                        for (int x = 0; x < w; x++)
                        {
                            next[x] |= _closures[off + x];
                        }

                        any = true;
                    }
                }

                Span<ulong> tmp = cur;
                cur = next;
                next = tmp;
                return any;
            }

            private static int TrailingZeros(ulong v)
            {
#if NET8_0_OR_GREATER
                return System.Numerics.BitOperations.TrailingZeroCount(v);
#else
                int n = 0;
                while ((v & 1UL) == 0)
                {
                    v >>= 1;
                    n++;
                }

                return n;
#endif
            }

            /// <summary>Thompson construction, built back to front so each fragment knows its successor.</summary>
            private sealed class Builder
            {
                // State kinds: consuming (mask != null, Out1), split (Out1/Out2), match.
                private readonly List<bool[]?> _masks = new List<bool[]?>();
                private readonly List<int> _out1 = new List<int>();
                private readonly List<int> _out2 = new List<int>();
                private int _match = -1;

                public int AddMatch()
                {
                    _match = Add(null, -1, -1);
                    return _match;
                }

                public int Sequence(List<Token> tokens, int next)
                {
                    for (int i = tokens.Count - 1; i >= 0; i--)
                    {
                        next = Compile(tokens[i], next);
                    }

                    return next;
                }

                public Nfa Finish(int start)
                {
                    // Number consuming states densely; the match state takes the last bit.
                    int n = _masks.Count;
                    var index = new int[n];
                    int consuming = 0;
                    for (int s = 0; s < n; s++)
                    {
                        index[s] = _masks[s] != null ? consuming++ : -1;
                    }

                    int matchBit = consuming;
                    int words = (consuming + 1 + 63) / 64;
                    var closures = new ulong[consuming * words];
                    var byteMasks = new ulong[256 * words];
                    for (int s = 0; s < n; s++)
                    {
                        bool[]? mask = _masks[s];
                        if (mask == null)
                        {
                            continue;
                        }

                        int j = index[s];
                        AddClosure(_out1[s], closures, j * words, index, matchBit, new bool[n]);
                        for (int by = 0; by < 256; by++)
                        {
                            if (mask[by])
                            {
                                byteMasks[(by * words) + (j >> 6)] |= 1UL << (j & 63);
                            }
                        }
                    }

                    var startSet = new ulong[words];
                    AddClosure(start, startSet, 0, index, matchBit, new bool[n]);
                    return new Nfa(words, startSet, closures, byteMasks, matchBit);
                }

                private void AddClosure(int s, ulong[] target, int offset, int[] index, int matchBit, bool[] seen)
                {
                    if (seen[s])
                    {
                        return;
                    }

                    seen[s] = true;
                    if (s == _match)
                    {
                        target[offset + (matchBit >> 6)] |= 1UL << (matchBit & 63);
                    }
                    else if (_masks[s] != null)
                    {
                        int j = index[s];
                        target[offset + (j >> 6)] |= 1UL << (j & 63);
                    }
                    else
                    {
                        AddClosure(_out1[s], target, offset, index, matchBit, seen);
                        if (_out2[s] >= 0)
                        {
                            AddClosure(_out2[s], target, offset, index, matchBit, seen);
                        }
                    }
                }

                private int Add(bool[]? mask, int out1, int out2)
                {
                    _masks.Add(mask);
                    _out1.Add(out1);
                    _out2.Add(out2);
                    return _masks.Count - 1;
                }

                private int Split(int a, int b) => Add(null, a, b);

                private int Consume(bool[] mask, int next) => Add(mask, next, -1);

                /// <summary>A loop "<c>mask*</c>" followed by <paramref name="next"/>.</summary>
                private int Loop(bool[] mask, int next)
                {
                    int split = Split(-1, next);
                    int body = Consume(mask, split);
                    _out1[split] = body;
                    return split;
                }

                private int Compile(Token t, int next)
                {
                    switch (t.Kind)
                    {
                        case TokenKind.Literal:
                            {
                                Span<byte> utf8 = stackalloc byte[4];
                                int len = EncodeUtf8(t.Char, utf8);
                                for (int i = len - 1; i >= 0; i--)
                                {
                                    var m = new bool[256];
                                    SetFolded(m, utf8[i]);
                                    next = Consume(m, next);
                                }

                                return next;
                            }

                        case TokenKind.Any:
                            return Consume(NotSlash(), next);
                        case TokenKind.ZeroOrMore:
                            return Loop(NotSlash(), next);
                        case TokenKind.RecursivePrefix:
                            // (?:/?|.*/)
                            return Split(next, Split(Consume(SlashOnly(), next), Loop(AllBytes(), Consume(SlashOnly(), next))));
                        case TokenKind.RecursiveSuffix:
                            // /.*
                            return Consume(SlashOnly(), Loop(AllBytes(), next));
                        case TokenKind.RecursiveZeroOrMore:
                            // (?:/|/.*/)
                            return Split(Consume(SlashOnly(), next), Consume(SlashOnly(), Loop(AllBytes(), Consume(SlashOnly(), next))));
                        case TokenKind.Class:
                            return Consume(ClassMask(t), next);
                        default:
                            {
                                // Empty branches are dropped (empty_alternates is off); if nothing is left
                                // the group vanishes, exactly as globset omits "(?:)".
                                int entry = -1;
                                for (int i = t.Branches!.Count - 1; i >= 0; i--)
                                {
                                    List<Token> branch = t.Branches[i];
                                    if (EmitsNothing(branch))
                                    {
                                        continue;
                                    }

                                    int e = Sequence(branch, next);
                                    entry = entry < 0 ? e : Split(e, entry);
                                }

                                return entry < 0 ? next : entry;
                            }
                    }
                }

                private static bool EmitsNothing(List<Token> tokens)
                {
                    foreach (Token t in tokens)
                    {
                        if (t.Kind != TokenKind.Alternates)
                        {
                            return false;
                        }

                        foreach (List<Token> b in t.Branches!)
                        {
                            if (!EmitsNothing(b))
                            {
                                return false;
                            }
                        }
                    }

                    return true;
                }

                private static bool[] NotSlash()
                {
                    bool[] m = AllBytes();
                    m[Slash] = false;
                    return m;
                }

                private static bool[] SlashOnly()
                {
                    var m = new bool[256];
                    m[Slash] = true;
                    return m;
                }

                private static bool[] AllBytes()
                {
                    var m = new bool[256];
                    for (int i = 0; i < 256; i++)
                    {
                        m[i] = true;
                    }

                    return m;
                }

                /// <summary>Adds a byte and, for ASCII letters, its other case ((?i) under (?-u) is ASCII-only).</summary>
                private static void SetFolded(bool[] m, int b)
                {
                    m[b] = true;
                    if (b >= 'a' && b <= 'z')
                    {
                        m[b - 32] = true;
                    }
                    else if (b >= 'A' && b <= 'Z')
                    {
                        m[b + 32] = true;
                    }
                }

                /// <summary>
                /// globset writes each class member as escaped UTF-8 bytes, so a range <c>x-y</c> becomes
                /// "bytes(x) - bytes(y)": the regex parser pairs the last byte of x with the first byte of y
                /// and takes the other bytes as single members. The class is case-folded (ASCII), then negated.
                /// </summary>
                private static bool[] ClassMask(Token t)
                {
                    var m = new bool[256];
                    Span<byte> lo = stackalloc byte[4];
                    Span<byte> hi = stackalloc byte[4];
                    foreach ((int a, int z) in t.Ranges!)
                    {
                        int loLen = EncodeUtf8(a, lo);
                        if (a == z)
                        {
                            for (int i = 0; i < loLen; i++)
                            {
                                m[lo[i]] = true;
                            }

                            continue;
                        }

                        int hiLen = EncodeUtf8(z, hi);
                        for (int i = 0; i < loLen - 1; i++)
                        {
                            m[lo[i]] = true;
                        }

                        for (int by = lo[loLen - 1]; by <= hi[0]; by++)
                        {
                            m[by] = true;
                        }

                        for (int i = 1; i < hiLen; i++)
                        {
                            m[hi[i]] = true;
                        }
                    }

                    var folded = new bool[256];
                    for (int by = 0; by < 256; by++)
                    {
                        if (m[by])
                        {
                            SetFolded(folded, by);
                        }
                    }

                    if (t.Negated)
                    {
                        for (int by = 0; by < 256; by++)
                        {
                            folded[by] = !folded[by];
                        }
                    }

                    return folded;
                }

                private static int EncodeUtf8(int cp, Span<byte> dest)
                {
                    if (cp < 0x80)
                    {
                        dest[0] = (byte)cp;
                        return 1;
                    }

                    if (cp < 0x800)
                    {
                        dest[0] = (byte)(0xC0 | (cp >> 6));
                        dest[1] = (byte)(0x80 | (cp & 0x3F));
                        return 2;
                    }

                    if (cp < 0x10000)
                    {
                        dest[0] = (byte)(0xE0 | (cp >> 12));
                        dest[1] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                        dest[2] = (byte)(0x80 | (cp & 0x3F));
                        return 3;
                    }

                    dest[0] = (byte)(0xF0 | (cp >> 18));
                    dest[1] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                    dest[2] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    dest[3] = (byte)(0x80 | (cp & 0x3F));
                    return 4;
                }
            }
        }
    }
}
