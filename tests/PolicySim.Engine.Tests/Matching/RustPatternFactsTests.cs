using PolicySim.Evaluation;
using PolicySim.Evaluation.Matching;
using static PolicySim.Tests.TestPolicies;

namespace PolicySim.Tests.Matching
{
    /// <summary>The facts that let secret_leak and patch_integrity skip regexes, and the decisions that rely on them.</summary>
    public class RustPatternFactsTests
    {
        [Theory]
        [InlineData("AKIA[0-9A-Z]{16}", "AKIA")]
        [InlineData("gh[ps]_[A-Za-z0-9]{36}", "gh")]
        [InlineData("sk-[A-Za-z0-9]{48}", "sk-")]
        [InlineData(@"-----BEGIN\s+(RSA\s+)?PRIVATE\s+KEY-----", "-----BEGIN")]
        [InlineData("xoxb-[0-9]+", "xoxb-")]
        [InlineData("abc?d", "ab")]
        [InlineData("abc*", "ab")]
        [InlineData("abc+", "ab")]
        [InlineData("ab{2}", "a")]
        [InlineData("(?i)password", null)]
        [InlineData("key|token", null)]
        [InlineData("ab(c|d)", "ab")]
        [InlineData("ab[|]c", "ab")]
        [InlineData(@"\d+abc", null)]
        [InlineData("[a-z]+", null)]
        [InlineData(".abc", null)]
        public void Required_prefix(string pattern, string? expected)
        {
            Assert.Equal(expected, RustPatternFacts.RequiredPrefix(pattern));
        }

        [Theory]
        [InlineData(@"(?i)chmod\s+777", true)]
        [InlineData(@"(?i)disable[\s_\-]?(security|auth|ssl|tls)", true)]
        [InlineData(@"\bfoo\b", true)]
        [InlineData(@"^\+rm", false)]
        [InlineData(@"rm$", false)]
        [InlineData(@"\Arm", false)]
        [InlineData(@"rm\z", false)]
        [InlineData(@"(?m)^rm", false)]
        [InlineData(@"a(?i)b", false)]
        [InlineData(@"[^a]b", false)]
        public void Unanchored(string pattern, bool expected)
        {
            Assert.Equal(expected, RustPatternFacts.IsUnanchored(pattern));
        }

        [Fact]
        public void Secret_patterns_still_fire_when_their_prefix_is_present_and_not_otherwise()
        {
            var p = BuiltIn("default");
            Assert.False(p.Eval(Write("/app/a.txt", "key = AKIA" + new string('Q', 16))).Overall.Allowed);
            Assert.False(p.Eval(Write("/app/a.txt", "-----BEGIN   RSA PRIVATE KEY-----")).Overall.Allowed);
            Assert.True(p.Eval(Write("/app/a.txt", "akia" + new string('Q', 16))).Overall.Allowed);
        }

        [Fact]
        public void Patch_lines_are_judged_alone_whatever_the_whole_diff_contains()
        {
            // The whole diff matches (on a removed line and across a line break), but no added line does.
            var p = Yaml("guards: {patch_integrity: {forbidden_patterns: ['(?i)chmod\\s+777', '^\\+rm', 'x$']}}");
            GuardResult allowed = p.Eval(Patch("/app/run.sh", "-chmod 777 a\n+chmod\n+777 b\n")).Overall;
            Assert.True(allowed.Allowed, allowed.Message);

            // Anchored patterns are still tried on each added line.
            GuardResult r = p.Eval(Patch("/app/run.sh", "+a\n+rm -rf b\n+chmod 777 c\n+box\n")).Overall;
            Assert.Equal(@"Contains forbidden patterns: ^\+rm, (?i)chmod\s+777, x$", r.Message);
        }
    
        [Theory]
        [InlineData(@"(?i)chmod\s+777", "chmod")]
        [InlineData(@"(?i)disable[\s_\-]?(security|auth)", "disable")]
        [InlineData(@"(?i)rm\s+-rf\s+/", "rm")]
        [InlineData(@"(?i)key|token", null)]
        public void Case_insensitive_prefix(string pattern, string? expected)
        {
            Assert.Equal(expected, RustPatternFacts.RequiredPrefix(pattern, out bool ignoreCase));
            Assert.True(ignoreCase);
        }

        [Fact]
        public void Ignoring_case_is_only_decided_for_ascii_text()
        {
            var scan = new LiteralScan("run CHMOD 777");
            Assert.True(RustPatternFacts.MayContain(ref scan, "chmod", true));
            scan = new LiteralScan("run chown 777");
            Assert.False(RustPatternFacts.MayContain(ref scan, "chmod", true));
            Assert.True(scan.IsAscii);

            // U+017F (long s) folds to 's' and U+212A (Kelvin) to 'k': non-ASCII text is always "maybe".
            scan = new LiteralScan("di\u017Fable ssl");
            Assert.True(RustPatternFacts.MayContain(ref scan, "disable", true));
            scan = new LiteralScan("di\u017Fable ssl");
            Assert.False(RustPatternFacts.MayContain(ref scan, "disable", false));
        }

        [Theory]
        [InlineData("(?i)CHMOD\\s+777", "please Chmod 777 it", true)]
        [InlineData("(?i)CHMOD\\s+777", "please chown 777 it", false)]
        [InlineData("(?i)disable[_-]?ssl", "DISABLE_SSL=1", true)]
        [InlineData("AKIA[0-9A-Z]{16}", "akiaABCDEFGHIJKLMNOP", false)]
        [InlineData("AKIA[0-9A-Z]{16}", "x AKIAABCDEFGHIJKLMNOP", true)]
        public void Leading_literals_prefilter_in_either_case_as_the_pattern_says(string pattern, string text, bool expected)
        {
            var scan = new LiteralScan(text);
            Assert.Equal(expected, LeadingLiteral.Of(pattern).MayMatch(ref scan));
        }

        [Theory]
        [InlineData(10)]
        [InlineData(70_000)]
        public void One_scan_serves_several_literals_and_texts_of_any_size(int filler)
        {
            // The lower-case form is made once per text (a per-thread buffer up to 64 Ki characters, its own beyond).
            string text = new string('x', filler) + " Eval( rm -RF / " + new string('Y', filler);
            var scan = new LiteralScan(text);
            Assert.True(LeadingLiteral.Of("(?i)eval\\s*\\(").MayMatch(ref scan));
            Assert.True(LeadingLiteral.Of("(?i)rm\\s+-rf").MayMatch(ref scan));
            Assert.False(LeadingLiteral.Of("(?i)chmod\\s+777").MayMatch(ref scan));
            Assert.True(LeadingLiteral.Of("(?i)yyy").MayMatch(ref scan));
            var small = new LiteralScan("short CHMOD text");
            Assert.True(LeadingLiteral.Of("(?i)chmod").MayMatch(ref small));
            Assert.False(LeadingLiteral.Of("(?i)eval").MayMatch(ref small));
        }

        [Fact]
        public void Case_insensitive_forbidden_patterns_still_fire()
        {
            var p = Yaml("guards: {patch_integrity: {forbidden_patterns: ['(?i)chmod\\s+777']}}");
            Assert.False(p.Eval(Patch("/app/run.sh", "+CHMOD   777 /srv\n")).Overall.Allowed);
            Assert.True(p.Eval(Patch("/app/run.sh", "+chown 777 /srv\n")).Overall.Allowed);
        }
    }
}
