using System.Collections.Generic;

namespace PolicySim.Evaluation.Matching
{
    /// <summary>
    /// An ordered list of <see cref="DomainGlob"/>s (an egress allow or block list). Order is kept because
    /// the first matching pattern is what a decision reports.
    /// </summary>
    internal sealed class DomainGlobSet
    {
        private readonly DomainGlob[] _globs;

        /// <summary>Creates the set; the globs are tested in the order given.</summary>
        /// <param name="globs">Compiled globs.</param>
        public DomainGlobSet(IEnumerable<DomainGlob> globs)
        {
            _globs = new List<DomainGlob>(globs).ToArray();
        }

        /// <summary>Number of globs in the set.</summary>
        public int Count => _globs.Length;

        /// <summary>The glob at <paramref name="index"/>.</summary>
        /// <param name="index">Zero-based position.</param>
        public DomainGlob this[int index] => _globs[index];

        /// <summary>True when any glob matches <paramref name="host"/>.</summary>
        /// <param name="host">The host to test, as given.</param>
        /// <returns>Whether some glob matched.</returns>
        public bool IsMatch(string host) => FirstMatchIndex(host) >= 0;

        /// <summary>Index of the first glob that matches <paramref name="host"/>, or -1.</summary>
        /// <param name="host">The host to test, as given.</param>
        /// <returns>The index, or -1 when none matches.</returns>
        public int FirstMatchIndex(string host)
        {
            DomainGlob[] globs = _globs;
            for (int i = 0; i < globs.Length; i++)
            {
                if (globs[i].IsMatch(host))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
