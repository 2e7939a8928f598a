using System.Text.RegularExpressions;
using PolicySim.Evaluation.Matching;

namespace PolicySim.Tests.Matching
{
    public class RustRegexTests
    {
        private static Regex Compile(string pattern)
        {
            Assert.True(RustRegex.TryCompile(pattern, out Regex? regex, out string? error), $"{pattern}: {error}");
            return regex!;
        }

        private static string Reject(string pattern)
        {
            Assert.False(RustRegex.TryCompile(pattern, out Regex? regex, out string? error), $"{pattern} should be rejected");
            Assert.Null(regex);
            return error!;
        }

        private static readonly string Alnum36 = "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5";

        public static IEnumerable<object[]> BuiltInSecretPatterns() => new[]
        {
            new object[] { "AKIA[0-9A-Z]{16}", "key=AKIAABCDEFGHIJKLMNOP", "AKIAabcdefghijklmnop" },
            new object[] { "(?i)aws[_\\-]?secret[_\\-]?access[_\\-]?key['\"]?\\s*[:=]\\s*['\"]?[A-Za-z0-9/+=]{40}", "AWS_SECRET_ACCESS_KEY=\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"", "aws secret = short" },
            new object[] { "gh[ps]_[A-Za-z0-9]{36}", "ghp_" + Alnum36, "ghx_" + Alnum36 },
            new object[] { "github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}", "github_pat_" + new string('a', 22) + "_" + new string('B', 59), "github_pat_" + new string('a', 21) + "_" + new string('B', 59) },
            new object[] { "sk-[A-Za-z0-9]{48}", "sk-" + new string('x', 48), "sk-" + new string('x', 47) },
            new object[] { "sk-ant-[A-Za-z0-9\\-]{95}", "sk-ant-" + new string('-', 95), "sk-ant-" + new string('_', 95) },
            new object[] { "-----BEGIN\\s+(RSA\\s+)?PRIVATE\\s+KEY-----", "-----BEGIN RSA PRIVATE KEY-----", "-----BEGIN PUBLIC KEY-----" },
            new object[] { "npm_[A-Za-z0-9]{36}", "npm_" + Alnum36, "npm_short" },
            new object[] { "xox[baprs]-[0-9]{10,13}-[0-9]{10,13}[a-zA-Z0-9-]*", "xoxb-1234567890-1234567890123-abc", "xoxc-1234567890-1234567890" },
            new object[] { "(?i)(api[_\\-]?key|apikey)['\"]?\\s*[:=]\\s*['\"]?[A-Za-z0-9]{32,}", "API_KEY: '" + new string('Z', 32) + "'", "api_key = " + new string('Z', 31) },
            new object[] { "(?i)(secret|password|passwd|pwd)['\"]?\\s*[:=]\\s*['\"]?[A-Za-z0-9!@#$%^&*]{8,}", "password = hunter22abc", "password = hunter" },
        };

        public static IEnumerable<object[]> BuiltInPatchPatterns() => new[]
        {
            new object[] { "(?i)disable[ _\\-]?(security|auth|ssl|tls)", "+DISABLE_SSL=1", "+disable\tssl" },
            new object[] { "(?i)skip[ _\\-]?(verify|validation|check)", "+skip-verify", "+skipped" },
            new object[] { "(?i)rm\\s+-rf\\s+/", "+RM -rf /tmp", "+rm -r /" },
            new object[] { "(?i)chmod\\s+777", "+chmod  777 x", "+chmod 755" },
            new object[] { "(?i)eval\\s*\\(", "+Eval (x)", "+evaluate(x)" },
            new object[] { "(?i)exec\\s*\\(", "+exec(x)", "+execute(x)" },
            new object[] { "(?i)reverse[_\\-]?shell", "+Reverse-Shell", "+reverse shell" },
            new object[] { "(?i)bind[_\\-]?shell", "+bindshell", "+bind shell" },
            new object[] { "base64[_\\-]?decode.*exec", "+base64_decode(x); exec(y)", "+BASE64_DECODE(x); exec(y)" },
        };

        // Every regex of the shipped rulesets (secret_leak patterns and patch_integrity forbidden patterns)
        // that is not already a built-in.
        public static IEnumerable<object[]> RulesetOnlyPatterns() => new[]
        {
            new object[] { "(?i)disable[\\s_\\-]?(security|auth|ssl|tls)", "+disable\tssl", "+disable\n" },
            new object[] { "(?i)skip[\\s_\\-]?(verify|validation|check)", "+SKIP CHECK", "+skipcheckk".Replace("check", "chek") },
            new object[] { "(?i)docker[_\\-]?(password|token)\\s*[:=]", "DOCKER_PASSWORD: x", "docker password: x" },
            new object[] { "(?i)(api[_\\-]?key|apikey)\\s*[:=]\\s*[A-Za-z0-9]{32,}", "apikey=" + new string('q', 40), "apikey='" + new string('q', 40) },
        };

        [Theory]
        [MemberData(nameof(BuiltInSecretPatterns))]
        [MemberData(nameof(BuiltInPatchPatterns))]
        [MemberData(nameof(RulesetOnlyPatterns))]
        public void Shipped_patterns_compile_and_match_like_rust(string pattern, string positive, string negative)
        {
            Regex regex = Compile(pattern);
            Assert.True(regex.IsMatch(positive), positive);
            Assert.False(regex.IsMatch(negative), negative);
        }

        [Theory]
        [InlineData("abc$", "abc\n", false)]
        [InlineData("abc$", "abc", true)]
        [InlineData("(?m)abc$", "abc\n", true)]
        [InlineData("(?m:abc$)", "abc\nx", true)]
        [InlineData("(?m:x)abc$", "abc\n", false)]
        [InlineData("^abc", "x\nabc", false)]
        [InlineData("(?m)^abc", "x\nabc", true)]
        [InlineData("a(?m)$|(?-m)b$", "b\n", false)]
        [InlineData("(?mR)^b$", "a\r\nb\r\n", true)]
        [InlineData("(?m)^b$", "a\r\nb\r\n", false)]
        [InlineData("\\Aab\\z", "ab", true)]
        public void Anchors_follow_rust(string pattern, string input, bool expected)
        {
            Assert.Equal(expected, Compile(pattern).IsMatch(input));
        }

        [Theory]
        [InlineData("(?i)abc", "ABC", true)]
        [InlineData("(?i:a)b", "AB", false)]
        [InlineData("(?i:a)b", "Ab", true)]
        [InlineData("(?i)a(?-i)b", "AB", false)]
        [InlineData("(?i)a(?-i:b)c", "AbC", true)]
        [InlineData("a(?i)b|c", "C", true)]
        [InlineData("(?i)k", "\u212A", true)]
        [InlineData("(?i)s", "\u017F", true)]
        [InlineData("(?i)i", "\u0130", false)]
        [InlineData("(?i)[^k]", "K", false)]
        [InlineData("(?i)\\x{10400}", "\U00010428", true)]
        [InlineData("(?s)a.b", "a\nb", true)]
        [InlineData("a.b", "a\nb", false)]
        [InlineData("(?s:.)", "\n", true)]
        [InlineData("(?x) a b # comment\n c", "abc", true)]
        [InlineData("(?x)a\\ b", "a b", true)]
        [InlineData("(?x)[a b]", " ", false)]
        [InlineData("(?U)a+", "aaa", true)]
        [InlineData("(?-u:\\w)", "a", true)]
        [InlineData("(?-u:\\w)", "é", false)]
        [InlineData("(?-u)é", "é", true)]
        public void Flags_are_scoped_like_rust(string pattern, string input, bool expected)
        {
            Assert.Equal(expected, Compile(pattern).IsMatch(input));
        }

        [Fact]
        public void Swap_greed_makes_plus_lazy()
        {
            Assert.Equal("a", Compile("(?U)a+").Match("aaa").Value);
            Assert.Equal("aaa", Compile("(?U)a+?").Match("aaa").Value);
            Assert.Equal("aaa", Compile("a+").Match("aaa").Value);
            Assert.Equal("aa", Compile("a{2,3}?").Match("aaa").Value);
        }

        [Theory]
        [InlineData("^.$", "\U0001F600", true)]
        [InlineData("^..$", "\U0001F600", false)]
        [InlineData("^[^a]$", "\U0001F600", true)]
        [InlineData("^\\x{1F600}$", "\U0001F600", true)]
        [InlineData("^[\\x{1F600}-\\x{1F64F}]+$", "\U0001F600\U0001F64F", true)]
        [InlineData("^[\\x{1F600}-\\x{1F64F}]$", "\U0001F650", false)]
        [InlineData("^\\W$", "\U0001F600", true)]
        [InlineData("^\\w$", "\U0001D400", true)]
        [InlineData("^\\pL$", "\U0001D400", true)]
        [InlineData("^\\d$", "\U0001D7CE", true)]
        [InlineData("^\\d$", "\u0663", true)]
        [InlineData("^.{0,3}x", "\U0001F600\U0001F600\U0001F600x", true)]
        [InlineData("\\xe9", "\u00E9", true)]
        [InlineData("\\u{e9}\\U0001F600", "\u00E9\U0001F600", true)]
        public void Classes_match_code_points_not_utf16_units(string pattern, string input, bool expected)
        {
            Assert.Equal(expected, Compile(pattern).IsMatch(input));
        }

        [Theory]
        [InlineData("^\\s$", "\u00A0", true)]
        [InlineData("^\\s$", "\u3000", true)]
        [InlineData("^\\s$", "\u0085", true)]
        [InlineData("^\\s$", "\u180E", false)]
        [InlineData("^\\s$", "\u200B", false)]
        [InlineData("^\\w$", "\u0903", true)] // Mc: word in Rust, not in .NET's \w
        [InlineData("^\\w$", "\u2160", true)] // Nl
        [InlineData("^\\w$", "\u24B6", true)] // So with Other_Alphabetic
        [InlineData("^\\w$", "\u200D", true)]
        [InlineData("^\\w$", "-", false)]
        [InlineData("\\bfoo\\b", "a foo.", true)]
        [InlineData("\\bfoo\\b", "afoo", false)]
        [InlineData("\\bfoo\\b", "foo\u0903", false)]
        [InlineData("\\Bfoo", "afoo", true)]
        [InlineData("\\<foo\\>", "(foo)", true)]
        [InlineData("\\b{start}foo\\b{end}", "xfoo", false)]
        [InlineData("foo\\b{end-half}", "foo", true)]
        [InlineData("[[:alpha:]]+[[:digit:]]", "abc1", true)]
        [InlineData("^[[:^alpha:]]$", "1", true)]
        [InlineData("^[[:alpha:]]$", "é", false)]
        [InlineData("^[a[bc]]+$", "abca", true)]
        [InlineData("^[a-z&&[^aeiou]]+$", "bcd", true)]
        [InlineData("^[a-z&&[^aeiou]]+$", "bad", false)]
        [InlineData("^[a-z--[aeiou]]+$", "bad", false)]
        [InlineData("^[a-c~~b-d]+$", "ad", true)]
        [InlineData("^[a-c~~b-d]+$", "b", false)]
        [InlineData("^[]a]+$", "]a", true)]
        [InlineData("^[^]a]$", "b", true)]
        [InlineData("^[-a]+$", "-a", true)]
        [InlineData("^[a-]+$", "-a", true)]
        [InlineData("^[\\-\\.]+$", "-.", true)]
        [InlineData("^\\-\\.\\~\\#\\&$", "-.~#&", true)]
        [InlineData("^\\p{Lu}\\p{Ll}$", "Ab", true)]
        [InlineData("^\\p{Greek_Letter}$", "A", false)]
        [InlineData("^\\P{L}$", "1", true)]
        [InlineData("^\\p{gc=Nd}$", "1", true)]
        [InlineData("^\\p{Nd}$", "1", true)]
        [InlineData("^\\p{ any }$", "x", true)]
        [InlineData("(?P<year>\\d{4})-(?<m>\\d{2})", "2024-01", true)]
        [InlineData("a{ 2 , 3 }", "aa", true)]
        [InlineData("a**", "", true)]
        [InlineData("a*+b", "ab", true)]
        [InlineData("^*a", "a", true)]
        [InlineData("x{2}{2}", "xxxx", true)]
        [InlineData("\\b{2}x", "x", true)]
        [InlineData("()|a", "", true)]
        public void Class_syntax_follows_rust(string pattern, string input, bool expected)
        {
            if (pattern.Contains("Greek_Letter"))
            {
                Reject(pattern);
                return;
            }

            Assert.Equal(expected, Compile(pattern).IsMatch(input));
        }

        [Theory]
        [InlineData("(?=a)", "look-around, including look-ahead and look-behind, is not supported")]
        [InlineData("(?!a)", "look-around, including look-ahead and look-behind, is not supported")]
        [InlineData("(?<=a)b", "look-around, including look-ahead and look-behind, is not supported")]
        [InlineData("(?<!a)b", "look-around, including look-ahead and look-behind, is not supported")]
        [InlineData("(a)\\1", "backreferences are not supported")]
        [InlineData("\\9", "backreferences are not supported")]
        [InlineData("\\0", "backreferences are not supported")]
        [InlineData("(?<n>a)\\k<n>", "unrecognized escape sequence")]
        [InlineData("(?>a)", "unrecognized flag")]
        [InlineData("(?#comment)", "unrecognized flag")]
        [InlineData("(?(1)a|b)", "unrecognized flag")]
        [InlineData("(?<a-b>x)", "invalid capture group character")]
        [InlineData("a{,3}", "repetition quantifier expects a valid decimal")]
        [InlineData("a{}", "repetition quantifier expects a valid decimal")]
        [InlineData("a{x}", "repetition quantifier expects a valid decimal")]
        [InlineData("a{2", "unclosed counted repetition")]
        [InlineData("a{3,2}", "invalid repetition count range, the start must be <= the end")]
        [InlineData("*a", "repetition operator missing expression")]
        [InlineData("(?i)*", "repetition operator missing expression")]
        [InlineData("a|*", "repetition operator missing expression")]
        [InlineData("(?)", "repetition operator missing expression")]
        [InlineData("{2}", "repetition operator missing expression")]
        [InlineData("(a", "unclosed group")]
        [InlineData("a)", "unopened group")]
        [InlineData("[a", "unclosed character class")]
        [InlineData("[z-a]", "invalid character class range, the start must be <= the end")]
        [InlineData("[\\d-z]", "invalid range boundary, must be a literal")]
        [InlineData("[\\b]", "invalid escape sequence found in character class")]
        [InlineData("\\Z", "unrecognized escape sequence")]
        [InlineData("\\G", "unrecognized escape sequence")]
        [InlineData("\\e", "unrecognized escape sequence")]
        [InlineData("\\", "incomplete escape sequence, reached end of pattern prematurely")]
        [InlineData("\\xZZ", "invalid hexadecimal digit")]
        [InlineData("\\x{}", "hexadecimal literal empty")]
        [InlineData("\\x{D800}", "hexadecimal literal is not a Unicode scalar value")]
        [InlineData("\\x{110000}", "hexadecimal literal is not a Unicode scalar value")]
        [InlineData("(?z)", "unrecognized flag")]
        [InlineData("(?ii)", "duplicate flag")]
        [InlineData("(?i-)", "dangling flag negation operator")]
        [InlineData("(?-i-s)", "flag negation operator repeated")]
        [InlineData("(?<n>a)(?P<n>b)", "duplicate capture group name")]
        [InlineData("(?P<>a)", "empty capture group name")]
        [InlineData("(?-u:.)", "pattern can match invalid UTF-8")]
        [InlineData("(?-u)\\xFF", "pattern can match invalid UTF-8")]
        [InlineData("(?-u)\\pL", "Unicode not allowed here")]
        [InlineData("\\p{Klingon}", "Unicode property not supported by PolicySim (only general categories, Alphabetic, White_Space, Any, ASCII and Assigned are)")]
        public void Unsupported_constructs_are_rejected_with_rust_messages(string pattern, string kind)
        {
            Assert.Equal("regex parse error: " + kind, Reject(pattern));
        }

        [Fact]
        public void Rust_display_points_carets_at_the_span()
        {
            Assert.False(RustRegex.TryCompile("ab(?=c)", RustRegex.DefaultMatchTimeout, out Regex? _, out RustRegexError? error));
            Assert.Equal(
                "regex parse error:\n    ab(?=c)\n      ^^^\nerror: look-around, including look-ahead and look-behind, is not supported",
                error!.ToRustDisplay());

            Assert.False(RustRegex.TryCompile("x\\1", RustRegex.DefaultMatchTimeout, out Regex? _, out error));
            Assert.Equal("regex parse error:\n    x\\1\n     ^^\nerror: backreferences are not supported", error!.ToRustDisplay());

            Assert.False(RustRegex.TryCompile("(?ii)", RustRegex.DefaultMatchTimeout, out Regex? _, out error));
            Assert.Equal("regex parse error:\n    (?ii)\n      ^^\nerror: duplicate flag", error!.ToRustDisplay());
        }

        [Fact]
        public void Match_timeout_defaults_to_one_second_and_is_overridable()
        {
            Assert.Equal(TimeSpan.FromSeconds(1), Compile("a").MatchTimeout);
            Assert.True(RustRegex.TryCompile("a", TimeSpan.FromMilliseconds(50), out Regex? regex, out string? _));
            Assert.Equal(TimeSpan.FromMilliseconds(50), regex!.MatchTimeout);
        }

        [Fact]
        public void Leftmost_first_alternation_like_rust()
        {
            Assert.Equal("sam", Compile("sam|samwise").Match("samwise").Value);
        }
    
        [Fact]
        public void Compiling_the_same_pattern_again_reuses_one_regex()
        {
            string pattern = "(?i)cache-test-" + Guid.NewGuid().ToString("N") + "[0-9]+";
            Assert.True(RustRegex.TryCompile(pattern, out Regex? first, out string? _));
            Assert.True(RustRegex.TryCompile(pattern, out Regex? again, out string? _));
            Assert.Same(first, again);

            // A different timeout or options is a different regex; an invalid pattern is still reported every time.
            Assert.True(RustRegex.TryCompile(pattern, TimeSpan.FromSeconds(5), out Regex? otherTimeout, out string? _));
            Assert.NotSame(first, otherTimeout);
            Assert.Equal(TimeSpan.FromSeconds(5), otherTimeout!.MatchTimeout);
            Assert.False(RustRegex.TryCompile("[z-a]", out Regex? _, out string? error1));
            Assert.False(RustRegex.TryCompile("[z-a]", out Regex? _, out string? error2));
            Assert.Equal(error1, error2);
        }
    }
}
