using System.Linq;
using PolicySim.Evaluation;
using static PolicySim.Tests.TestPolicies;

namespace PolicySim.Tests.Guards
{
    public class GuardDecisionTests
    {
        [Theory]
        [InlineData("/home/alice/.ssh/id_rsa", false)]
        [InlineData("/etc/../etc/shadow", false)]
        [InlineData("etc/passwd", true)]
        [InlineData("/app/.env.local", false)]
        [InlineData("/home/u/.SSH/id_rsa", false)]
        [InlineData("/workspace/src/main.rs", true)]
        public void Forbidden_path_under_default(string path, bool allowed)
        {
            var r = BuiltIn("default").Eval(Read(path));
            Assert.Equal(allowed, r.Overall.Allowed);
            if (!allowed)
            {
                Assert.Equal("forbidden_path", r.Overall.Guard);
                Assert.Equal(GuardSeverity.Critical, r.Overall.Severity);
                Assert.Equal("Access to forbidden path: " + path, r.Overall.Message);
            }
        }

        [Fact]
        public void Forbidden_path_exceptions_win()
        {
            var p = Yaml("guards: {forbidden_path: {patterns: [\"**/.env\", \"**/.env.*\"], exceptions: [\"**/.env.example\"]}}");
            Assert.True(p.Eval(Read("/app/.env.example")).Overall.Allowed);
            Assert.False(p.Eval(Read("/app/.env.local")).Overall.Allowed);
        }

        [Fact]
        public void Explicit_empty_forbidden_patterns_never_block()
        {
            var p = Yaml("guards: {forbidden_path: {patterns: []}}");
            var r = p.Eval(Read("/etc/shadow"));
            Assert.True(r.Overall.Allowed);
            Assert.Equal("forbidden_path", r.PerGuard[0].Guard);
        }

        [Fact]
        public void Stand_alone_additional_and_remove_patterns_apply()
        {
            var p = Yaml("guards: {forbidden_path: {additional_patterns: [\"**/secrets/**\"], remove_patterns: [\"**/.env\"]}}");
            Assert.True(p.Eval(Read("/app/.env")).Overall.Allowed);
            Assert.False(p.Eval(Read("/app/secrets/x")).Overall.Allowed);
            // 19 built-ins − "**/.env" + "**/secrets/**" = 19 (the spec's "(20 patterns)" miscounts; see docs/decisions.md).
            Assert.Equal(19, p.Rules.Count(r => r.Guard == "forbidden_path" && r.Kind == "pattern"));
        }

        [Fact]
        public void Path_allowlist_examples()
        {
            var p = Yaml("version: \"1.2.0\"\nguards: {path_allowlist: {file_access_allow: [\"**/repo/**\"], file_write_allow: [\"**/repo/**\"], patch_allow: []}}");
            Assert.True(p.Eval(Read("/tmp/repo/src/main.rs")).Overall.Allowed);
            var r = p.Eval(Read("/etc/hosts"));
            Assert.Equal("path_allowlist", r.Overall.Guard);
            Assert.Equal(GuardSeverity.Error, r.Overall.Severity);
            Assert.Equal("Path not in allowlist: /etc/hosts", r.Overall.Message);
            Assert.True(p.Eval(Patch("/tmp/repo/x.rs", "+ok\n")).Overall.Allowed);

            var noWrites = Yaml("version: \"1.2.0\"\nguards: {path_allowlist: {file_access_allow: [\"**/repo/**\"], file_write_allow: []}}");
            Assert.False(noWrites.Eval(Write("/tmp/repo/a", "x")).Overall.Allowed);
            Assert.False(noWrites.Eval(Patch("/tmp/repo/a", "+x\n")).Overall.Allowed);
        }

        [Fact]
        public void Path_allowlist_is_off_when_absent()
        {
            Assert.DoesNotContain("path_allowlist", BuiltIn("default").Guards);
        }

        [Theory]
        [InlineData("api.openai.com", true)]
        [InlineData("API.OpenAI.COM", true)]
        [InlineData("evil.example", false)]
        [InlineData("openai.com", false)]
        [InlineData("github.com", true)]
        [InlineData("www.github.com", false)]
        public void Egress_under_default(string host, bool allowed)
        {
            var r = BuiltIn("default").Eval(Egress(host));
            Assert.Equal(allowed, r.Overall.Allowed);
            if (!allowed)
            {
                Assert.Equal("Egress to " + host + " blocked by policy", r.Overall.Message);
                Assert.Equal(GuardSeverity.Error, r.Overall.Severity);
                Assert.Equal(true, r.Overall.Details!["is_default"]);
                Assert.Null(r.Overall.Details!["matched_pattern"]);
            }
        }

        [Fact]
        public void Egress_block_list_has_precedence()
        {
            var p = Yaml("guards: {egress_allowlist: {allow: [\"*.mycompany.com\"], block: [\"blocked.mycompany.com\"]}}");
            var r = p.Eval(Egress("blocked.mycompany.com"));
            Assert.False(r.Overall.Allowed);
            Assert.Equal("blocked.mycompany.com", r.Overall.Details!["matched_pattern"]);
            Assert.Equal(false, r.Overall.Details!["is_default"]);
        }

