using FsCheck;
using FsCheck.Fluent;
using PolicySim.Evaluation.Matching;

namespace PolicySim.Tests.Matching
{
    /// <summary>
    /// Checks <see cref="PathGlob"/> against a deliberately naive recursive matcher written straight from the
    /// "equivalent reference algorithm" of spec §3.0.2.
    /// </summary>
    public class PathGlobPropertyTests
    {
        private static readonly string[] PatternFragments = { "a", "b", "/", ".", "*", "?", "**/", "/**", "[ab]", "[!a]" };
        private static readonly string[] PathFragments = { "a", "b", "/", ".", "c" };

        [Fact]
        public void PathGlob_agrees_with_the_reference_matcher()
        {
            Gen<string> pattern = Gen.ListOf(Gen.Elements(PatternFragments), 6).Select(string.Concat);
            Gen<string> path = Gen.ListOf(Gen.Elements(PathFragments), 10).Select(string.Concat);
            Gen<(string, string[])> cases =
                from p in pattern
                from paths in Gen.ArrayOf(path, 20)
                select (p, paths);

            Check.One(
                Config.QuickThrowOnFailure.WithMaxTest(1500),
                Prop.ForAll(cases.ToArbitrary(), c =>
                {
                    (string p, string[] paths) = c;
                    List<RefToken>? reference = RefTokenize(p);
                    bool compiled = PathGlob.TryCompile(p, out PathGlob? glob, out _);
                    if (compiled != (reference != null))
                    {
                        return false;
                    }

                    return reference == null || paths.All(s => glob!.IsMatch(s) == RefMatch(reference, 0, s, 0));
                }));
        }

        [Fact]
        public void PathGlobSet_first_index_is_the_first_matching_glob()
        {
            Gen<string> pattern = Gen.ListOf(Gen.Elements(PatternFragments), 4).Select(string.Concat);
            Gen<string> path = Gen.ListOf(Gen.Elements(PathFragments), 8).Select(string.Concat);
            Gen<(string[], string)> cases =
                from ps in Gen.ArrayOf(pattern, 5)
                from s in path
                select (ps, s);

            Check.One(
                Config.QuickThrowOnFailure.WithMaxTest(500),
                Prop.ForAll(cases.ToArbitrary(), c =>
                {
                    var globs = new List<PathGlob>();
                    foreach (string p in c.Item1)
                    {
                        if (PathGlob.TryCompile(p, out PathGlob? g, out _))
                        {
                            globs.Add(g!);
                        }
                    }

                    int expected = globs.FindIndex(g => g.IsMatch(c.Item2));
                    return new PathGlobSet(globs).FirstMatchIndex(c.Item2) == expected;
                }));
        }

        private enum RefKind
        {
            Literal,
            Any,
            Class,
            Star,
            RecStar,
        }

        private sealed record RefToken(RefKind Kind, char Char = '\0', string Members = "", bool Negated = false);

        /// <summary>Tokenizes ASCII patterns; null when the pattern is invalid.</summary>
        private static List<RefToken>? RefTokenize(string p)
        {
            var tokens = new List<RefToken>();
            int i = 0;
            while (i < p.Length)
            {
                char c = p[i];
                if (c == '*')
                {
                    int run = 0;
                    while (i + run < p.Length && p[i + run] == '*')
                    {
                        run++;
                    }

                    if (run > 2)
                    {
                        return null;
                    }

                    if (run == 1)
                    {
                        tokens.Add(new RefToken(RefKind.Star));
                        i++;
                        continue;
                    }

                    bool startsComponent = i == 0 || p[i - 1] == '/';
                    bool endsComponent = i + 2 == p.Length || p[i + 2] == '/';
                    if (!startsComponent || !endsComponent)
                    {
                        return null;
                    }

                    tokens.Add(new RefToken(RefKind.RecStar));
                    i += i + 2 == p.Length ? 2 : 3;
                }
                else if (c == '?')
                {
                    tokens.Add(new RefToken(RefKind.Any));
                    i++;
                }
                else if (c == '[')
                {
                    bool negated = i + 1 < p.Length && p[i + 1] == '!';
                    int first = i + (negated ? 2 : 1);
                    int close = first + 1 < p.Length ? p.IndexOf(']', first + 1) : -1;
                    if (close < 0)
                    {
                        return null;
                    }

                    tokens.Add(new RefToken(RefKind.Class, Members: p.Substring(first, close - first), Negated: negated));
                    i = close + 1;
                }
                else
                {
                    tokens.Add(new RefToken(RefKind.Literal, c));
                    i++;
                }
            }

            return tokens;
        }

        private static bool RefMatch(List<RefToken> t, int ti, string s, int si)
        {
            if (ti == t.Count)
            {
                return si == s.Length;
            }

            RefToken tok = t[ti];
            switch (tok.Kind)
            {
                case RefKind.Star:
                    for (int k = si; k <= s.Length; k++)
                    {
                        if (RefMatch(t, ti + 1, s, k))
                        {
                            return true;
                        }
                    }

                    return false;
                case RefKind.RecStar:
                    if (ti == t.Count - 1)
                    {
                        return true; // a trailing ** consumes the rest
                    }

                    if (RefMatch(t, ti + 1, s, si))
                    {
                        return true;
                    }

                    for (int k = si + 1; k <= s.Length; k++)
                    {
                        if (s[k - 1] == '/' && RefMatch(t, ti + 1, s, k))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    if (si >= s.Length)
                    {
                        return false;
                    }

                    char c = s[si];
                    bool ok = tok.Kind switch
                    {
                        RefKind.Literal => c == tok.Char,
                        RefKind.Any => true,
                        _ => tok.Members.Contains(c) != tok.Negated,
                    };
                    return ok && RefMatch(t, ti + 1, s, si + 1);
            }
        }
    }
}
