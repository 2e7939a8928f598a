using System;
#if NET8_0_OR_GREATER
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
#endif

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
        internal DetectorPattern.TextKind Kind => _kind ??= IsAscii ? DetectorPattern.TextKind.Simple : DetectorPattern.Classify(Canonical.Text);

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
            // A plain copy of the template rather than Array.Clone (MemberwiseClone measured ~0.35 µs per text).
            byte[] initial = index.InitialState;
            byte[] state = new byte[initial.Length];
            Buffer.BlockCopy(initial, 0, state, 0, initial.Length);
            ReadOnlySpan<char> t = Canonical.Text.AsSpan();
            int i = 0;
            bool previousIsWord = false;
#if NET8_0_OR_GREATER
            ref ushort chars = ref Unsafe.As<char, ushort>(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(t));
            uint carry = 0; // 1 when the character before the block is a word character
            if (Vector256.IsHardwareAccelerated && !index.HasTwoCharacterLiterals)
            {
                // Sixteen characters at a time, and the three-character filter for all sixteen positions at once from a
                // vector of their hashes, so a phrase start costs a table bit test without a branch, and only starts
                // that pass are looked up. 20k generated texts of ~714 characters (113 phrase starts, 26 passing),
                // same process: finding and filtering the starts 1.96-2.51 -> 0.74-0.87 µs; the whole scan ~25-35% faster
                // (bench/README.md, round 9).
                // A block needs the two characters after it for the hashes; the rest goes to the loops below.
                Span<ushort> hashes = stackalloc ushort[Vector256<ushort>.Count];
                for (; i + Vector256<ushort>.Count + 2 <= t.Length; i += Vector256<ushort>.Count)
                {
                    Vector256<ushort> v = Vector256.LoadUnsafe(ref chars, (nuint)i);
                    Vector256<ushort> lower = Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'a'), Vector256.Create((ushort)('z' - 'a')));
                    Vector256<ushort> word = lower
                        | Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'A'), Vector256.Create((ushort)('Z' - 'A')))
                        | Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'0'), Vector256.Create((ushort)9))
                        | Vector256.Equals(v, Vector256.Create((ushort)'_'));
                    uint wordBits = word.ExtractMostSignificantBits();
                    uint starts = lower.ExtractMostSignificantBits() & ~((wordBits << 1) | carry);
                    carry = (wordBits >> (Vector256<ushort>.Count - 1)) & 1;
                    if (starts == 0)
                    {
                        continue;
                    }

                    LiteralIndex.ThreeCharacterHashes(v, Vector256.LoadUnsafe(ref chars, (nuint)(i + 1)), Vector256.LoadUnsafe(ref chars, (nuint)(i + 2)))
                        .StoreUnsafe(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(hashes));
                    uint passing = 0;
                    while (starts != 0)
                    {
                        int k = System.Numerics.BitOperations.TrailingZeroCount(starts);
                        starts &= starts - 1;
                        passing |= index.MayStartHash(hashes[k]) << k;
                    }

                    while (passing != 0)
                    {
                        int at = i + System.Numerics.BitOperations.TrailingZeroCount(passing);
                        passing &= passing - 1;
                        Lookup(index, state, t, at);
                    }
                }
            }

            if (Vector128.IsHardwareAccelerated)
            {
                // Eight characters at a time: where a lower-case letter follows a non-word character (a possible
                // phrase start) is worked out with vector compares, and only those positions are looked up, instead of
                // two data-dependent branches per character. 20k generated texts of ~714 characters: 6.8-7.2
                // -> 5.5-5.8 µs per text (bench/README.md, round 7).
                for (; i + Vector128<ushort>.Count <= t.Length; i += Vector128<ushort>.Count)
                {
                    Vector128<ushort> v = Vector128.LoadUnsafe(ref chars, (nuint)i);
                    Vector128<ushort> lower = Vector128.LessThanOrEqual(v - Vector128.Create((ushort)'a'), Vector128.Create((ushort)('z' - 'a')));
                    Vector128<ushort> word = lower
                        | Vector128.LessThanOrEqual(v - Vector128.Create((ushort)'A'), Vector128.Create((ushort)('Z' - 'A')))
                        | Vector128.LessThanOrEqual(v - Vector128.Create((ushort)'0'), Vector128.Create((ushort)9))
                        | Vector128.Equals(v, Vector128.Create((ushort)'_'));
                    uint wordBits = word.ExtractMostSignificantBits();
                    uint starts = lower.ExtractMostSignificantBits() & ~((wordBits << 1) | carry);
                    carry = (wordBits >> (Vector128<ushort>.Count - 1)) & 1;
                    while (starts != 0)
                    {
                        int at = i + System.Numerics.BitOperations.TrailingZeroCount(starts);
                        starts &= starts - 1;
                        if (at + 1 < t.Length)
                        {
                            Candidates(index, state, t, at);
                        }
                    }
                }
            }

            previousIsWord = carry != 0;
#endif

            bool[] wordChars = WordChars;
            for (; i < t.Length - 1; i++)
            {
                char c = t[i];
                if (!previousIsWord && (uint)(c - 'a') <= 'z' - 'a')
                {
                    Candidates(index, state, t, i);
                }

                // An inline table rather than a call per character (AsciiPhrasePattern.IsWord).
                previousIsWord = c < 128 && wordChars[c];
            }

            _literalState = state;
            _index = index;
        }

        /// <summary>Marks the indexed literals that occur at <paramref name="at"/>, a lower-case letter with a character after it.</summary>
        private static void Candidates(LiteralIndex index, byte[] state, ReadOnlySpan<char> t, int at)
        {
            // Three characters rule out most starts with one bit test (generated untrusted texts: 141 -> 62 literal
            // comparisons per text, bench/README.md round 8). A two-character literal (none is built in) turns it off.
            if (!index.HasTwoCharacterLiterals && (at + 2 >= t.Length || !index.MayStart(t[at], t[at + 1], t[at + 2])))
            {
                return;
            }

            Lookup(index, state, t, at);
        }

        /// <summary>Marks the indexed literals that occur at <paramref name="at"/>, a phrase start that passed the three-character filter (or needs none).</summary>
        private static void Lookup(LiteralIndex index, byte[] state, ReadOnlySpan<char> t, int at)
        {
            if (index.At(t[at], t[at + 1]) is not int[] ids)
            {
                return;
            }

            // The table matched the first two characters; the third rules out most other candidates before a
            // comparison of the rest (measured: ~1.3 candidates per word of ordinary prose).
            string[] literals = index.Literals;
            ReadOnlySpan<char> rest = t.Slice(at + 2);
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