        [Fact]
        public void Egress_log_default_warns()
        {
            var r = Yaml("guards: {egress_allowlist: {default_action: log}}").Eval(Egress("x.org"));
            Assert.True(r.Overall.IsWarning);
            Assert.Equal("Egress to x.org logged", r.Overall.Message);
        }

        [Fact]
        public void Egress_section_present_means_empty_allow_list()
        {
            Assert.False(Yaml("version: \"1.1.0\"\nguards: {egress_allowlist: {}}").Eval(Egress("api.openai.com")).Overall.Allowed);
            Assert.True(Yaml("version: \"1.1.0\"\nguards: {}").Eval(Egress("api.openai.com")).Overall.Allowed);
            Assert.False(Yaml("guards: {egress_allowlist: {additional_allow: [\"example.com\"]}}").Eval(Egress("example.com")).Overall.Allowed);
        }

        [Fact]
        public void Permissive_allows_every_host()
        {
            Assert.True(BuiltIn("permissive").Eval(Egress("anything.example")).Overall.Allowed);
        }

        [Fact]
        public void Secret_leak_examples()
        {
            var openai = "sk-" + new string('a', 48);
            var r = BuiltIn("default").Eval(Write("./output/leak.txt", "key=" + openai));
            Assert.Equal("secret_leak", r.Overall.Guard);
            Assert.Equal(GuardSeverity.Critical, r.Overall.Severity);
            Assert.Equal("Potential secrets detected: openai_key", r.Overall.Message);

            var builtins = Yaml("version: \"1.1.0\"");
            r = builtins.Eval(Write("/app/x.txt", "password = hunter22abc"));
            Assert.True(r.Overall.IsWarning);
            Assert.Equal("Potential secrets detected (warning): generic_secret", r.Overall.Message);

            r = builtins.Eval(Write("/app/x.txt", "AKIAABCDEFGHIJKLMNOP and AKIAABCDEFGHIJKLMNOQ"));
            Assert.Equal("Potential secrets detected: aws_access_key, aws_access_key", r.Overall.Message);

            var info = Yaml("guards: {secret_leak: {severity_threshold: info}}");
            r = info.Eval(Write("/app/x.txt", "password = hunter22abc"));
            Assert.False(r.Overall.Allowed);
            Assert.Equal(GuardSeverity.Warning, r.Overall.Severity);

            Assert.True(BuiltIn("default").Eval(Write("/app/tests/fixtures/k.json", openai)).Overall.Allowed);
        }

        [Fact]
        public void Secret_leak_section_present_has_no_skip_paths()
        {
            var r = Yaml("guards: {secret_leak: {severity_threshold: critical}}").Eval(Write("/app/tests/k.txt", "AKIAABCDEFGHIJKLMNOP"));
            Assert.False(r.Overall.Allowed);
        }

        [Fact]
        public void Secret_values_are_masked_in_details()
        {
            var r = BuiltIn("default").Eval(Write("/app/a.txt", "AKIAABCDEFGHIJKLMNOP"));
            var matches = (System.Collections.Generic.List<object?>)r.Overall.Details!["matches"]!;
            var m = (System.Collections.Generic.IDictionary<string, object?>)matches[0]!;
            Assert.Equal("AKIA************MNOP", m["redacted"]);
            Assert.Equal("critical", m["severity"]);
        }

        [Fact]
        public void Binary_and_empty_content_are_not_scanned()
        {
            var p = BuiltIn("default");
            Assert.True(p.Eval(new FileWriteAction("/app/a.bin", new byte[] { 0xff, 0xfe, 0x41, 0x4b })).Overall.Allowed);
            Assert.True(p.Eval(new FileWriteAction("/app/a.txt", System.Array.Empty<byte>())).Overall.Allowed);
        }

        [Fact]
        public void Patch_integrity_examples()
        {
            var builtIn = Yaml("version: \"1.1.0\"");
            var r = builtIn.Eval(Patch("/app/a.py", "+eval(user_input)\n"));
            Assert.Equal("patch_integrity", r.Overall.Guard);
            Assert.Equal(GuardSeverity.Critical, r.Overall.Severity);
            Assert.Equal(@"Contains forbidden patterns: (?i)eval\s*\(", r.Overall.Message);
            Assert.True(BuiltIn("default").Eval(Patch("/app/a.py", "+eval(user_input)\n")).Overall.Allowed);

            var strict = BuiltIn("strict");
            r = strict.Eval(Patch("/app/a.py", "+a\n+b\n+c\n+d\n+e\n+f\n-g\n"));
            Assert.Equal("Imbalanced patch: ratio 6.00 (max: 5.00)", r.Overall.Message);
            Assert.Equal(GuardSeverity.Error, r.Overall.Severity);
            r = strict.Eval(Patch("/app/a.py", "+a\n+b\n+c\n"));
            Assert.Equal("Imbalanced patch: ratio inf (max: 5.00)", r.Overall.Message);

            var small = Yaml("guards: {patch_integrity: {max_additions: 5}}");
            r = small.Eval(Patch("/app/run.sh", "+a\n+chmod 777 x\n+b\n+chmod 777 y\n+c\n+d\n"));
            Assert.Equal(@"Contains forbidden patterns: (?i)chmod\s+777, (?i)chmod\s+777; Too many additions: 6 (max: 5)", r.Overall.Message);
            Assert.Equal(GuardSeverity.Critical, r.Overall.Severity);

            Assert.True(builtIn.Eval(Patch("/app/a.py", "diff\\n+eval(x)\\n")).Overall.Allowed);
        }

