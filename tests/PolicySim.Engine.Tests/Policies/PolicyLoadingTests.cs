using System.IO;
using PolicySim.Policies;
using static PolicySim.Tests.TestPolicies;

namespace PolicySim.Tests.Policies
{
    public class PolicyLoadingTests
    {
        [Theory]
        [InlineData("guards: {forbidden_path: {pattern: [\"x\"]}}", "unknown field `pattern`")]
        [InlineData("settings: {failfast: true}", "unknown field `failfast`")]
        [InlineData("guards: {shell_command: {}}", "unknown field `shell_command`")]
        [InlineData("bogus: 1", "unknown field `bogus`, expected one of `version`")]
        [InlineData("guards: {secret_leak: {patterns: [{name: a, pattern: b, extra: 1}]}}", "unknown field `extra`")]
        [InlineData("guards: {jailbreak: {detector: {linear_model: {w_x: 1}}}}", "unknown field `w_x`")]
        public void Unknown_keys_are_rejected_at_every_level(string yaml, string expected)
        {
            var ex = Assert.Throws<PolicyLoadException>(() => Yaml(yaml));
            Assert.Equal(PolicyLoadFailure.Configuration, ex.Failure);
            Assert.Contains(expected, ex.Message);
        }

        [Fact]
        public void Jailbreak_layers_ignore_unknown_keys()
        {
            var p = Yaml("guards: {jailbreak: {detector: {layers: {heuristic: true, foo: 1}}}}");
            Assert.NotNull(p);
        }

        [Fact]
        public void Diagnostics_name_line_column_and_field_path()
        {
            var ex = Assert.Throws<PolicyLoadException>(() => Yaml("version: \"1.1.0\"\nguards:\n  forbidden_path:\n    patterns: [\"ok/**\"]\n    patternz: []\n"));
            var d = Assert.Single(ex.Diagnostics);
            Assert.Equal(5, d.Line);
            Assert.Equal(5, d.Column);
            Assert.Equal("guards.forbidden_path.patternz", d.FieldPath);
        }

        [Fact]
        public void All_schema_errors_are_reported_together()
        {
            var ex = Assert.Throws<PolicyLoadException>(() => Yaml("settings: {failfast: true}\nguards: {mcp_tool: {max_args_size: big}}\n"));
            Assert.Equal(2, ex.Diagnostics.Count);
        }

        [Theory]
        [InlineData("1.0", "Invalid policy version: 1.0")]
        [InlineData("01.1.0", "Invalid policy version: 01.1.0")]
        [InlineData("1.1.0-beta", "Invalid policy version: 1.1.0-beta")]
        [InlineData("v1.1.0", "Invalid policy version: v1.1.0")]
        [InlineData("2.0.0", "Unsupported policy version: found 2.0.0, supported 1.1.0, 1.2.0")]
        [InlineData("1.0.0", "Unsupported policy version: found 1.0.0, supported 1.1.0, 1.2.0")]
        public void Versions_are_checked_strictly(string version, string message)
        {
            var ex = Assert.Throws<PolicyLoadException>(() => Yaml("version: \"" + version + "\"\n"));
            Assert.Equal(message, ex.Message);
        }

        [Fact]
        public void Path_allowlist_and_posture_require_1_2_0()
        {
            var ex = Assert.Throws<PolicyLoadException>(() => Yaml("version: \"1.1.0\"\nguards: {path_allowlist: {file_access_allow: [\"/a/**\"]}}\nposture: {initial: a, states: {a: {capabilities: [file_access]}}}\n"));
            Assert.Contains(ex.Diagnostics, d => d.FieldPath == "guards.path_allowlist" && d.Message == "path_allowlist requires policy version 1.2.0");
            Assert.Contains(ex.Diagnostics, d => d.FieldPath == "posture" && d.Message == "posture requires policy version 1.2.0");
            Assert.StartsWith("Policy validation failed with 2 error(s):", ex.Message);
        }

        [Theory]
        [InlineData("guards: {forbidden_path: {patterns: [\"foo[bar\"]}}", "guards.forbidden_path.patterns[0]", "invalid glob \"foo[bar\"")]
        [InlineData("guards: {forbidden_path: {patterns: [\"a**\"]}}", "guards.forbidden_path.patterns[0]", "invalid glob \"a**\"")]
        [InlineData("guards: {secret_leak: {patterns: [{name: k, pattern: \"(\"}]}}", "guards.secret_leak.patterns[0].pattern", "invalid regex (k): ")]
        [InlineData("guards: {patch_integrity: {forbidden_patterns: [\"(\"]}}", "guards.patch_integrity.forbidden_patterns[0]", "invalid regex: ")]
        [InlineData("guards: {prompt_injection: {max_scan_bytes: 0}}", "guards.prompt_injection.max_scan_bytes", "max_scan_bytes must be > 0")]
        [InlineData("guards: {prompt_injection: {warn_at_or_above: critical, block_at_or_above: high}}", "guards.prompt_injection.warn_at_or_above", "")]
        [InlineData("custom_guards: [{id: \" \"}]", "custom_guards[0].id", "")]
        [InlineData("guards: {custom: [{package: other, config: {}}]}", "guards.custom[0].package", "unsupported custom guard package: other")]
        [InlineData("guards: {forbidden_path: {patterns: [\"${NOPE_NOT_SET}/**\"]}}", "guards.forbidden_path.patterns[0]", "${NOPE_NOT_SET}")]
        public void Validation_rules_report_field_paths(string yaml, string path, string message)
        {
            var ex = Assert.Throws<PolicyLoadException>(() => Yaml(yaml));
            Assert.Contains(ex.Diagnostics, d => d.FieldPath == path && d.Message.Contains(message));
        }

