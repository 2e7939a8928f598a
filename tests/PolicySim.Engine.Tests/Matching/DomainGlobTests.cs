using PolicySim.Evaluation.Matching;

namespace PolicySim.Tests.Matching
{
    public class DomainGlobTests
    {
        private static readonly string[] DefaultAllow =
        {
            "*.openai.com", "*.anthropic.com", "api.github.com", "*.npmjs.org", "registry.npmjs.org", "pypi.org",
            "files.pythonhosted.org", "crates.io", "static.crates.io",
        };

        internal static DomainGlob Compile(string pattern)
        {
            Assert.True(DomainGlob.TryCompile(pattern, out DomainGlob? glob, out string? error), error);
            return glob!;
        }

        [Theory]
        [InlineData("*.openai.com", "api.openai.com", true)]
        [InlineData("*.openai.com", "a.b.openai.com", true)]
        [InlineData("*.openai.com", "API.OpenAI.COM", true)]
        [InlineData("*.openai.com", "openai.com", false)]
        [InlineData("*.openai.com", "evil-openai.com", false)]
        [InlineData("*.openai.com", "api.openai.com:443", false)]
        [InlineData("*.openai.com", "api.openai.com.", false)]
        [InlineData("*.openai.com", ".openai.com", true)]
        [InlineData("github.com", "www.github.com", false)]
        [InlineData("github.com", "GitHub.COM", true)]
        [InlineData("10.0.0.*", "10.0.0.7", true)]
        [InlineData("{api,uploads}.github.com", "uploads.github.com", true)]
        [InlineData("{api,uploads}.github.com", "API.github.com", true)]
        [InlineData("{api,uploads}.github.com", "www.github.com", false)]
        [InlineData("*", "any.host.example", true)]
        [InlineData("*", "", true)]
        public void Spec_examples(string pattern, string host, bool expected)
            => Assert.Equal(expected, Compile(pattern).IsMatch(host));

        [Theory]
        [InlineData("*", "a/b", false)]                 // literal_separator: '*' never crosses '/'
        [InlineData("**", "a/b", true)]
        [InlineData("**/", "a/b", true)]                // a glob that is only "**" matches everything
        [InlineData("*.openai.com", "evil.com/x.openai.com", false)]
        [InlineData("api.*", "api.example.com", true)]
        [InlineData("api.*", "api.example.com/x", false)]
        [InlineData("api.*", "API.", true)]
        [InlineData("?.example.com", "a.example.com", true)]
        [InlineData("?.example.com", "ab.example.com", false)]
        [InlineData("?", "/", false)]
        [InlineData("a**b", "axxb", true)]              // '**' inside a component is just '*'
        [InlineData("a**b", "ax/b", false)]
        [InlineData("***", "abc", true)]
        [InlineData("**/foo", "foo", true)]
        [InlineData("**/foo", "/foo", true)]
        [InlineData("**/foo", "a/b/foo", true)]
        [InlineData("**/foo", "afoo", false)]
        [InlineData("foo/**", "foo/a/b", true)]
        [InlineData("foo/**", "foo/", true)]
        [InlineData("foo/**", "foo", false)]
        [InlineData("a/**/b", "a/b", true)]
        [InlineData("a/**/b", "a/x/y/b", true)]
        [InlineData("a/**/b", "ab", false)]
        [InlineData("[a-c]x", "Bx", true)]
        [InlineData("[!a-c]x", "Bx", false)]
        [InlineData("[^a]x", "Ax", false)]
        [InlineData("[^a]x", "bx", true)]
        [InlineData("[]]", "]", true)]
        [InlineData("[-a]", "-", true)]
        [InlineData("[a-]", "-", true)]
        [InlineData("[a-b-d]", "c", true)]              // globset extends the previous range
        [InlineData("[/]", "/", true)]                  // classes are not affected by literal_separator
        [InlineData("\\*.com", "*.com", true)]
        [InlineData("\\*.com", "a.com", false)]
        [InlineData("\\{a\\}", "{a}", true)]
        [InlineData("a,b", "a,b", true)]                // ',' outside a group is literal
        [InlineData("x{a,}", "xa", true)]
        [InlineData("x{a,}", "x", false)]               // empty alternatives are dropped (empty_alternates off)
        [InlineData("x{,}y", "xy", true)]
        [InlineData("x{}y", "xy", true)]
        [InlineData("{a,{b,c}}.com", "c.com", true)]    // nested groups are accepted since globset 0.4.17
        [InlineData("{a,{b,c}}.com", "d.com", false)]
        [InlineData("{*.a,b}.com", "x.y.a.com", true)]
        [InlineData("{**/a,b}", "x/y/a", true)]
        [InlineData("", "", true)]
        [InlineData("", "a", false)]
        public void Globset_semantics(string pattern, string host, bool expected)
            => Assert.Equal(expected, Compile(pattern).IsMatch(host));

