// TEMPORARY stand-in until the helper-globs branch lands; replaced by the real compiled matcher.
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace PolicySim.Evaluation.Matching
{
    internal sealed class DomainGlob
    {
        private readonly Regex _regex;

        private DomainGlob(string pattern, Regex regex)
        {
            Pattern = pattern;
            _regex = regex;
        }

        public string Pattern { get; }

        public static bool TryCompile(string pattern, out DomainGlob? glob, out string? error)
        {
            error = null;
            string rx = "^" + Regex.Escape(pattern).Replace("\\*", "[^/]*").Replace("\\?", "[^/]") + "$";
            glob = new DomainGlob(pattern, new Regex(rx, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
            return true;
        }

        public bool IsMatch(string host) => _regex.IsMatch(host);
    }

    internal sealed class DomainGlobSet
    {
        private readonly DomainGlob[] _globs;

        public DomainGlobSet(IEnumerable<DomainGlob> globs) => _globs = new List<DomainGlob>(globs).ToArray();

        public int FirstMatchIndex(string host)
        {
            for (int i = 0; i < _globs.Length; i++)
            {
                if (_globs[i].IsMatch(host))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
