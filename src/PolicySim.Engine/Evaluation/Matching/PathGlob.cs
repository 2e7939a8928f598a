// TEMPORARY stand-in until the helper-globs branch lands; replaced by the real compiled matcher.
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace PolicySim.Evaluation.Matching
{
    internal sealed class PathGlob
    {
        private readonly Regex _regex;

        private PathGlob(string pattern, Regex regex)
        {
            Pattern = pattern;
            _regex = regex;
        }

        public string Pattern { get; }

        public static bool TryCompile(string pattern, out PathGlob? glob, out string? error)
        {
            glob = null;
            error = null;
            var sb = new System.Text.StringBuilder("^");
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
                {
                    bool startOk = i == 0 || pattern[i - 1] == '/';
                    bool endSlash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                    bool endEnd = i + 2 == pattern.Length;
                    if (!startOk || !(endSlash || endEnd))
                    {
                        error = "Pattern syntax error near position " + i + ": recursive wildcards must form a single path component";
                        return false;
                    }

                    if (endSlash)
                    {
                        sb.Append("(?:.*/)?");
                        i += 2;
                    }
                    else
                    {
                        sb.Append(".*");
                        i += 1;
                    }
                }
                else if (c == '*')
                {
                    sb.Append(".*");
                }
                else if (c == '?')
                {
                    sb.Append('.');
                }
                else if (c == '[')
                {
                    int end = pattern.IndexOf(']', i + 2);
                    if (end < 0)
                    {
                        error = "Pattern syntax error near position " + i + ": invalid range pattern";
                        return false;
                    }

                    string body = pattern.Substring(i + 1, end - i - 1);
                    bool neg = body.StartsWith("!", System.StringComparison.Ordinal);
                    if (neg)
                    {
                        body = body.Substring(1);
                    }

                    sb.Append(neg ? "[^" : "[").Append(body.Replace("\\", "\\\\").Replace("[", "\\[")).Append(']');
                    i = end;
                }
                else
                {
                    sb.Append(Regex.Escape(c.ToString()));
                }
            }

            sb.Append('$');
            glob = new PathGlob(pattern, new Regex(sb.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant));
            return true;
        }

        public bool IsMatch(string path) => _regex.IsMatch(path);
    }

    internal sealed class PathGlobSet
    {
        private readonly PathGlob[] _globs;

        public PathGlobSet(IEnumerable<PathGlob> globs) => _globs = new List<PathGlob>(globs).ToArray();

        public bool IsMatch(string path) => FirstMatchIndex(path) >= 0;

        public int FirstMatchIndex(string path)
        {
            for (int i = 0; i < _globs.Length; i++)
            {
                if (_globs[i].IsMatch(path))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