        [Theory]
        [InlineData("k.com", "\u212A.com", false)]      // Kelvin sign: (?-u)(?i) folds ASCII only
        [InlineData("s.com", "\u017F.com", false)]      // long s
        [InlineData("é.com", "É.com", false)]
        [InlineData("é.com", "é.com", true)]
        [InlineData("*.bücher.de", "www.BÜCHER.de", false)]
        [InlineData("*.bücher.de", "WWW.bücher.DE", true)]
        [InlineData("?.de", "é.de", false)]             // '?' is one byte, 'é' is two
        [InlineData("??.de", "é.de", true)]
        [InlineData("[é].de", "é.de", false)]           // [é] is the byte class [\xC3\xA9]
        [InlineData("[é][é].de", "é.de", true)]
        [InlineData("*.de", "\U0001F600.de", true)]
        [InlineData("????.de", "\U0001F600.de", true)]
        public void Matches_utf8_bytes_with_ascii_only_case_folding(string pattern, string host, bool expected)
            => Assert.Equal(expected, Compile(pattern).IsMatch(host));

        [Theory]
        [InlineData("[a", "error parsing glob '[a': unclosed character class; missing ']'")]
        [InlineData("[]", "error parsing glob '[]': unclosed character class; missing ']'")]
        [InlineData("[!]", "error parsing glob '[!]': unclosed character class; missing ']'")]
        [InlineData("[z-a]", "error parsing glob '[z-a]': invalid range; 'z' > 'a'")]
        [InlineData("[z--]", "error parsing glob '[z--]': invalid range; 'z' > '-'")]
        [InlineData("{a,b", "error parsing glob '{a,b': unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)")]
        [InlineData("{a,{b}", "error parsing glob '{a,{b}': unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)")]
        [InlineData("a,b}", "error parsing glob 'a,b}': unopened alternate group; missing '{' (maybe escape '}' with '[}]'?)")]
        [InlineData("{a,b}}", "error parsing glob '{a,b}}': unopened alternate group; missing '{' (maybe escape '}' with '[}]'?)")]
        [InlineData("api.com\\", "error parsing glob 'api.com\\': dangling '\\'")]
        public void Invalid_patterns_report_globset_errors(string pattern, string expected)
        {
            Assert.False(DomainGlob.TryCompile(pattern, out DomainGlob? glob, out string? error));
            Assert.Null(glob);
            Assert.Equal(expected, error);
        }

        [Theory]
        [InlineData("api.openai.com", 0)]
        [InlineData("api.anthropic.com", 1)]
        [InlineData("API.GITHUB.COM", 2)]
        [InlineData("github.com", -1)]
        [InlineData("registry.npmjs.org", 3)]  // "*.npmjs.org" comes first
        [InlineData("pypi.org", 5)]
        [InlineData("www.pypi.org", -1)]
        [InlineData("files.pythonhosted.org", 6)]
        [InlineData("crates.io", 7)]
        [InlineData("static.crates.io", 8)]
        [InlineData("evil.com", -1)]
        [InlineData("", -1)]
        public void Default_allow_list_first_match(string host, int expected)
        {
            var set = new DomainGlobSet(DefaultAllow.Select(Compile));
            Assert.Equal(expected, set.FirstMatchIndex(host));
            Assert.Equal(expected >= 0, set.IsMatch(host));
        }

        [Fact]
        public void Large_alternations_use_the_multi_word_nfa()
        {
            string[] names = Enumerable.Range(0, 40).Select(i => "host" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            DomainGlob glob = Compile("{" + string.Join(",", names) + "}.*.example.com");
            Assert.True(glob.IsMatch("HOST39.eu.example.com"));
            Assert.True(glob.IsMatch("host0..example.com"));
            Assert.False(glob.IsMatch("host40.eu.example.com"));
            Assert.False(glob.IsMatch("host1.eu/x.example.com"));
        }
    }
}
