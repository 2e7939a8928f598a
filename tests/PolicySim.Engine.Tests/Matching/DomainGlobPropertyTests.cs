using FsCheck;
using FsCheck.Fluent;
using PolicySim.Evaluation.Matching;

namespace PolicySim.Tests.Matching
{
    /// <summary>
    /// Checks <see cref="DomainGlob"/> against a naive backtracking matcher written from spec §3.0.3 over a
    /// small ASCII alphabet (where globset's byte semantics and character semantics coincide).
    /// </summary>
    public class DomainGlobPropertyTests
    {
        // No fragment contains "**"; recursive forms are added only as a whole prefix, infix or suffix.
        private static readonly string[] BodyFragments = { "a", "B", ".", "-", "/", "*", "?", "[ab]", "[!a]", "{a,b.}", "{x*,B}", "/**/" };
        private static readonly string[] HostFragments = { "a", "A", "b", "B", ".", "-", "/", "x", "X" };

        [Fact]
        public void DomainGlob_agrees_with_the_reference_matcher()
        {
            Gen<string> body = Gen.ListOf(Gen.Elements(BodyFragments), 5)
                .Select(string.Concat)
                .Where(b => !b.Replace("/**/", "/").Contains("**"));
            Gen<string> pattern =
                from prefix in Gen.Elements("", "", "**/")
                from b in body
                from suffix in Gen.Elements("", "", "/**")
                select prefix + b + suffix;
            Gen<string> host = Gen.ListOf(Gen.Elements(HostFragments), 8).Select(string.Concat);
            Gen<(string, string[])> cases =
                from p in pattern
                from hosts in Gen.ArrayOf(host, 20)
                select (p, hosts);

            Check.One(
                Config.QuickThrowOnFailure.WithMaxTest(1500),
                Prop.ForAll(cases.ToArbitrary(), c =>
                {
                    (string p, string[] hosts) = c;
                    Assert.True(DomainGlob.TryCompile(p, out DomainGlob? glob, out string? error), p + ": " + error);
                    foreach (string h in hosts)
                    {
                        if (glob!.IsMatch(h) != RefIsMatch(p, h))
                        {
                            return false;
                        }
                    }

                    return true;
                }));
        }

        /// <summary>Reference: expand alternation groups, then backtrack over the flat pattern.</summary>
        private static bool RefIsMatch(string pattern, string host)
        {
            if (pattern == "**/" || pattern == "**")
            {
                return true; // globset: a glob that is only "**" matches everything
            }

            foreach (string flat in Expand(pattern))
            {
                if (Match(flat, 0, host, 0))
                {
                    return true;
                }
            }

            return false;
        }

        private static IEnumerable<string> Expand(string p)
        {
            int open = p.IndexOf('{');
            if (open < 0)
            {
                yield return p;
                yield break;
            }

            int close = p.IndexOf('}', open);
            foreach (string alt in p.Substring(open + 1, close - open - 1).Split(','))
            {
                foreach (string rest in Expand(p.Substring(close + 1)))
                {
                    yield return string.Concat(p.AsSpan(0, open), alt, rest);
                }
            }
        }

        private static bool Match(string p, int pi, string s, int si)
        {
            if (pi == p.Length)
            {
                return si == s.Length;
            }

            if (pi == 0 && p.StartsWith("**/", StringComparison.Ordinal))
            {
                // (?:/?|.*/): nothing, a single '/', or anything ending with '/'.
                if (Match(p, 3, s, si) || (si < s.Length && s[si] == '/' && Match(p, 3, s, si + 1)))
                {
                    return true;
                }

                for (int k = si + 1; k <= s.Length; k++)
                {
                    if (s[k - 1] == '/' && Match(p, 3, s, k))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (string.CompareOrdinal(p, pi, "/**/", 0, 4) == 0)
            {
                // (?:/|/.*/)
                for (int k = si + 1; k <= s.Length; k++)
                {
                    if (s[si] == '/' && s[k - 1] == '/' && Match(p, pi + 4, s, k))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (pi + 3 == p.Length && p.EndsWith("/**", StringComparison.Ordinal))
            {
                return si < s.Length && s[si] == '/'; // "/.*"
            }

            char c = p[pi];
            if (c == '*')
            {
                for (int k = si; k <= s.Length; k++)
                {
                    if (Match(p, pi + 1, s, k))
                    {
                        return true;
                    }

                    if (k < s.Length && s[k] == '/')
                    {
                        return false;
                    }
                }

                return false;
            }

            if (si >= s.Length)
            {
                return false;
            }

            char h = s[si];
            if (c == '?')
            {
                return h != '/' && Match(p, pi + 1, s, si + 1);
            }

            if (c == '[')
            {
                int close = p.IndexOf(']', pi + 1);
                bool negated = p[pi + 1] == '!';
                string members = p.Substring(pi + (negated ? 2 : 1), close - pi - (negated ? 2 : 1));
                bool inClass = members.Contains(char.ToLowerInvariant(h)) || members.Contains(char.ToUpperInvariant(h));
                return inClass != negated && Match(p, close + 1, s, si + 1);
            }

            return char.ToLowerInvariant(h) == char.ToLowerInvariant(c) && Match(p, pi + 1, s, si + 1);
        }
    }
}
