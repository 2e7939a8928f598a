using PolicySim.Evaluation.Matching;

namespace PolicySim.Tests.Matching
{
    public class PathGlobTests
    {
        internal static readonly string[] BuiltInForbidden =
        {
            "**/.ssh/**", "**/id_rsa*", "**/id_ed25519*", "**/id_ecdsa*", "**/.aws/**", "**/.env", "**/.env.*",
            "**/.git-credentials", "**/.gitconfig", "**/.gnupg/**", "**/.kube/**", "**/.docker/**", "**/.npmrc",
            "**/.password-store/**", "**/pass/**", "**/.1password/**", "/etc/shadow", "/etc/passwd", "/etc/sudoers",
        };

        internal static PathGlob Compile(string pattern)
        {
            Assert.True(PathGlob.TryCompile(pattern, out PathGlob? glob, out string? error), error);
            Assert.Null(error);
            return glob!;
        }

        [Theory]
        [InlineData("**/.ssh/**", "/home/u/.ssh/id_rsa", true)]
        [InlineData("**/.ssh/**", "/home/u/.ssh", false)]
        [InlineData("**/.ssh/**", "~/.ssh/config", true)]
        [InlineData("**/.ssh/**", "/home/u/.SSH/key", false)]
        [InlineData("**/id_rsa*", "/home/u/.SSH/id_rsa.pub", true)]
        [InlineData("**/.env", ".env", true)]
        [InlineData("**/.env", "app/.env", true)]
        [InlineData("**/.env", "/app/x.env", false)]
        [InlineData("**/pass/**", "/home/u/pass", false)]
        [InlineData("**/pass/**", "/home/u/pass/x", true)]
        [InlineData("*.rs", "src/main.rs", true)]
        [InlineData("/tmp/*", "/tmp/a/b/c", true)]
        [InlineData("/etc/passwd", "etc/passwd", false)]
        [InlineData("/workspace/**", "/workspace", false)]
        [InlineData("/workspace/**", "/workspace/x", true)]
        public void Spec_table_examples(string pattern, string path, bool expected)
            => Assert.Equal(expected, Compile(pattern).IsMatch(path));

        [Theory]
        [InlineData("**/x", "x", true)]
        [InlineData("**/x", "a/x", true)]
        [InlineData("**/x", "/a/b/x", true)]
        [InlineData("**/x", "ax", false)]
        [InlineData("a/**", "a/", true)]
        [InlineData("a/**", "a/b/c", true)]
        [InlineData("a/**", "a", false)]
        [InlineData("**", "", true)]
        [InlineData("**", "anything/at/all", true)]
        [InlineData("a/**/b", "a/b", true)]
        [InlineData("a/**/b", "a/x/y/b", true)]
        [InlineData("a/**/b", "a/xb", false)]
        [InlineData("a/**/", "a/x/y", true)] // "**/" swallows the '/', leaving a trailing "**"
        [InlineData("**/**/a", "a", true)]
        [InlineData("**/*", "", true)]
        [InlineData("?", "/", true)]
        [InlineData("a?c", "a/c", true)]
        [InlineData("[ab]", "a", true)]
        [InlineData("[ab]", "c", false)]
        [InlineData("[!ab]", "c", true)]
        [InlineData("[!ab]", "a", false)]
        [InlineData("[]]", "]", true)]
        [InlineData("[!]]", "]", false)]
        [InlineData("[!]]", "x", true)]
        [InlineData("[a-c]", "b", true)]
        [InlineData("[a-c]", "d", false)]
        [InlineData("[z-a]", "m", false)]
        [InlineData("[-a]", "-", true)]
        [InlineData("[a-]", "-", true)]
        [InlineData("[*]", "*", true)]
        [InlineData("[*]", "x", false)]
        [InlineData("[?]", "?", true)]
        [InlineData("[[]", "[", true)]
        [InlineData("{a,b}", "{a,b}", true)]
        [InlineData("{a,b}", "a", false)]
        [InlineData("a\\*", "a\\bc", true)] // backslash is literal, '*' stays a wildcard
        [InlineData("a\\b", "a/b", false)]
        [InlineData("", "", true)]
        [InlineData("", "a", false)]
        [InlineData("/etc/shadow", "/etc/shadow", true)]
        [InlineData("/etc/*", "/etc", false)]
        [InlineData("src/*.rs", "src/a/b.rs", true)]
        [InlineData("*_test.*", "pkg/a_test.go", true)]
        [InlineData("a*b*c", "abc", true)]
        [InlineData("a*b*c", "acb", false)]
        [InlineData("**/test/**", "/repo/test/x.py", true)]
        [InlineData("**/*_test.*", "/repo/x_test.go", true)]
        [InlineData("**/*.test.*", "/repo/x.test.ts", true)]
        [InlineData("**/a?/**", "/x/ab/c", true)]
        [InlineData("**/a?/**", "/x/ab", false)]
        public void Rust_glob_semantics(string pattern, string path, bool expected)
            => Assert.Equal(expected, Compile(pattern).IsMatch(path));

