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
    /// <para>Three equivalent .NET forms are kept, chosen per text (see <see cref="Classify"/>):</para>
    /// <list type="bullet">
    /// <item>native <c>\b</c> and <c>.</c> — exact when every character is a word character for both engines or
    /// for neither and there are no surrogate pairs (the usual case);</item>
    /// <item>native <c>\b</c> with a pair-aware dot — exact when surrogate pairs are present but none of them
    /// is a Rust word character (emoji, symbols), because .NET sees surrogates as non-word;</item>
    /// <item>exact — <c>\b(</c> rewritten to a one-sided look-behind over Rust's Unicode word set and
    /// <c>)\b</c> to a look-ahead; used when the text has characters whose word-ness differs (Mc/Me/Nl
    /// marks, circled letters, astral letters). It is large (≈60 KB of pattern), so it is interpreted and
    /// built on first need: compiling it made the first match take ≈200 ms of JIT time.</item>
    /// </list>
    /// <para><see cref="IsMatchExact"/> runs the general <see cref="RustRegex"/> translation so tests can prove
    /// all forms agree.</para>
    /// </remarks>
    internal sealed class DetectorPattern
    {
        // Any code point. The common single-unit case comes first; a high surrogate can only be taken together
        // with its low half, so a gap never ends inside a pair and counts code points like Rust's `.`.
        // (Canonical text has no lone surrogates and no newline.)
        private const string AnyCodePoint = "(?:[^\\uD800-\\uDBFF]|[\\uD800-\\uDBFF][\\uDC00-\\uDFFF])";

        // The detectors run on every untrusted-text event, so compiling their small native forms once (a few
        // ms each) is worth it where a JIT-friendly implementation exists. They are built on first need: ASCII text
        // (the usual case) goes to the regex-free matcher, and building all 22 when the detectors loaded cost every
        // run ~0.04 s of CPU and ~2 MB (100-event compare, bench/README.md round 5).
#if NET8_0_OR_GREATER
        private const RegexOptions NativeOptions = RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.Compiled;
#else
        private const RegexOptions NativeOptions = RegexOptions.CultureInvariant | RegexOptions.Singleline;
#endif

        // No match timeout: the built-in patterns only have bounded gaps (at most O(n·N²) steps), and with a
        // timeout the one-time JIT of a compiled regex (hundreds of ms on a loaded machine) counted against
        // the first match and made it throw.
        private static readonly TimeSpan MatchTimeout = Regex.InfiniteMatchTimeout;

        private static string? s_wordAtom;
        private static bool[]? s_agreesBmp;

        private readonly string _rustPattern;
        private readonly RequiredLiterals _literals;
        private readonly AsciiPhrasePattern? _ascii;
        private Regex? _native;
        private Regex? _nativePairs;
        private Regex? _rewritten;
        private Regex? _exact;

        /// <summary>How a text relates to the differences between .NET and Rust semantics.</summary>
        internal enum TextKind
        {
            /// <summary>No surrogate pairs; every character's word-ness agrees.</summary>
            Simple,

            /// <summary>Surrogate pairs, none of them a Rust word character; BMP word-ness agrees.</summary>
            Pairs,

            /// <summary>Some character's word-ness differs between the engines.</summary>
            Divergent,
        }

        /// <summary>Creates the pattern from its Rust-syntax body (semantics of <c>(?is)</c> + body).</summary>
        /// <param name="rustPattern">The pattern body, of the shape described on the type.</param>
        internal DetectorPattern(string rustPattern)
        {
            _rustPattern = "(?is)" + rustPattern;
            Validate(rustPattern);
            _literals = RequiredLiterals.FromPattern(rustPattern);
            _ascii = AsciiPhrasePattern.TryCreate(rustPattern);
        }

        /// <summary>Classifies <paramref name="text"/> (once per text, shared by all patterns).</summary>
        /// <param name="text">Canonical text.</param>
        /// <returns>Which form is exact for the text.</returns>
        internal static TextKind Classify(string text)
        {
            TextKind kind = TextKind.Simple;
            bool[]? agrees = null;
            int start = 0;
#if NET8_0_OR_GREATER
            // Most texts are ASCII: one vectorized search instead of a test per character (~0.9 µs per 700 characters).
            start = text.AsSpan().IndexOfAnyExceptInRange('\0', '\u007F');
            if (start < 0)
            {
                return kind;
            }
#endif
            for (int i = start; i < text.Length; i++)
            {
                char c = text[i];
                if (c < 0x80)
                {
                    continue;
                }

                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    if (UnicodeData.Word.Contains(char.ConvertToUtf32(c, text[i + 1])))
                    {
                        return TextKind.Divergent;
                    }

                    kind = TextKind.Pairs;
                    i++;
                    continue;
                }

                agrees ??= LazyInitializer.EnsureInitialized(ref s_agreesBmp, BuildAgreement)!;
                if (!agrees[c])
                {
                    return TextKind.Divergent;
                }
            }

            return kind;
        }

        /// <summary>Tests the pattern against canonical (lower-cased) text.</summary>
        /// <param name="text">Canonical text.</param>
        /// <returns>Whether the signal fires.</returns>
        internal bool IsMatch(string text) => IsMatch(text, Classify(text));

        /// <summary>
        /// Whether the pattern can match <paramref name="text"/> at all: some top-level alternative has, for each
        /// of its <c>\b(…)\b</c> groups, one phrase's leading literal where a phrase can start (see
        /// <see cref="ScanText.LiteralPresent"/>). Every form of the
        /// regex matches those phrases literally (canonical text is already lower-cased), so a false answer is
        /// exact and the regex need not run; most texts contain none of the trigger words.
        /// </summary>
        /// <param name="text">Canonical text with its literal memo.</param>
        /// <returns>False when the pattern certainly does not match.</returns>
        internal bool MayMatch(ScanText text) => _literals.MayMatch(text);

        /// <summary>
        /// Tests the pattern against a scanned text: ASCII text (the usual case) by the regex-free
        /// <see cref="AsciiPhrasePattern"/>, anything else by the regex form its <see cref="TextKind"/> needs.
        /// </summary>
        /// <param name="text">Canonical text with its scan memo.</param>
        /// <returns>Whether the signal fires.</returns>
        internal bool IsMatch(ScanText text) =>
            _ascii != null && text.IsAscii ? _ascii.IsMatch(text) : IsMatch(text.Text, text.Kind);

        /// <summary>Tests the ASCII matcher alone (for equivalence tests); null when the pattern has no ASCII matcher.</summary>
        /// <param name="asciiText">ASCII text.</param>
        /// <returns>Whether the signal fires, or null.</returns>
        internal bool? IsMatchAscii(string asciiText) => _ascii?.IsMatch(asciiText);

        /// <summary>Tests the pattern when the caller already classified the text.</summary>
        /// <param name="text">Canonical text.</param>
        /// <param name="kind">Result of <see cref="Classify"/> for <paramref name="text"/>.</param>
        /// <returns>Whether the signal fires.</returns>
        internal bool IsMatch(string text, TextKind kind) => kind switch
        {
            TextKind.Simple => Built(ref _native, static p => new Regex(p.Body, NativeOptions, MatchTimeout)).IsMatch(text),
            TextKind.Pairs => Built(ref _nativePairs, static p => new Regex(p.Body.Replace(".{0,", AnyCodePoint + "{0,"), NativeOptions, MatchTimeout)).IsMatch(text),
            _ => Rewritten().IsMatch(text),
        };

        // The pattern body as given, without the "(?is)" that makes _rustPattern the Rust semantics.
        private string Body => _rustPattern.Substring(5);

        /// <summary>The regex in <paramref name="field"/>, built on first use (a race builds an equal one twice).</summary>
        private Regex Built(ref Regex? field, Func<DetectorPattern, Regex> build)
        {
            Regex? regex = Volatile.Read(ref field);
            if (regex == null)
            {
                regex = build(this);
                Volatile.Write(ref field, regex);
            }

            return regex;
        }

        /// <summary>Tests the general Rust translation of the same pattern (for equivalence tests).</summary>
        /// <param name="text">Canonical text.</param>
        /// <returns>Whether the signal fires.</returns>
        internal bool IsMatchExact(string text) =>
            Built(ref _exact, static p => RustRegex.TryCompile(p._rustPattern, out Regex? exact, out string? error)
                ? exact!
                : throw new InvalidOperationException("Built-in detector pattern is invalid: " + error)).IsMatch(text);

        /// <summary>Tests the look-around form regardless of the text (for equivalence tests).</summary>
        /// <param name="text">Canonical text.</param>
        /// <returns>Whether the signal fires.</returns>
        internal bool IsMatchRewritten(string text) => Rewritten().IsMatch(text);

        private Regex Rewritten() =>
            Built(ref _rewritten, static p => new Regex(Rewrite(p.Body, WordAtom(), AnyCodePoint), RegexOptions.CultureInvariant, MatchTimeout));

        private static void Validate(string pattern) => Rewrite(pattern, "W", ".");

        // For each BMP character: true when .NET's \b word test and Rust's Unicode word set classify it the same
        // way (surrogates: false). Probing .NET's own \w keeps this right for whatever runtime is running.
        private static bool[] BuildAgreement()
        {
            var netWord = new Regex(@"\A\w\z", RegexOptions.CultureInvariant);
            CodePointSet rustWord = UnicodeData.Word;
            var table = new bool[0x10000];
            for (int c = 0; c < 0x10000; c++)
            {
                if (c >= 0xD800 && c <= 0xDFFF)
                {
                    continue;
                }

                // .NET's \b (unlike its \w) also counts U+200C/U+200D as word characters, as Rust does.
                bool net = c == 0x200C || c == 0x200D || netWord.IsMatch(((char)c).ToString());
                table[c] = net == rustWord.Contains(c);
            }

            return table;
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
