using System;

namespace PolicySim.Evaluation.Text
{
    /// <summary>
    /// A canonical text being scanned by the detectors, with what is learned about it once and reused by every
    /// pattern: which required literals occur (<see cref="RequiredLiterals"/>) and its <see cref="DetectorPattern.TextKind"/>.
    /// </summary>
    /// <remarks>Used by one thread at a time (the detectors' per-thread cache hands it out).</remarks>
    internal sealed class ScanText
    {
        // Per literal id of _index: 0 not yet looked for, 1 absent, 2 present.
        private byte[] _literalState = Array.Empty<byte>();
        private LiteralIndex? _index;
        private DetectorPattern.TextKind? _kind;
        private bool? _ascii;

        /// <summary>Initializes a new instance of the <see cref="ScanText"/> class.</summary>
        /// <param name="canonical">The canonicalized text.</param>
        internal ScanText(CanonicalText canonical)
        {
            Canonical = canonical;
        }

        /// <summary>Gets the canonicalized text and its statistics.</summary>
        internal CanonicalText Canonical { get; }

        /// <summary>Gets the canonical string.</summary>
        internal string Text => Canonical.Text;

        /// <summary>Gets how the text relates to the .NET/Rust semantic differences (classified on first use).</summary>
        internal DetectorPattern.TextKind Kind => _kind ??= DetectorPattern.Classify(Canonical.Text);

        /// <summary>Gets whether the canonical text is all ASCII (checked on first use).</summary>
        internal bool IsAscii => _ascii ??= TextCanonicalizer.IsAscii(Canonical.Text);

        /// <summary>
        /// Whether literal <paramref name="id"/> occurs where a phrase can start: not right after an ASCII word character
        /// (after one no engine sees a word boundary, and every phrase starts with a word character). The first question
        /// answers every indexed literal in one pass over the text: at each such position one table lookup by the
        /// next two characters; other literals are searched for when asked.
        /// </summary>
        /// <param name="id">The literal id.</param>
        /// <param name="index">The registered literals.</param>
        /// <returns>Whether the literal occurs at a possible phrase start.</returns>
        internal bool LiteralPresent(int id, LiteralIndex index)
        {
            if (!ReferenceEquals(_index, index))
            {
                ScanAll(index);
            }

            byte state = _literalState[id];
            if (state == 0)
            {
                state = Canonical.Text.AsSpan().IndexOf(index.Literals[id].AsSpan()) >= 0 ? (byte)2 : (byte)1;
                _literalState[id] = state;
            }

            return state == 2;
        }

        private void ScanAll(LiteralIndex index)
        {
            string[] literals = index.Literals;
            byte[] state = (byte[])index.InitialState.Clone();
            ReadOnlySpan<char> t = Canonical.Text.AsSpan();
            bool[] wordChars = WordChars;
            bool previousIsWord = false;
            for (int i = 0; i < t.Length - 1; i++)
            {
                char c = t[i];
                if (!previousIsWord && (uint)(c - 'a') <= 'z' - 'a' && index.At(c, t[i + 1]) is int[] ids)
                {
                    // The table matched the first two characters; the third rules out most other candidates before a
                    // comparison of the rest (measured: ~1.3 candidates per word of ordinary prose).
                    ReadOnlySpan<char> rest = t.Slice(i + 2);
                    foreach (int id in ids)
                    {
                        string literal = literals[id];
                        if (state[id] == 2 || literal.Length - 2 > rest.Length)
                        {
                            continue;
                        }

                        if (literal.Length == 2 || (rest[0] == literal[2] && rest.StartsWith(literal.AsSpan(2))))
                        {
                            state[id] = 2;
                        }
                    }
                }

                // An inline table rather than a call per character (AsciiPhrasePattern.IsWord), and a plain loop rather
                // than a vectorized search for the end of each word: words are a few characters long.
                previousIsWord = c < 128 && wordChars[c];
            }

            _literalState = state;
            _index = index;
        }

        // [A-Za-z0-9_], by ASCII code (AsciiPhrasePattern.IsWord).
        private static readonly bool[] WordChars = BuildWordChars();

        private static bool[] BuildWordChars()
        {
            var table = new bool[128];
            for (int c = 0; c < 128; c++)
            {
                table[c] = AsciiPhrasePattern.IsWord((char)c);
            }

            return table;
        }
    }
}