        [Theory]
        [InlineData("?", "\U0001F600", true)]   // one scalar, two UTF-16 units
        [InlineData("??", "\U0001F600", false)]
        [InlineData("a?b", "a\U0001F600b", true)]
        [InlineData("[\U0001F600]", "\U0001F600", true)]
        [InlineData("[\U0001F600-\U0001F64F]", "\U0001F610", true)]
        [InlineData("[\U0001F600-\U0001F64F]", "\U0001F650", false)]
        [InlineData("[!\U0001F600]", "\U0001F600", false)]
        [InlineData("[a-\uFFFF]", "\U0001F600", false)] // ranges compare code points, not UTF-16 units
        [InlineData("*\U0001F600", "x/\U0001F600", true)]
        [InlineData("é?", "éx", true)]
        [InlineData("**/Ü*", "/a/Über", true)]
        [InlineData("**/ü*", "/a/Über", false)]
        public void Matches_per_unicode_scalar(string pattern, string path, bool expected)
            => Assert.Equal(expected, Compile(pattern).IsMatch(path));

        [Theory]
        [InlineData("a**", "Pattern syntax error near position 0: recursive wildcards must form a single path component")]
        [InlineData("**b", "Pattern syntax error near position 2: recursive wildcards must form a single path component")]
        [InlineData("a/**b", "Pattern syntax error near position 4: recursive wildcards must form a single path component")]
        [InlineData("***", "Pattern syntax error near position 2: wildcards are either regular `*` or recursive `**`")]
        [InlineData("a/****", "Pattern syntax error near position 4: wildcards are either regular `*` or recursive `**`")]
        [InlineData("foo[bar", "Pattern syntax error near position 3: invalid range pattern")]
        [InlineData("[", "Pattern syntax error near position 0: invalid range pattern")]
        [InlineData("[]", "Pattern syntax error near position 0: invalid range pattern")]
        [InlineData("[!]", "Pattern syntax error near position 0: invalid range pattern")]
        [InlineData("[!a", "Pattern syntax error near position 0: invalid range pattern")]
        [InlineData("\U0001F600a**", "Pattern syntax error near position 1: recursive wildcards must form a single path component")]
        public void Invalid_patterns_report_rust_glob_errors(string pattern, string expected)
        {
            Assert.False(PathGlob.TryCompile(pattern, out PathGlob? glob, out string? error));
            Assert.Null(glob);
            Assert.Equal(expected, error);
        }

