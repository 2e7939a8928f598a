using System;
using System.Collections.Generic;

namespace PolicySim.Evaluation.Matching
{
    /// <summary>
    /// An ordered list of <see cref="PathGlob"/>s (a guard's patterns or exceptions). Order is kept because
    /// the first matching pattern is what a decision reports.
    /// </summary>
    /// <remarks>
    /// Most paths match none of a guard's globs (the built-in forbidden_path lists 19), and testing each glob costs a
    /// substring search. So each glob has a 64-bit signature of the character pairs (bigrams) of its required
    /// literals, and the path gets one of its own in one pass: a glob whose pairs are not all in the path cannot match
    /// it and is skipped without a search. The signature only rules globs out; every glob it lets through is tested
    /// exactly, so results are those of testing every glob in order.
    /// </remarks>
    internal sealed class PathGlobSet
    {
        /// <summary>Below this many globs the signature costs more than it saves.</summary>
        internal const int SignatureThreshold = 4;

        private readonly PathGlob[] _globs;

        // The bigram signature of each glob (zero when it has no literal pair: always tested).
        private readonly ulong[] _signatures;

        /// <summary>Creates the set; the globs are tested in the order given.</summary>
        /// <param name="globs">Compiled globs.</param>
        public PathGlobSet(IEnumerable<PathGlob> globs)
        {
            _globs = new List<PathGlob>(globs).ToArray();
            _signatures = new ulong[_globs.Length];
            for (int i = 0; i < _globs.Length; i++)
            {
                foreach (string literal in _globs[i].RequiredLiterals)
                {
                    _signatures[i] |= Bigrams(literal);
                }
            }
        }

        /// <summary>Number of globs in the set.</summary>
        public int Count => _globs.Length;

        /// <summary>The glob at <paramref name="index"/>.</summary>
        /// <param name="index">Zero-based position.</param>
        public PathGlob this[int index] => _globs[index];

        /// <summary>True when any glob matches <paramref name="path"/> (already normalized).</summary>
        /// <param name="path">The path to test.</param>
        /// <returns>Whether some glob matched.</returns>
        public bool IsMatch(string path) => FirstMatchIndex(path) >= 0;

        /// <summary>Index of the first glob that matches <paramref name="path"/>, or -1.</summary>
        /// <param name="path">The path to test (already normalized).</param>
        /// <returns>The index, or -1 when none matches.</returns>
        public int FirstMatchIndex(string path)
        {
            PathGlob[] globs = _globs;
            ulong[] signatures = _signatures;

            // A small set tests every glob: no pair counts as missing then.
            ulong missing = globs.Length >= SignatureThreshold ? ~Bigrams(path) : 0;
            for (int i = 0; i < globs.Length && i < signatures.Length; i++)
            {
                if ((signatures[i] & missing) != 0)
                {
                    // Some character pair of a literal the glob needs is not in the path.
                    continue;
                }

                if (globs[i].IsMatch(path))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// The signature of <paramref name="text"/>: one bit (of 64) per pair of adjacent UTF-16 code units. A 25-character
        /// path sets about a third of the bits, so a literal with four pairs passes for a path without it about once in
        /// a hundred; on generated logs the built-in list lets 0.39 globs per path through for 0.26 that match
        /// (bench/README.md, round 6).
        /// </summary>
        internal static ulong Bigrams(string text)
        {
            ulong bits = 0;
            uint previous = text.Length > 0 ? text[0] : 0u;
            for (int i = 1; i < text.Length; i++)
            {
                uint current = text[i];

                // Multiplicative hashing of the pair; the top 6 bits pick the bit.
                bits |= 1UL << (int)(((previous * 0x9E3779B1u) + current) * 0x85EBCA77u >> 26);
                previous = current;
            }

            return bits;
        }
    }
}
