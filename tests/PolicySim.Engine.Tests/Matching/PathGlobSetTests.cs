using FsCheck;
using FsCheck.Fluent;
using PolicySim.Evaluation.Matching;

namespace PolicySim.Tests.Matching
{
    /// <summary>
    /// The bigram signatures of <see cref="PathGlobSet"/> only skip globs that cannot match: the first index is the
    /// one testing every glob in order gives.
    /// </summary>
    public class PathGlobSetTests
    {
        // Multi-character literals, so that globs get signatures and paths contain some of their pairs but not all.
        private static readonly string[] PatternFragments = { "ssh", ".env", "id_", "rsa", "/", "*", "**/", "/**", "?", "[es]", "x", "é", "\U0001F600" };
        private static readonly string[] PathFragments = { "ssh", ".env", "id_", "rsa", "/", "s", "h", "e", "n", "v", ".", "x", "é", "\U0001F600", "d_r" };

        private static Gen<string> Concat(string[] fragments, int count) => Gen.ListOf(Gen.Elements(fragments), count).Select(string.Concat);

        private static List<PathGlob> Compile(IEnumerable<string> patterns)
        {
            var globs = new List<PathGlob>();
            foreach (string p in patterns)
            {
                if (PathGlob.TryCompile(p, out PathGlob? g, out _))
                {
                    globs.Add(g!);
                }
            }

            return globs;
        }

        [Fact]
        public void Every_path_a_glob_matches_contains_its_required_literals()
        {
            Gen<(string, string[])> cases =
                from p in Concat(PatternFragments, 5)
                from paths in Gen.ArrayOf(Concat(PathFragments, 9), 30)
                select (p, paths);

            Check.One(
                Config.QuickThrowOnFailure.WithMaxTest(1500),
                Prop.ForAll(cases.ToArbitrary(), c =>
                {
                    if (!PathGlob.TryCompile(c.Item1, out PathGlob? glob, out _))
                    {
                        return true;
                    }

                    return c.Item2.Where(glob!.IsMatch).All(path => glob.RequiredLiterals.All(lit => path.Contains(lit, StringComparison.Ordinal)));
                }));
        }

        [Fact]
        public void First_index_with_signatures_is_the_first_glob_that_matches()
        {
            Gen<(string[], string[])> cases =
                from ps in Gen.ArrayOf(Concat(PatternFragments, 4), 8)
                from paths in Gen.ArrayOf(Concat(PathFragments, 8), 20)
                select (ps, paths);

            Check.One(
                Config.QuickThrowOnFailure.WithMaxTest(1000),
                Prop.ForAll(cases.ToArbitrary(), c =>
                {
                    List<PathGlob> globs = Compile(c.Item1);
                    var set = new PathGlobSet(globs);
                    return c.Item2.All(path => set.FirstMatchIndex(path) == globs.FindIndex(g => g.IsMatch(path)));
                }));
        }

        public static TheoryData<string> BuiltInRulesets => new TheoryData<string>(PolicySim.Policies.PolicyLoader.BuiltInRulesetNames);

        [Theory]
        [MemberData(nameof(BuiltInRulesets))]
        public void The_built_in_forbidden_lists_give_the_same_first_index_as_testing_every_glob(string ruleset)
        {
            string[] patterns = PatternsOf(ruleset);
            List<PathGlob> globs = Compile(patterns);
            Assert.True(globs.Count >= PathGlobSet.SignatureThreshold, ruleset + " has " + globs.Count + " forbidden patterns");
            var set = new PathGlobSet(globs);

            // Paths made from the patterns' own pieces, so that most of them match one glob or nearly do.
            var pieces = patterns.SelectMany(p => p.Split('*', '?', '[', ']')).Where(s => s.Length > 0).Distinct().Concat(new[] { "/home/u/", "/", "x", ".", "/etc/", "C:/" }).ToArray();
            var random = new Random(7);
            int matched = 0;
            for (int n = 0; n < 20_000; n++)
            {
                string path = string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => pieces[random.Next(pieces.Length)]));
                int expected = globs.FindIndex(g => g.IsMatch(path));
                Assert.Equal(expected, set.FirstMatchIndex(path));
                matched += expected >= 0 ? 1 : 0;
            }

            // The corpus exercised both outcomes.
            Assert.InRange(matched, 1000, 19_000);
        }

        [Fact]
        public void Required_literals_follow_the_shape_of_the_glob()
        {
            Assert.Equal(new[] { ".ssh/" }, PathGlobTests.Compile("**/.ssh/**").RequiredLiterals);
            Assert.Equal(new[] { ".env" }, PathGlobTests.Compile("**/.env").RequiredLiterals);
            Assert.Equal(new[] { "/etc/shadow" }, PathGlobTests.Compile("/etc/shadow").RequiredLiterals);
            Assert.Equal(new[] { "/home/", "/id_" }, PathGlobTests.Compile("/home/*/id_?").RequiredLiterals);
            Assert.Empty(PathGlobTests.Compile("**").RequiredLiterals);
        }

        private static string[] PatternsOf(string ruleset)
        {
            // The patterns the ruleset's forbidden_path guard is compiled from (its own list, or the built-in one).
            var config = PolicySim.Policies.PolicyLoader.Load(ruleset).Document!.Guards.ForbiddenPath ?? new PolicySim.Policies.Clawdstrike.ForbiddenPathConfig();
            return config.EffectivePatterns().Select(p => p.Value).ToArray();
        }
    }
}