        [Theory]
        [InlineData("/home/alice/.ssh/id_rsa", 0)]
        [InlineData("/home/alice/.ssh", -1)]
        [InlineData("/home/alice/.SSH/id_rsa", 1)]
        [InlineData("/home/alice/.ssh/../notes.txt", -1)]
        [InlineData("/home/alice/./.aws/credentials", 4)]
        [InlineData("C:\\Users\\bob\\.aws\\config", 4)]
        [InlineData("/app/.env", 5)]
        [InlineData(".env", 5)]
        [InlineData("/app/.env.local", 6)]
        [InlineData("/app/.env.example", 6)]
        [InlineData("/app/x.env", -1)]
        [InlineData("/app/.ENV", -1)]
        [InlineData("~/.git-credentials", 7)]
        [InlineData("/home/u/.gitconfig", 8)]
        [InlineData("/home/u/.gitconfig.bak", -1)]
        [InlineData("/root/.gnupg/pubring.kbx", 9)]
        [InlineData("/home/u/.kube/config", 10)]
        [InlineData("/home/u/.docker/config.json", 11)]
        [InlineData("project/.npmrc", 12)]
        [InlineData("/home/u/.password-store/mail.gpg", 13)]
        [InlineData("/home/u/pass/bank", 14)]
        [InlineData("/home/u/passport/scan.pdf", -1)]
        [InlineData("/home/u/.1password/data", 15)]
        [InlineData("/etc/shadow", 16)]
        [InlineData("/etc/../etc/shadow", 16)]
        [InlineData("/etc/passwd", 17)]
        [InlineData("etc/passwd", -1)]
        [InlineData("/etc/passwd-", -1)]
        [InlineData("/etc/sudoers", 18)]
        [InlineData("/etc/sudoers.d/x", -1)]
        [InlineData("/home/u/.ssh_backup/key", -1)]
        [InlineData("/keys/id_ed25519.pub", 2)]
        [InlineData("id_ecdsa", 3)]
        [InlineData("/home/u/my_id_rsa", -1)]
        [InlineData("/workspace/src/main.rs", -1)]
        [InlineData("/a/b/../../etc/sudoers", 18)]
        [InlineData("../../etc/passwd", -1)]
        public void Built_in_forbidden_patterns_on_normalized_paths(string rawPath, int expectedIndex)
        {
            var set = new PathGlobSet(BuiltInForbidden.Select(Compile));
            string path = PathNormalizer.Normalize(rawPath);
            Assert.Equal(expectedIndex, set.FirstMatchIndex(path));
            Assert.Equal(expectedIndex >= 0, set.IsMatch(path));
        }

        [Fact]
        public void Long_patterns_use_the_wide_matcher_correctly()
        {
            string pattern = string.Concat(Enumerable.Repeat("?", 70)) + "*x[ab]";
            PathGlob glob = Compile(pattern);
            Assert.True(glob.IsMatch(new string('z', 70) + "qqxa"));
            Assert.False(glob.IsMatch(new string('z', 69) + "xa"));
            Assert.False(glob.IsMatch(new string('z', 75) + "xc"));

            PathGlob rec = Compile(string.Concat(Enumerable.Repeat("a?/**/", 30)) + "e");
            Assert.True(rec.IsMatch(string.Concat(Enumerable.Repeat("ab/", 30)) + "e"));
            Assert.True(rec.IsMatch(string.Concat(Enumerable.Repeat("ab/c/d/", 30)) + "e"));
            Assert.False(rec.IsMatch(string.Concat(Enumerable.Repeat("ab/", 29)) + "e"));
        }

        [Fact]
        public void Pathological_patterns_do_not_backtrack_exponentially()
        {
            PathGlob glob = Compile(string.Concat(Enumerable.Repeat("*a", 30)) + "b");
            Assert.False(glob.IsMatch(new string('a', 5000)));
        }

        [Fact]
        public void Pattern_and_ToString_echo_the_source()
        {
            PathGlob glob = Compile("**/.env");
            Assert.Equal("**/.env", glob.Pattern);
            Assert.Equal("**/.env", glob.ToString());
        }
    }
}
