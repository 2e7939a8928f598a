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
            var state = new byte[literals.Length];
            for (int id = 0; id < literals.Length; id++)
            {
                state[id] = index.Indexed(id) ? (byte)1 : (byte)0;
            }

            ReadOnlySpan<char> t = Canonical.Text.AsSpan();
            bool previousIsWord = false;
            for (int i = 0; i < t.Length - 1; i++)
            {
                char c = t[i];
                if (!previousIsWord && c >= 'a' && c <= 'z' && index.At(c, t[i + 1]) is int[] ids)
                {
                    ReadOnlySpan<char> rest = t.Slice(i);
                    foreach (int id in ids)
                    {
                        if (state[id] != 2 && rest.StartsWith(literals[id].AsSpan()))
                        {
                            state[id] = 2;
                        }
                    }
                }

                previousIsWord = AsciiPhrasePattern.IsWord(c);
            }

            _literalState = state;
            _index = index;
        }
    }
}
