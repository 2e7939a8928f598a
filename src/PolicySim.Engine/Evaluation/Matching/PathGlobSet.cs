using System;
using System.Collections.Generic;

namespace PolicySim.Evaluation.Matching
{
    /// <summary>
    /// An ordered list of <see cref="PathGlob"/>s (a guard's patterns or exceptions). Order is kept because
    /// the first matching pattern is what a decision reports.
    /// </summary>
    internal sealed class PathGlobSet
    {
        private readonly PathGlob[] _globs;

        /// <summary>Creates the set; the globs are tested in the order given.</summary>
        /// <param name="globs">Compiled globs.</param>
        public PathGlobSet(IEnumerable<PathGlob> globs)
        {
            _globs = new List<PathGlob>(globs).ToArray();
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
            for (int i = 0; i < globs.Length; i++)
            {
                if (globs[i].IsMatch(path))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
