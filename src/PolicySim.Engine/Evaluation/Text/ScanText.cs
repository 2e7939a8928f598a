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
        // Per literal id: 0 not yet looked for, 1 absent, 2 present.
        private byte[] _literalState = Array.Empty<byte>();
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

        /// <summary>Whether literal <paramref name="id"/> occurs in the text (ordinal), looked up once.</summary>
        /// <param name="id">The literal id.</param>
        /// <param name="literals">The registered literals, indexed by id.</param>
        /// <returns>Whether the literal occurs.</returns>
        internal bool LiteralPresent(int id, string[] literals)
        {
            if (id >= _literalState.Length)
            {
                var grown = new byte[literals.Length];
                Array.Copy(_literalState, grown, _literalState.Length);
                _literalState = grown;
            }

            byte state = _literalState[id];
            if (state == 0)
            {
                state = Canonical.Text.AsSpan().IndexOf(literals[id].AsSpan()) >= 0 ? (byte)2 : (byte)1;
                _literalState[id] = state;
            }

            return state == 2;
        }
    }
}
