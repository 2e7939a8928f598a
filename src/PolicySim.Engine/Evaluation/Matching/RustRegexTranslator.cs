using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PolicySim.Evaluation.Matching
{
    /// <summary>
    /// Parses a Rust <c>regex</c> 1.12 pattern (the <c>regex-syntax</c> 0.8 grammar with the crate's default
    /// options) and emits an equivalent .NET pattern meant to run with <c>RegexOptions.CultureInvariant</c>
    /// only. Everything flag-dependent is resolved here, so the emitted pattern has no inline options except
    /// scoped <c>(?m:…)</c> around anchors.
    /// </summary>
    /// <remarks>
    /// <para>Why the translation is explicit rather than a pass-through:</para>
    /// <list type="bullet">
    /// <item>Rust classes and <c>.</c> match one code point; .NET ones match one UTF-16 unit. Every class is
    /// computed as a <see cref="CodePointSet"/> and emitted as a BMP class plus surrogate-pair alternatives,
    /// so counts such as <c>.{0,64}</c> count code points like the original.</item>
    /// <item>Rust <c>$</c> without <c>(?m)</c> is end of text; .NET <c>$</c> also matches before a final
    /// <c>\n</c>. It is emitted as <c>\z</c>.</item>
    /// <item><c>(?i)</c> is Unicode simple case folding in Rust; it is applied to literals and classes here
    /// (so results do not depend on the .NET runtime's case-insensitivity tables).</item>
    /// <item>Rust <c>\w</c>/<c>\b</c> use Alphabetic+M+Nd+Pc+Join_Control; .NET's <c>\w</c> lacks Mc, Me,
    /// Nl and Other_Alphabetic symbols, so <c>\w</c> is emitted as an explicit set and <c>\b</c> as
    /// look-arounds over it.</item>
    /// <item>Rust rejects look-around, back-references and several .NET-only constructs; so does this
    /// parser, with <c>regex-syntax</c>'s error texts and spans.</item>
    /// </list>
    /// <para>Known residual differences (documented, deliberately not emulated): Rust's compiled-size limit
    /// (10 MiB) is not modelled, so huge counted repetitions that Rust rejects may be accepted; Unicode
    /// script/binary properties other than general categories, Alphabetic, White_Space, Any, ASCII and
    /// Assigned are rejected (Rust accepts e.g. <c>\p{Greek}</c>); the nest limit (250) is not enforced.</para>
    /// </remarks>
    internal sealed class RustRegexTranslator
    {
        private const string NeverMatches = "[^\\u0000-\\uFFFF]";

        private static readonly string[] AsciiClassNames =
        {
            "alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space", "upper", "word", "xdigit",
        };

        private static readonly int[][] AsciiClassPairs =
        {
            new int[] { '0', '9', 'A', 'Z', 'a', 'z' },
            new int[] { 'A', 'Z', 'a', 'z' },
            new int[] { 0x00, 0x7F },
            new int[] { '\t', '\t', ' ', ' ' },
            new int[] { 0x00, 0x1F, 0x7F, 0x7F },
            new int[] { '0', '9' },
            new int[] { '!', '~' },
            new int[] { 'a', 'z' },
            new int[] { ' ', '~' },
            new int[] { '!', '/', ':', '@', '[', '`', '{', '~' },
            new int[] { '\t', '\r', ' ', ' ' },
            new int[] { 'A', 'Z' },
            new int[] { '0', '9', 'A', 'Z', 'a', 'z', '_', '_' },
            new int[] { '0', '9', 'A', 'F', 'a', 'f' },
        };

        private static readonly CodePointSet AllButLf = CodePointSet.All.Except(CodePointSet.Single('\n'));

        private static readonly CodePointSet AllButCrLf = AllButLf.Except(CodePointSet.Single('\r'));

        private static string? s_unicodeWordAtom;

        private readonly string _pattern;
        private readonly StringBuilder _out = new StringBuilder();
        private readonly Dictionary<string, (int Start, int End)> _captureNames = new Dictionary<string, (int Start, int End)>(StringComparer.Ordinal);
        private int _pos;
        private Flags _flags = Flags.Default;

        private RustRegexTranslator(string pattern) => _pattern = pattern;

        private enum PrimKind
        {
            Literal,
            Class,
            Assertion,
        }

        private enum Assertion
        {
            StartText,
            EndText,
            StartLine,
            EndLine,
            WordBoundary,
            NotWordBoundary,
            WordStart,
            WordEnd,
            WordStartHalf,
            WordEndHalf,
        }

        /// <summary>Translates <paramref name="pattern"/>; returns the .NET pattern or the Rust error.</summary>
        internal static bool TryTranslate(string pattern, out string? dotnetPattern, out RustRegexError? error)
        {
            var translator = new RustRegexTranslator(pattern);
            try
            {
                translator.ParseAlternation(-1);
                dotnetPattern = translator._out.ToString();
                error = null;
                return true;
            }
            catch (SyntaxException ex)
            {
                dotnetPattern = null;
                error = ex.Error;
                return false;
            }
        }

        private bool Eof => _pos >= _pattern.Length;

        private int Cur => char.IsHighSurrogate(_pattern[_pos]) && _pos + 1 < _pattern.Length && char.IsLowSurrogate(_pattern[_pos + 1])
            ? char.ConvertToUtf32(_pattern[_pos], _pattern[_pos + 1])
            : _pattern[_pos];

        private int CurLength => Cur > 0xFFFF ? 2 : 1;

        // ---------------------------------------------------------------- structure

        // Parses alternatives until ')' (inside a group) or the end; openParen is -1 at top level.
        private void ParseAlternation(int openParen)
        {
            while (true)
            {
                ParseConcat();
                if (Eof)
                {
                    if (openParen >= 0)
                    {
                        throw Fail("unclosed group", openParen, openParen + 1);
                    }

                    return;
                }

                char c = _pattern[_pos];
                if (c == ')')
                {
                    if (openParen < 0)
                    {
                        throw Fail("unopened group", _pos, _pos + 1);
                    }

                    return;
                }

                // '|'
                _out.Append('|');
                _pos++;
            }
        }

        private void ParseConcat()
        {
            int lastStart = -1;
            while (true)
            {
                BumpSpace();
                if (Eof)
                {
                    return;
                }

                char c = _pattern[_pos];
                switch (c)
                {
                    case '|':
                    case ')':
                        return;
                    case '(':
                    {
                        int start = _out.Length;
                        lastStart = ParseGroup() ? start : -1;
                        break;
                    }

                    case '[':
                    {
                        int start = _out.Length;
                        int classStart = _pos;
                        CodePointSet set = ParseBracketClass();
                        EmitSet(set, classStart, _pos);
                        lastStart = start;
                        break;
                    }

                    case '?':
                    case '*':
                    case '+':
                        ParseUncountedRepetition(lastStart);
                        break;
                    case '{':
                        ParseCountedRepetition(lastStart);
                        break;
                    default:
                    {
                        int start = _out.Length;
                        EmitPrimitive(ParsePrimitive());
                        lastStart = start;
                        break;
                    }
                }
            }
        }

        private void ParseUncountedRepetition(int lastStart)
        {
            if (lastStart < 0)
            {
                throw Fail("repetition operator missing expression", _pos, _pos);
            }

            char op = _pattern[_pos];
            _pos++;
            bool greedy = true;
            if (!Eof && _pattern[_pos] == '?')
            {
                greedy = false;
                _pos++;
            }

            WrapLast(lastStart);
            _out.Append(op);
            AppendGreed(greedy);
        }

        private void ParseCountedRepetition(int lastStart)
        {
            int start = _pos;
            if (lastStart < 0)
            {
                throw Fail("repetition operator missing expression", _pos, _pos);
            }

            if (!BumpAndBumpSpace())
            {
                throw Fail("unclosed counted repetition", start, _pos);
            }

            long min = ParseDecimal(out string? minError, out int minErrStart, out int minErrEnd);
            if (Eof)
            {
                throw Fail("unclosed counted repetition", start, _pos);
            }

            long max;
            bool bounded;
            if (_pattern[_pos] == ',')
            {
                if (!BumpAndBumpSpace())
                {
                    throw Fail("unclosed counted repetition", start, _pos);
                }

                if (_pattern[_pos] != '}')
                {
                    // regex 1.12 builds its parser without `empty_min_range`, so `{,n}` is an error.
                    ThrowIfDecimalError(minError, minErrStart, minErrEnd);
                    max = ParseDecimal(out string? maxError, out int maxErrStart, out int maxErrEnd);
                    ThrowIfDecimalError(maxError, maxErrStart, maxErrEnd);
                    bounded = true;
                }
                else
                {
                    ThrowIfDecimalError(minError, minErrStart, minErrEnd);
                    max = -1;
                    bounded = false;
                }
            }
            else
            {
                ThrowIfDecimalError(minError, minErrStart, minErrEnd);
                max = min;
                bounded = true;
            }

            if (Eof || _pattern[_pos] != '}')
            {
                throw Fail("unclosed counted repetition", start, _pos);
            }

            bool greedy = true;
            if (BumpAndBumpSpace() && _pattern[_pos] == '?')
            {
                greedy = false;
                _pos++;
            }

            if (bounded && min > max)
            {
                throw Fail("invalid repetition count range, the start must be <= the end", start, _pos);
            }

            if (min > int.MaxValue || max > int.MaxValue)
            {
                throw Fail("Compiled regex exceeds size limit", start, _pos);
            }

            WrapLast(lastStart);
            _out.Append('{').Append(min.ToString(CultureInfo.InvariantCulture));
            if (!bounded)
            {
                _out.Append(',');
            }
            else if (max != min)
            {
                _out.Append(',').Append(max.ToString(CultureInfo.InvariantCulture));
            }

            _out.Append('}');
            AppendGreed(greedy);
        }

        private void ThrowIfDecimalError(string? message, int start, int end)
        {
            if (message != null)
            {
                throw Fail(message, start, end);
            }
        }

        // regex-syntax parse_decimal: trims White_Space around the digits (even without x mode).
        private long ParseDecimal(out string? error, out int errStart, out int errEnd)
        {
            while (!Eof && UnicodeData.IsWhiteSpace(Cur))
            {
                _pos += CurLength;
            }

            int start = _pos;
            var digits = new StringBuilder();
            while (!Eof && _pattern[_pos] >= '0' && _pattern[_pos] <= '9')
            {
                digits.Append(_pattern[_pos]);
                BumpAndBumpSpace();
            }

            int end = _pos;
            while (!Eof && UnicodeData.IsWhiteSpace(Cur))
            {
                BumpAndBumpSpace();
            }

            errStart = start;
            errEnd = end;
            if (digits.Length == 0)
            {
                error = "repetition quantifier expects a valid decimal";
                return 0;
            }

            if (!uint.TryParse(digits.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out uint value))
            {
                error = "decimal literal invalid";
                return 0;
            }

            error = null;
            return value;
        }

        private void WrapLast(int lastStart)
        {
            // Always wrap: the previous item may be a multi-unit sequence (surrogate pair, look-around
            // emulation) and Rust allows stacked operators such as `a**` which .NET rejects unwrapped.
            _out.Insert(lastStart, "(?:");
            _out.Append(')');
        }

        private void AppendGreed(bool greedy)
        {
            if (greedy == _flags.SwapGreed)
            {
                _out.Append('?');
            }
        }

        // Returns true for a group, false for a bare flag setting such as `(?i)`.
        private bool ParseGroup()
        {
            int open = _pos;
            _pos++;
            BumpSpace();
            if (StartsWith("?=") || StartsWith("?!") || StartsWith("?<=") || StartsWith("?<!"))
            {
                int len = StartsWith("?<") ? 3 : 2;
                throw Fail("look-around, including look-ahead and look-behind, is not supported", open, _pos + len);
            }

            int innerStart = _pos;
            if (StartsWith("?P<") || StartsWith("?<"))
            {
                _pos += StartsWith("?P<") ? 3 : 2;
                ParseCaptureName();
                ParseGroupBody(open, _flags);
                return true;
            }

            if (StartsWith("?"))
            {
                _pos++;
                if (Eof)
                {
                    throw Fail("unclosed group", open, open + 1);
                }

                Flags updated = ParseFlags(out bool anyItems);
                char end = _pattern[_pos];
                _pos++;
                if (end == ')')
                {
                    if (!anyItems)
                    {
                        throw Fail("repetition operator missing expression", innerStart, innerStart);
                    }

                    _flags = updated;
                    return false;
                }

                ParseGroupBody(open, updated);
                return true;
            }

            ParseGroupBody(open, _flags);
            return true;
        }

        private void ParseGroupBody(int open, Flags inner)
        {
            Flags saved = _flags;
            _flags = inner;

            // Captures are irrelevant to matching (no back-references exist), so every group is emitted
            // non-capturing; this also sidesteps .NET's stricter group-name syntax.
            _out.Append("(?:");
            ParseAlternation(open);
            _pos++; // ')'
            _out.Append(')');
            _flags = saved;
        }

        private void ParseCaptureName()
        {
            if (Eof)
            {
                throw Fail("unclosed capture group name", _pos, _pos);
            }

            int start = _pos;
            while (!Eof && _pattern[_pos] != '>')
            {
                int c = Cur;
                bool first = _pos == start;
                bool ok = c == '_'
                    || (first ? UnicodeData.Alphabetic.Contains(c)
                              : c == '.' || c == '[' || c == ']' || UnicodeData.Alphanumeric.Contains(c));
                if (!ok)
                {
                    throw Fail("invalid capture group character", _pos, _pos + CurLength);
                }

                _pos += CurLength;
            }

            if (Eof)
            {
                throw Fail("unclosed capture group name", _pos, _pos);
            }

            int end = _pos;
            _pos++;
            if (end == start)
            {
                throw Fail("empty capture group name", start, start);
            }

            string name = _pattern.Substring(start, end - start);
            if (_captureNames.TryGetValue(name, out (int Start, int End) original))
            {
                throw new SyntaxException(new RustRegexError(_pattern, "duplicate capture group name", start, end, original.Start, original.End));
            }

            _captureNames[name] = (start, end);
        }

        private Flags ParseFlags(out bool anyItems)
        {
            Flags flags = _flags;
            bool negate = false;
            int negationAt = -1;
            int lastNegationAt = -1;
            var seen = new Dictionary<char, int>();
            anyItems = false;
            while (_pattern[_pos] != ':' && _pattern[_pos] != ')')
            {
                char c = _pattern[_pos];
                if (c == '-')
                {
                    if (negationAt >= 0)
                    {
                        throw new SyntaxException(new RustRegexError(_pattern, "flag negation operator repeated", _pos, _pos + 1, negationAt, negationAt + 1));
                    }

                    negationAt = _pos;
                    lastNegationAt = _pos;
                    negate = true;
                }
                else
                {
                    lastNegationAt = -1;
                    if (c != 'i' && c != 'm' && c != 's' && c != 'U' && c != 'u' && c != 'R' && c != 'x')
                    {
                        throw Fail("unrecognized flag", _pos, _pos + CurLength);
                    }

                    if (seen.TryGetValue(c, out int firstAt))
                    {
                        throw new SyntaxException(new RustRegexError(_pattern, "duplicate flag", _pos, _pos + 1, firstAt, firstAt + 1));
                    }

                    seen[c] = _pos;
                    bool on = !negate;
                    switch (c)
                    {
                        case 'i': flags.CaseInsensitive = on; break;
                        case 'm': flags.MultiLine = on; break;
                        case 's': flags.DotMatchesNewLine = on; break;
                        case 'U': flags.SwapGreed = on; break;
                        case 'u': flags.Unicode = on; break;
                        case 'R': flags.Crlf = on; break;
                        default: flags.IgnoreWhitespace = on; break;
                    }
                }

                anyItems = true;
                _pos += CurLength;
                if (Eof)
                {
                    throw Fail("expected flag but got end of regex", _pos, _pos);
                }
            }

            if (lastNegationAt >= 0)
            {
                throw Fail("dangling flag negation operator", lastNegationAt, lastNegationAt + 1);
            }

            return flags;
        }

        // ---------------------------------------------------------------- primitives

        private Prim ParsePrimitive()
        {
            int start = _pos;
            if (_pattern[_pos] == '\\')
            {
                return ParseEscape();
            }

            int c = Cur;
            _pos += CurLength;
            switch (c)
            {
                case '.':
                    return Prim.OfClass(DotSet(start), start, _pos);
                case '^':
                    return Prim.OfAssertion(Assertion.StartLine, start, _pos);
                case '$':
                    return Prim.OfAssertion(Assertion.EndLine, start, _pos);
                default:
                    return Prim.OfLiteral(c, start, _pos, isByteEscape: false);
            }
        }

        private CodePointSet DotSet(int start)
        {
            if (!_flags.Unicode)
            {
                // (?-u:.) matches any byte, which Rust rejects for &str regexes.
                throw Fail("pattern can match invalid UTF-8", start, start + 1);
            }

            if (_flags.DotMatchesNewLine)
            {
                return CodePointSet.All;
            }

            return _flags.Crlf
                ? AllButCrLf
                : AllButLf;
        }

        private Prim ParseEscape()
        {
            int start = _pos;
            _pos++;
            if (Eof)
            {
                throw Fail("incomplete escape sequence, reached end of pattern prematurely", start, _pos);
            }

            int c = Cur;
            if (c >= '0' && c <= '9')
            {
                throw Fail("backreferences are not supported", start, _pos + 1);
            }

            switch (c)
            {
                case 'x':
                case 'u':
                case 'U':
                    return ParseHex(start, (char)c);
                case 'p':
                case 'P':
                    return ParseUnicodeClass(start, c == 'P');
                case 'd':
                case 's':
                case 'w':
                case 'D':
                case 'S':
                case 'W':
                    _pos++;
                    return Prim.OfClass(PerlClass((char)c, start), start, _pos);
                default:
                    break;
            }

            _pos += CurLength;
            if (IsMetaCharacter(c) || IsEscapeable(c))
            {
                return Prim.OfLiteral(c, start, _pos, isByteEscape: false);
            }

            switch (c)
            {
                case 'a': return Prim.OfLiteral(0x07, start, _pos, false);
                case 'f': return Prim.OfLiteral(0x0C, start, _pos, false);
                case 't': return Prim.OfLiteral('\t', start, _pos, false);
                case 'n': return Prim.OfLiteral('\n', start, _pos, false);
                case 'r': return Prim.OfLiteral('\r', start, _pos, false);
                case 'v': return Prim.OfLiteral(0x0B, start, _pos, false);
                case 'A': return Prim.OfAssertion(Assertion.StartText, start, _pos);
                case 'z': return Prim.OfAssertion(Assertion.EndText, start, _pos);
                case 'B': return Prim.OfAssertion(Assertion.NotWordBoundary, start, _pos);
                case '<': return Prim.OfAssertion(Assertion.WordStart, start, _pos);
                case '>': return Prim.OfAssertion(Assertion.WordEnd, start, _pos);
                case 'b':
                    return Prim.OfAssertion(ParseSpecialWordBoundary(start), start, _pos);
                default:
                    throw Fail("unrecognized escape sequence", start, _pos);
            }
        }

        private Assertion ParseSpecialWordBoundary(int wbStart)
        {
            if (Eof || _pattern[_pos] != '{')
            {
                return Assertion.WordBoundary;
            }

            int brace = _pos;
            if (!BumpAndBumpSpace())
            {
                throw Fail("found either the beginning of a special word boundary or a bounded repetition on a \\b with an opening brace, but no closing brace", wbStart, _pos);
            }

            int contentStart = _pos;
            if (!IsSpecialWordChar(_pattern[_pos]))
            {
                // Not a special word boundary; let counted repetition parsing handle `\b{5}`.
                _pos = brace;
                return Assertion.WordBoundary;
            }

            var name = new StringBuilder();
            while (!Eof && IsSpecialWordChar(_pattern[_pos]))
            {
                name.Append(_pattern[_pos]);
                BumpAndBumpSpace();
            }

            if (Eof || _pattern[_pos] != '}')
            {
                throw Fail("special word boundary assertion is either unclosed or contains an invalid character", brace, _pos);
            }

            int end = _pos;
            _pos++;
            switch (name.ToString())
            {
                case "start": return Assertion.WordStart;
                case "end": return Assertion.WordEnd;
                case "start-half": return Assertion.WordStartHalf;
                case "end-half": return Assertion.WordEndHalf;
                default:
                    throw Fail("unrecognized special word boundary assertion, valid choices are: start, end, start-half or end-half", contentStart, end);
            }
        }

        private static bool IsSpecialWordChar(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';

        private Prim ParseHex(int start, char kind)
        {
            int digits = kind == 'x' ? 2 : kind == 'u' ? 4 : 8;
            if (!BumpAndBumpSpace())
            {
                throw Fail("incomplete escape sequence, reached end of pattern prematurely", _pos, _pos);
            }

            var hex = new StringBuilder();
            bool isByte = false;
            int valueStart;
            int valueEnd;
            if (_pattern[_pos] == '{')
            {
                int brace = _pos;
                valueStart = _pos + 1;
                while (BumpAndBumpSpace() && _pattern[_pos] != '}')
                {
                    if (!IsHex(_pattern[_pos]))
                    {
                        throw Fail("invalid hexadecimal digit", _pos, _pos + CurLength);
                    }

                    hex.Append(_pattern[_pos]);
                }

                if (Eof)
                {
                    throw Fail("incomplete escape sequence, reached end of pattern prematurely", brace, _pos);
                }

                valueEnd = _pos;
                BumpAndBumpSpace();
                if (hex.Length == 0)
                {
                    throw Fail("hexadecimal literal empty", brace, _pos);
                }
            }
            else
            {
                valueStart = _pos;
                for (int i = 0; i < digits; i++)
                {
                    if (i > 0 && !BumpAndBumpSpace())
                    {
                        throw Fail("incomplete escape sequence, reached end of pattern prematurely", _pos, _pos);
                    }

                    if (!IsHex(_pattern[_pos]))
                    {
                        throw Fail("invalid hexadecimal digit", _pos, _pos + CurLength);
                    }

                    hex.Append(_pattern[_pos]);
                }

                BumpAndBumpSpace();
                valueEnd = _pos;
                isByte = kind == 'x';
            }

            string text = hex.ToString();
            if (text.Length > 8
                || !uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint value)
                || value > CodePointSet.MaxCodePoint
                || (value >= 0xD800 && value <= 0xDFFF))
            {
                throw Fail("hexadecimal literal is not a Unicode scalar value", valueStart, valueEnd);
            }

            return Prim.OfLiteral((int)value, start, _pos, isByte);
        }

        private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        private Prim ParseUnicodeClass(int start, bool negated)
        {
            if (!BumpAndBumpSpace())
            {
                throw Fail("incomplete escape sequence, reached end of pattern prematurely", _pos, _pos);
            }

            string name;
            if (_pattern[_pos] == '{')
            {
                var sb = new StringBuilder();
                while (BumpAndBumpSpace() && _pattern[_pos] != '}')
                {
                    sb.Append(_pattern[_pos]);
                }

                if (Eof)
                {
                    throw Fail("incomplete escape sequence, reached end of pattern prematurely", _pos, _pos);
                }

                _pos++;
                name = sb.ToString();
            }
            else
            {
                if (_pattern[_pos] == '\\')
                {
                    throw Fail("invalid Unicode character class", _pos, _pos + 1);
                }

                name = char.ConvertFromUtf32(Cur);
                _pos += CurLength;
                BumpSpace();
            }

            if (!_flags.Unicode)
            {
                throw Fail("Unicode not allowed here", start, _pos);
            }

            CodePointSet set = ResolveUnicodeProperty(name, start, ref negated);
            if (_flags.CaseInsensitive)
            {
                set = UnicodeData.CaseFold(set);
            }

            return Prim.OfClass(negated ? set.Negate() : set, start, _pos);
        }

        private CodePointSet ResolveUnicodeProperty(string name, int start, ref bool negated)
        {
            string key;
            string value;
            int ne = name.IndexOf("!=", StringComparison.Ordinal);
            int colon = name.IndexOf(':');
            int eq = name.IndexOf('=');
            if (ne >= 0)
            {
                key = name.Substring(0, ne);
                value = name.Substring(ne + 2);
                negated = !negated;
            }
            else if (colon >= 0)
            {
                key = name.Substring(0, colon);
                value = name.Substring(colon + 1);
            }
            else if (eq >= 0)
            {
                key = name.Substring(0, eq);
                value = name.Substring(eq + 1);
            }
            else
            {
                key = string.Empty;
                value = name;
            }

            string normKey = Loose(key);
            string normValue = Loose(value);
            CodePointSet? set = null;
            if (normKey.Length == 0)
            {
                set = normValue switch
                {
                    "any" => CodePointSet.All,
                    "ascii" => CodePointSet.Range(0, 0x7F),
                    "assigned" => UnicodeData.Categories(UnicodeCategory.OtherNotAssigned).Negate(),
                    "alphabetic" or "alpha" => UnicodeData.Alphabetic,
                    "whitespace" or "wspace" or "space" => UnicodeData.WhiteSpace,
                    _ => GeneralCategory(normValue),
                };
            }
            else if (normKey == "gc" || normKey == "generalcategory")
            {
                set = GeneralCategory(normValue);
            }

            if (set == null)
            {
                // Scripts (\p{Greek}, sc=, scx=), ages and other binary properties exist in Rust but have no
                // equivalent tables in .NET (\p{IsGreek} is a block, not a script); refuse rather than guess.
                throw Fail("Unicode property not supported by PolicySim (only general categories, Alphabetic, White_Space, Any, ASCII and Assigned are)", start, _pos);
            }

            return set;
        }

        // UAX44-LM3 loose matching as regex-syntax applies it: ignore case, spaces, '_' and '-', and a
        // leading "is".
        private static string Loose(string name)
        {
            var sb = new StringBuilder(name.Length);
            foreach (char c in name)
            {
                if (c == ' ' || c == '_' || c == '-' || UnicodeData.IsWhiteSpace(c))
                {
                    continue;
                }

                sb.Append(char.ToLowerInvariant(c));
            }

            string s = sb.ToString();
            if (s.StartsWith("is", StringComparison.Ordinal) && s.Length > 2)
            {
                s = s.Substring(2);
            }

            return s;
        }

        private static CodePointSet? GeneralCategory(string loose)
        {
            switch (loose)
            {
                case "l": case "letter": return Cats(UnicodeCategory.UppercaseLetter, UnicodeCategory.LowercaseLetter, UnicodeCategory.TitlecaseLetter, UnicodeCategory.ModifierLetter, UnicodeCategory.OtherLetter);
                case "lc": case "casedletter": return Cats(UnicodeCategory.UppercaseLetter, UnicodeCategory.LowercaseLetter, UnicodeCategory.TitlecaseLetter);
                case "lu": case "uppercaseletter": return Cats(UnicodeCategory.UppercaseLetter);
                case "ll": case "lowercaseletter": return Cats(UnicodeCategory.LowercaseLetter);
                case "lt": case "titlecaseletter": return Cats(UnicodeCategory.TitlecaseLetter);
                case "lm": case "modifierletter": return Cats(UnicodeCategory.ModifierLetter);
                case "lo": case "otherletter": return Cats(UnicodeCategory.OtherLetter);
                case "m": case "mark": case "combiningmark": return Cats(UnicodeCategory.NonSpacingMark, UnicodeCategory.SpacingCombiningMark, UnicodeCategory.EnclosingMark);
                case "mn": case "nonspacingmark": return Cats(UnicodeCategory.NonSpacingMark);
                case "mc": case "spacingmark": return Cats(UnicodeCategory.SpacingCombiningMark);
                case "me": case "enclosingmark": return Cats(UnicodeCategory.EnclosingMark);
                case "n": case "number": return Cats(UnicodeCategory.DecimalDigitNumber, UnicodeCategory.LetterNumber, UnicodeCategory.OtherNumber);
                case "nd": case "decimalnumber": case "digit": return Cats(UnicodeCategory.DecimalDigitNumber);
                case "nl": case "letternumber": return Cats(UnicodeCategory.LetterNumber);
                case "no": case "othernumber": return Cats(UnicodeCategory.OtherNumber);
                case "p": case "punctuation": case "punct": return Cats(UnicodeCategory.ConnectorPunctuation, UnicodeCategory.DashPunctuation, UnicodeCategory.OpenPunctuation, UnicodeCategory.ClosePunctuation, UnicodeCategory.InitialQuotePunctuation, UnicodeCategory.FinalQuotePunctuation, UnicodeCategory.OtherPunctuation);
                case "pc": case "connectorpunctuation": return Cats(UnicodeCategory.ConnectorPunctuation);
                case "pd": case "dashpunctuation": return Cats(UnicodeCategory.DashPunctuation);
                case "ps": case "openpunctuation": return Cats(UnicodeCategory.OpenPunctuation);
                case "pe": case "closepunctuation": return Cats(UnicodeCategory.ClosePunctuation);
                case "pi": case "initialpunctuation": return Cats(UnicodeCategory.InitialQuotePunctuation);
                case "pf": case "finalpunctuation": return Cats(UnicodeCategory.FinalQuotePunctuation);
                case "po": case "otherpunctuation": return Cats(UnicodeCategory.OtherPunctuation);
                case "s": case "symbol": return Cats(UnicodeCategory.MathSymbol, UnicodeCategory.CurrencySymbol, UnicodeCategory.ModifierSymbol, UnicodeCategory.OtherSymbol);
                case "sm": case "mathsymbol": return Cats(UnicodeCategory.MathSymbol);
                case "sc": case "currencysymbol": return Cats(UnicodeCategory.CurrencySymbol);
                case "sk": case "modifiersymbol": return Cats(UnicodeCategory.ModifierSymbol);
                case "so": case "othersymbol": return Cats(UnicodeCategory.OtherSymbol);
                case "z": case "separator": return Cats(UnicodeCategory.SpaceSeparator, UnicodeCategory.LineSeparator, UnicodeCategory.ParagraphSeparator);
                case "zs": case "spaceseparator": return Cats(UnicodeCategory.SpaceSeparator);
                case "zl": case "lineseparator": return Cats(UnicodeCategory.LineSeparator);
                case "zp": case "paragraphseparator": return Cats(UnicodeCategory.ParagraphSeparator);
                case "c": case "other": return Cats(UnicodeCategory.Control, UnicodeCategory.Format, UnicodeCategory.PrivateUse, UnicodeCategory.OtherNotAssigned);
                case "cc": case "control": case "cntrl": return Cats(UnicodeCategory.Control);
                case "cf": case "format": return Cats(UnicodeCategory.Format);
                case "cs": case "surrogate": return CodePointSet.Empty;
                case "co": case "privateuse": return Cats(UnicodeCategory.PrivateUse);
                case "cn": case "unassigned": return Cats(UnicodeCategory.OtherNotAssigned);
                default: return null;
            }
        }

        private static CodePointSet Cats(params UnicodeCategory[] categories) => UnicodeData.Categories(categories);

        private CodePointSet PerlClass(char c, int start)
        {
            CodePointSet set;
            char lower = char.ToLowerInvariant(c);
            if (_flags.Unicode)
            {
                set = lower == 'd' ? Cats(UnicodeCategory.DecimalDigitNumber)
                    : lower == 's' ? UnicodeData.WhiteSpace
                    : UnicodeData.Word;
            }
            else
            {
                set = lower == 'd' ? CodePointSet.Range('0', '9')
                    : lower == 's' ? AsciiClass("space")
                    : AsciiClass("word");
            }

            if (char.IsUpper(c))
            {
                if (!_flags.Unicode)
                {
                    throw Fail("pattern can match invalid UTF-8", start, start + 2);
                }

                set = set.Negate();
            }

            return set;
        }

        // ---------------------------------------------------------------- bracketed classes

        private CodePointSet ParseBracketClass()
        {
            int start = _pos;
            if (!BumpAndBumpSpace())
            {
                throw Fail("unclosed character class", start, _pos);
            }

            bool negated = false;
            if (_pattern[_pos] == '^')
            {
                negated = true;
                if (!BumpAndBumpSpace())
                {
                    throw Fail("unclosed character class", start, _pos);
                }
            }

            var union = new CodePointSet.Builder();
            bool any = false;
            while (_pattern[_pos] == '-')
            {
                union.Add('-');
                any = true;
                if (!BumpAndBumpSpace())
                {
                    throw Fail("unclosed character class", start, start);
                }
            }

            if (!any && _pattern[_pos] == ']')
            {
                union.Add(']');
                if (!BumpAndBumpSpace())
                {
                    throw Fail("unclosed character class", start, _pos);
                }
            }

            CodePointSet? lhs = null;
            char pendingOp = '\0';
            int openEnd = _pos;
            while (true)
            {
                BumpSpace();
                if (Eof)
                {
                    throw Fail("unclosed character class", start, openEnd);
                }

                char c = _pattern[_pos];
                if (c == '[')
                {
                    CodePointSet? ascii = TryParseAsciiClass();
                    if (ascii != null)
                    {
                        union.AddSet(ascii);
                        continue;
                    }

                    union.AddSet(ParseBracketClass());
                    continue;
                }

                if (c == ']')
                {
                    _pos++;
                    CodePointSet result = ApplyClassOp(lhs, pendingOp, union.Build());
                    if (negated)
                    {
                        result = result.Negate();
                    }

                    return result;
                }

                if ((c == '&' || c == '-' || c == '~') && _pos + 1 < _pattern.Length && _pattern[_pos + 1] == c)
                {
                    _pos += 2;
                    lhs = ApplyClassOp(lhs, pendingOp, union.Build());
                    pendingOp = c;
                    union = new CodePointSet.Builder();
                    continue;
                }

                union.AddSet(ParseClassRange(start, openEnd));
            }
        }

        private static CodePointSet ApplyClassOp(CodePointSet? lhs, char op, CodePointSet rhs)
        {
            if (lhs == null)
            {
                return rhs;
            }

            return op switch
            {
                '&' => lhs.Intersect(rhs),
                '-' => lhs.Except(rhs),
                _ => lhs.SymmetricExcept(rhs),
            };
        }

        private CodePointSet? TryParseAsciiClass()
        {
            int start = _pos;
            if (!StartsWith("[:"))
            {
                return null;
            }

            int p = _pos + 2;
            bool negated = false;
            if (p < _pattern.Length && _pattern[p] == '^')
            {
                negated = true;
                p++;
            }

            int nameStart = p;
            int colon = _pattern.IndexOf(':', nameStart);
            if (colon < 0 || colon + 1 >= _pattern.Length || _pattern[colon + 1] != ']')
            {
                return null;
            }

            int index = Array.IndexOf(AsciiClassNames, _pattern.Substring(nameStart, colon - nameStart));
            if (index < 0)
            {
                return null;
            }

            _pos = colon + 2;
            CodePointSet set = CodePointSet.FromPairs(AsciiClassPairs[index]);
            set = Fold(set);
            if (negated)
            {
                if (!_flags.Unicode)
                {
                    throw Fail("pattern can match invalid UTF-8", start, _pos);
                }

                set = set.Negate();
            }

            return set;
        }

        private static CodePointSet AsciiClass(string name) =>
            CodePointSet.FromPairs(AsciiClassPairs[Array.IndexOf(AsciiClassNames, name)]);

        private CodePointSet ParseClassRange(int classStart, int openEnd)
        {
            Prim first = ParseClassItem();
            BumpSpace();
            if (Eof)
            {
                throw Fail("unclosed character class", classStart, openEnd);
            }

            if (_pattern[_pos] != '-' || PeekSpace() == ']' || PeekSpace() == '-')
            {
                return ItemSet(first);
            }

            if (!BumpAndBumpSpace())
            {
                throw Fail("unclosed character class", classStart, openEnd);
            }

            Prim second = ParseClassItem();
            if (first.Kind != PrimKind.Literal)
            {
                throw Fail("invalid range boundary, must be a literal", first.Start, first.End);
            }

            if (second.Kind != PrimKind.Literal)
            {
                throw Fail("invalid range boundary, must be a literal", second.Start, second.End);
            }

            if (first.CodePoint > second.CodePoint)
            {
                throw Fail("invalid character class range, the start must be <= the end", first.Start, second.End);
            }

            CheckClassLiteral(first);
            CheckClassLiteral(second);
            return Fold(CodePointSet.Range(first.CodePoint, second.CodePoint));
        }

        private Prim ParseClassItem()
        {
            if (_pattern[_pos] == '\\')
            {
                return ParseEscape();
            }

            int start = _pos;
            int c = Cur;
            _pos += CurLength;
            return Prim.OfLiteral(c, start, _pos, isByteEscape: false);
        }

        private CodePointSet ItemSet(Prim prim)
        {
            switch (prim.Kind)
            {
                case PrimKind.Literal:
                    CheckClassLiteral(prim);
                    return Fold(CodePointSet.Single(prim.CodePoint));
                case PrimKind.Class:
                    return prim.Set!;
                default:
                    throw Fail("invalid escape sequence found in character class", prim.Start, prim.End);
            }
        }

        private void CheckClassLiteral(Prim prim)
        {
            if (!_flags.Unicode && prim.CodePoint > 0x7F)
            {
                throw prim.IsByteEscape
                    ? Fail("pattern can match invalid UTF-8", prim.Start, prim.End)
                    : Fail("Unicode not allowed here", prim.Start, prim.End);
            }
        }

        private CodePointSet Fold(CodePointSet set)
        {
            if (!_flags.CaseInsensitive)
            {
                return set;
            }

            if (_flags.Unicode)
            {
                return UnicodeData.CaseFold(set);
            }

            // (?-u) folds ASCII letters only.
            var builder = new CodePointSet.Builder();
            builder.AddSet(set);
            for (int c = 'A'; c <= 'Z'; c++)
            {
                if (set.Contains(c) || set.Contains(c + 32))
                {
                    builder.Add(c);
                    builder.Add(c + 32);
                }
            }

            return builder.Build();
        }

        // ---------------------------------------------------------------- emission

        private void EmitPrimitive(Prim prim)
        {
            switch (prim.Kind)
            {
                case PrimKind.Literal:
                    if (!_flags.Unicode && prim.IsByteEscape && prim.CodePoint > 0x7F)
                    {
                        throw Fail("pattern can match invalid UTF-8", prim.Start, prim.End);
                    }

                    if (_flags.CaseInsensitive)
                    {
                        // Not EmitSet: a verbatim non-ASCII literal is valid even under (?-u).
                        AppendSet(_out, Fold(CodePointSet.Single(prim.CodePoint)));
                    }
                    else
                    {
                        AppendLiteral(_out, prim.CodePoint);
                    }

                    break;
                case PrimKind.Class:
                    EmitSet(prim.Set!, prim.Start, prim.End);
                    break;
                default:
                    EmitAssertion(prim.Assertion);
                    break;
            }
        }

        private void EmitAssertion(Assertion assertion)
        {
            switch (assertion)
            {
                case Assertion.StartText:
                    _out.Append("\\A");
                    return;
                case Assertion.EndText:
                    _out.Append("\\z");
                    return;
                case Assertion.StartLine:
                    _out.Append(!_flags.MultiLine ? "\\A" : _flags.Crlf ? "(?:\\A|(?<=\\n)|(?<=\\r)(?!\\n))" : "(?m:^)");
                    return;
                case Assertion.EndLine:
                    // Rust `$` is end of text; .NET `$` would also match before a final "\n".
                    _out.Append(!_flags.MultiLine ? "\\z" : _flags.Crlf ? "(?:\\z|(?=\\r)|(?<!\\r)(?=\\n))" : "(?m:$)");
                    return;
            }

            string w = _flags.Unicode ? UnicodeWordAtom() : "[0-9A-Za-z_]";
            switch (assertion)
            {
                case Assertion.WordBoundary:
                    _out.Append("(?:(?<=").Append(w).Append(")(?!").Append(w).Append(")|(?<!").Append(w).Append(")(?=").Append(w).Append("))");
                    break;
                case Assertion.NotWordBoundary:
                    _out.Append("(?:(?<=").Append(w).Append(")(?=").Append(w).Append(")|(?<!").Append(w).Append(")(?!").Append(w).Append("))");
                    break;
                case Assertion.WordStart:
                    _out.Append("(?:(?<!").Append(w).Append(")(?=").Append(w).Append("))");
                    break;
                case Assertion.WordEnd:
                    _out.Append("(?:(?<=").Append(w).Append(")(?!").Append(w).Append("))");
                    break;
                case Assertion.WordStartHalf:
                    _out.Append("(?<!").Append(w).Append(')');
                    break;
                default:
                    _out.Append("(?!").Append(w).Append(')');
                    break;
            }
        }

        private static string UnicodeWordAtom()
        {
            string? atom = s_unicodeWordAtom;
            if (atom == null)
            {
                var sb = new StringBuilder();
                AppendSet(sb, UnicodeData.Word);
                atom = sb.ToString();
                s_unicodeWordAtom = atom;
            }

            return atom;
        }

        private void EmitSet(CodePointSet set, int start, int end)
        {
            if (!_flags.Unicode && set.HasNonAscii)
            {
                throw Fail("pattern can match invalid UTF-8", start, end);
            }

            AppendSet(_out, set);
        }

        /// <summary>Appends a .NET sub-pattern matching exactly one code point of <paramref name="set"/>.</summary>
        internal static void AppendSet(StringBuilder sb, CodePointSet set)
        {
            if (set.IsEmpty)
            {
                sb.Append(NeverMatches);
                return;
            }

            if (set.RangeCount == 1 && set.RangeStart(0) == set.RangeEnd(0))
            {
                AppendLiteral(sb, set.RangeStart(0));
                return;
            }

            var bmp = new StringBuilder();
            var astral = new List<(int High, int LowFirst, int LowLast)>();
            for (int i = 0; i < set.RangeCount; i++)
            {
                int first = set.RangeStart(i);
                int last = set.RangeEnd(i);
                if (first <= 0xFFFF)
                {
                    AppendClassRange(bmp, first, Math.Min(last, 0xFFFF));
                }

                if (last > 0xFFFF)
                {
                    SplitAstral(Math.Max(first, 0x10000), last, astral);
                }
            }

            if (astral.Count == 0)
            {
                sb.Append('[').Append(bmp).Append(']');
                return;
            }

            sb.Append("(?:");
            bool needBar = false;
            if (bmp.Length > 0)
            {
                sb.Append('[').Append(bmp).Append(']');
                needBar = true;
            }

            AppendAstral(sb, astral, needBar);
            sb.Append(')');
        }

        private static void SplitAstral(int first, int last, List<(int High, int LowFirst, int LowLast)> output)
        {
            int hiA = 0xD800 + ((first - 0x10000) >> 10);
            int loA = 0xDC00 + ((first - 0x10000) & 0x3FF);
            int hiB = 0xD800 + ((last - 0x10000) >> 10);
            int loB = 0xDC00 + ((last - 0x10000) & 0x3FF);
            if (hiA == hiB)
            {
                output.Add((hiA, loA, loB));
                return;
            }

            output.Add((hiA, loA, 0xDFFF));
            for (int h = hiA + 1; h < hiB; h++)
            {
                output.Add((h, 0xDC00, 0xDFFF));
            }

            output.Add((hiB, 0xDC00, loB));
        }

        private static void AppendAstral(StringBuilder sb, List<(int High, int LowFirst, int LowLast)> parts, bool needBar)
        {
            int i = 0;
            while (i < parts.Count)
            {
                int high = parts[i].High;
                int j = i;
                while (j < parts.Count && parts[j].High == high)
                {
                    j++;
                }

                bool full = j == i + 1 && parts[i].LowFirst == 0xDC00 && parts[i].LowLast == 0xDFFF;
                if (needBar)
                {
                    sb.Append('|');
                }

                needBar = true;
                if (full)
                {
                    // Merge a run of high surrogates whose whole low range is included.
                    int k = j;
                    int lastHigh = high;
                    while (k < parts.Count && parts[k].High == lastHigh + 1 && parts[k].LowFirst == 0xDC00 && parts[k].LowLast == 0xDFFF
                        && (k + 1 >= parts.Count || parts[k + 1].High != parts[k].High))
                    {
                        lastHigh++;
                        k++;
                    }

                    sb.Append('[');
                    AppendClassRange(sb, high, lastHigh);
                    sb.Append("][\\uDC00-\\uDFFF]");
                    i = k;
                    continue;
                }

                AppendUnit(sb, high);
                sb.Append('[');
                for (int k = i; k < j; k++)
                {
                    AppendClassRange(sb, parts[k].LowFirst, parts[k].LowLast);
                }

                sb.Append(']');
                i = j;
            }
        }

        private static void AppendClassRange(StringBuilder sb, int first, int last)
        {
            AppendUnit(sb, first);
            if (last != first)
            {
                if (last > first + 1)
                {
                    sb.Append('-');
                }

                AppendUnit(sb, last);
            }
        }

        private static void AppendLiteral(StringBuilder sb, int codePoint)
        {
            if (codePoint <= 0xFFFF)
            {
                AppendUnit(sb, codePoint);
                return;
            }

            string pair = char.ConvertFromUtf32(codePoint);
            sb.Append("(?:");
            AppendUnit(sb, pair[0]);
            AppendUnit(sb, pair[1]);
            sb.Append(')');
        }

        private static void AppendUnit(StringBuilder sb, int unit)
        {
            if ((unit >= '0' && unit <= '9') || (unit >= 'A' && unit <= 'Z') || (unit >= 'a' && unit <= 'z'))
            {
                sb.Append((char)unit);
                return;
            }

            sb.Append("\\u").Append(unit.ToString("X4", CultureInfo.InvariantCulture));
        }

        // ---------------------------------------------------------------- scanning helpers

        private static bool IsMetaCharacter(int c) =>
            c == '\\' || c == '.' || c == '+' || c == '*' || c == '?' || c == '(' || c == ')' || c == '|'
            || c == '[' || c == ']' || c == '{' || c == '}' || c == '^' || c == '$' || c == '#' || c == '&'
            || c == '-' || c == '~';

        // regex-syntax: any ASCII character except [0-9A-Za-z<>] may be escaped.
        private static bool IsEscapeable(int c) =>
            c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '<' || c == '>');

        private bool StartsWith(string prefix) => _pos + prefix.Length <= _pattern.Length
            && string.CompareOrdinal(_pattern, _pos, prefix, 0, prefix.Length) == 0;

        private bool BumpAndBumpSpace()
        {
            if (Eof)
            {
                return false;
            }

            _pos += CurLength;
            BumpSpace();
            return !Eof;
        }

        // In (?x) mode skips White_Space and '#' comments (to end of line), as regex-syntax's bump_space.
        private void BumpSpace()
        {
            if (!_flags.IgnoreWhitespace)
            {
                return;
            }

            while (!Eof)
            {
                if (UnicodeData.IsWhiteSpace(Cur))
                {
                    _pos += CurLength;
                }
                else if (_pattern[_pos] == '#')
                {
                    while (!Eof)
                    {
                        char c = _pattern[_pos];
                        _pos++;
                        if (c == '\n')
                        {
                            break;
                        }
                    }
                }
                else
                {
                    break;
                }
            }
        }

        private int PeekSpace()
        {
            int p = _pos + CurLength;
            if (!_flags.IgnoreWhitespace)
            {
                return p < _pattern.Length ? _pattern[p] : -1;
            }

            bool inComment = false;
            for (; p < _pattern.Length; p++)
            {
                char c = _pattern[p];
                if (UnicodeData.IsWhiteSpace(c))
                {
                    continue;
                }

                if (!inComment && c == '#')
                {
                    inComment = true;
                }
                else if (inComment && c == '\n')
                {
                    inComment = false;
                }
                else if (!inComment)
                {
                    return c;
                }
            }

            return -1;
        }

        private SyntaxException Fail(string kind, int start, int end) =>
            new SyntaxException(new RustRegexError(_pattern, kind, start, Math.Min(end, _pattern.Length)));

        /// <summary>The flags in effect at a point of the pattern (regex-syntax defaults: only Unicode on).</summary>
        private struct Flags
        {
            internal bool CaseInsensitive;
            internal bool MultiLine;
            internal bool DotMatchesNewLine;
            internal bool SwapGreed;
            internal bool Unicode;
            internal bool Crlf;
            internal bool IgnoreWhitespace;

            internal static Flags Default => new Flags { Unicode = true };
        }

        /// <summary>A parsed primitive: literal, class or assertion, with its span.</summary>
        private sealed class Prim
        {
            internal PrimKind Kind { get; private set; }

            internal int CodePoint { get; private set; }

            internal bool IsByteEscape { get; private set; }

            internal CodePointSet? Set { get; private set; }

            internal Assertion Assertion { get; private set; }

            internal int Start { get; private set; }

            internal int End { get; private set; }

            internal static Prim OfLiteral(int codePoint, int start, int end, bool isByteEscape) =>
                new Prim { Kind = PrimKind.Literal, CodePoint = codePoint, Start = start, End = end, IsByteEscape = isByteEscape };

            internal static Prim OfClass(CodePointSet set, int start, int end) =>
                new Prim { Kind = PrimKind.Class, Set = set, Start = start, End = end };

            internal static Prim OfAssertion(Assertion assertion, int start, int end) =>
                new Prim { Kind = PrimKind.Assertion, Assertion = assertion, Start = start, End = end };
        }

        /// <summary>Carries a <see cref="RustRegexError"/> out of the recursive descent.</summary>
        private sealed class SyntaxException : Exception
        {
            internal SyntaxException(RustRegexError error)
                : base(error.ShortMessage) => Error = error;

            internal RustRegexError Error { get; }
        }
    }
}