        [Fact]
        public void Placeholders_in_disabled_guards_are_not_checked()
        {
            Assert.NotNull(Yaml("guards: {forbidden_path: {enabled: false, patterns: [\"${NOPE_NOT_SET}/**\"]}}"));
        }

        [Fact]
        public void Enabled_custom_guard_fails_engine_initialisation()
        {
            var ex = Assert.Throws<PolicyLoadException>(() => Yaml("custom_guards: [{id: acme}]"));
            Assert.Equal("Failed to initialize engine: Configuration error: Policy requires custom guard acme but no CustomGuardRegistry was provided", ex.Message);
        }

        [Theory]
        [InlineData("default")]
        [InlineData("clawdstrike:strict")]
        [InlineData("ai-agent")]
        [InlineData("cicd")]
        [InlineData("permissive")]
        public void Built_in_rulesets_load(string name)
        {
            var p = PolicyLoader.Load(name);
            Assert.Equal(PolicySourceKind.Ruleset, p.SourceKind);
            Assert.Equal("1.1.0", p.Version);
        }

        [Fact]
        public void Missing_policy_file_is_an_io_error_in_the_reference_wording()
        {
            var ex = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load("no/such/policy.yaml"));
            Assert.Equal(PolicyLoadFailure.Io, ex.Failure);
            Assert.Equal("\"no/such/policy.yaml\" is not a known ruleset; failed to load policy file: IO error: No such file or directory (os error 2)", ex.Message);
        }

        [Fact]
        public void Extends_resolves_files_relative_to_the_extending_file_and_detects_cycles()
        {
            string dir = Path.Combine(Path.GetTempPath(), "policysim-tests-" + System.Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(dir, "sub"));
            try
            {
                File.WriteAllText(Path.Combine(dir, "sub", "base.yaml"), "version: \"1.1.0\"\nname: Base\nguards: {egress_allowlist: {allow: [\"base.example\"]}}\n");
                File.WriteAllText(Path.Combine(dir, "sub", "a.yaml"), "version: \"1.1.0\"\nextends: base.yaml\nguards: {egress_allowlist: {additional_allow: [\"a.example\"]}}\n");
                var p = PolicyLoader.Load(Path.Combine(dir, "sub", "a.yaml"));
                Assert.Equal("Base", p.Name);
                Assert.True(p.Eval(Egress("a.example")).Overall.Allowed);
                Assert.True(p.Eval(Egress("base.example")).Overall.Allowed);
                Assert.False(p.Eval(Egress("api.openai.com")).Overall.Allowed);

                File.WriteAllText(Path.Combine(dir, "c1.yaml"), "extends: c2.yaml\n");
                File.WriteAllText(Path.Combine(dir, "c2.yaml"), "extends: c1.yaml\n");
                var ex = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(Path.Combine(dir, "c1.yaml")));
                Assert.Contains("Circular policy extension detected: c2.yaml", ex.Message);

                File.WriteAllText(Path.Combine(dir, "self.yaml"), "extends: self.yaml\n");
                ex = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(Path.Combine(dir, "self.yaml")));
                Assert.Contains("Circular policy extension detected: self.yaml", ex.Message);

                File.WriteAllText(Path.Combine(dir, "missing.yaml"), "extends: nonexistent\n");
                ex = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(Path.Combine(dir, "missing.yaml")));
                Assert.Contains("Unknown ruleset or file not found: nonexistent", ex.Message);
                Assert.Equal(PolicyLoadFailure.Configuration, ex.Failure);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void Extends_depth_is_limited()
        {
            string dir = Path.Combine(Path.GetTempPath(), "policysim-depth-" + System.Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                for (int i = 0; i < 40; i++)
                {
                    File.WriteAllText(Path.Combine(dir, "p" + i + ".yaml"), "extends: p" + (i + 1) + ".yaml\n");
                }

                File.WriteAllText(Path.Combine(dir, "p40.yaml"), "name: end\n");
                var ex = Assert.Throws<PolicyLoadException>(() => PolicyLoader.Load(Path.Combine(dir, "p0.yaml")));
                Assert.Contains("extends chain is deeper than 32 levels", ex.Message);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [Fact]
        public void Alias_bombs_are_bounded()
        {
            var sb = new System.Text.StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
            for (int i = 1; i < 9; i++)
            {
                sb.Append('a').Append(i).Append(": &a").Append(i).Append(" [");
                sb.Append(string.Join(", ", Enumerable.Repeat("*a" + (i - 1), 10))).Append("]\n");
            }

            sb.Append("guards: {custom: [{package: clawdstrike-snyk, enabled: false, config: {x: *a8}}]}\n");
            var ex = Assert.Throws<PolicyLoadException>(() => Yaml(sb.ToString()));
            Assert.NotEmpty(ex.Diagnostics);
        }

        [Fact]
        public void Rules_carry_source_lines()
        {
            var p = Yaml("version: \"1.1.0\"\nguards:\n  egress_allowlist:\n    allow:\n      - \"*.example.com\"\n");
            var rule = Assert.Single(p.Rules, r => r.Id == "egress_allowlist/allow/*.example.com");
            Assert.Equal(5, rule.Line);
            Assert.Equal("<test>", rule.SourceFile);
        }
    }
}