        [Fact]
        public void Patch_headers_and_double_plus_lines_are_not_additions()
        {
            var strict = BuiltIn("strict");
            var r = strict.Eval(Patch("/app/a.py", "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new\n"));
            Assert.True(r.Overall.Allowed);
        }

        [Fact]
        public void Mcp_tool_examples()
        {
            var d = BuiltIn("default");
            var r = d.Eval(Tool("shell_exec"));
            Assert.Equal("Tool 'shell_exec' is blocked by policy", r.Overall.Message);
            Assert.Equal(GuardSeverity.Error, r.Overall.Severity);
            Assert.True(d.Eval(Tool("git_push")).Overall.IsWarning);
            Assert.Equal("Tool 'git_push' requires confirmation", d.Eval(Tool("git_push")).Overall.Message);
            Assert.True(d.Eval(Tool("mcp__blender__execute_blender_code")).Overall.Allowed);
            Assert.False(BuiltIn("strict").Eval(Tool("write_file")).Overall.Allowed);

            var mode = Yaml("guards: {mcp_tool: {allow: [a], require_confirmation: [b]}}");
            Assert.True(mode.Eval(Tool("b")).Overall.IsWarning);
            Assert.False(mode.Eval(Tool("c")).Overall.Allowed);
            Assert.True(mode.Eval(Tool("a")).Overall.Allowed);

            var onlyRead = Yaml("guards: {mcp_tool: {allow: [read_file]}}");
            Assert.False(onlyRead.Eval(Tool("shell_exec")).Overall.Allowed);
            Assert.False(onlyRead.Eval(Tool("file_write")).Overall.Allowed);
        }

        [Fact]
        public void Mcp_tool_argument_size_limit()
        {
            var p = Yaml("guards: {mcp_tool: {max_args_size: 100}}");
            var r = p.Eval(Tool("x", "{\"data\": \"" + new string('x', 200) + "\"}"));
            Assert.Equal("Tool arguments too large: 211 bytes (max: 100)", r.Overall.Message);
        }

        [Fact]
        public void Aggregation_prefers_earlier_guard_on_severity_tie()
        {
            var r = BuiltIn("default").Eval(Patch("/home/u/.ssh/config", "+-----BEGIN RSA PRIVATE KEY-----\n"));
            Assert.Equal("forbidden_path", r.Overall.Guard);
            Assert.Contains(r.PerGuard, g => g.Guard == "secret_leak" && !g.Allowed);
        }

        [Fact]
        public void Fail_fast_skips_the_standard_stage()
        {
            const string Yaml12 = "version: \"1.2.0\"\nguards: {path_allowlist: {file_write_allow: [\"/repo/**\"]}}\n";
            var r = Yaml(Yaml12).Eval(Write("/tmp/x", "AKIAABCDEFGHIJKLMNOP"));
            Assert.Equal(new[] { "forbidden_path", "path_allowlist", "secret_leak" }, r.PerGuard.Select(g => g.Guard));
            Assert.Equal("secret_leak", r.Overall.Guard);
            Assert.Equal(GuardSeverity.Critical, r.Overall.Severity);

            r = Yaml(Yaml12 + "settings: {fail_fast: true}\n").Eval(Write("/tmp/x", "AKIAABCDEFGHIJKLMNOP"));
            Assert.Equal(new[] { "forbidden_path", "path_allowlist" }, r.PerGuard.Select(g => g.Guard));
            Assert.Equal("path_allowlist", r.Overall.Guard);
        }

        [Fact]
        public void Shell_commands_are_allowed_by_the_engine()
        {
            var r = BuiltIn("strict").Eval(new ShellCommandAction("rm -rf /"));
            Assert.Equal("engine", r.Overall.Guard);
            Assert.Empty(r.PerGuard);
        }

        [Fact]
        public void Plain_allow_overall_is_the_first_guard()
        {
            var r = BuiltIn("default").Eval(Write("/app/ok.txt", "hello"));
            Assert.Equal("forbidden_path", r.Overall.Guard);
            Assert.Equal("Allowed", r.Overall.Message);
        }
    }
}
