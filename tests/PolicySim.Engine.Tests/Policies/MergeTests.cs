using System.Linq;
using static PolicySim.Tests.TestPolicies;

namespace PolicySim.Tests.Policies
{
    public class MergeTests
    {
        [Fact]
        public void Extends_strict_keeps_strict_guards_and_fail_fast()
        {
            var p = Yaml("extends: strict\nname: Mine\nsettings: {verbose_logging: true}\n");
            Assert.Equal("Mine", p.Name);
            Assert.True(p.FailFast);
            Assert.False(p.Eval(Egress("api.openai.com")).Overall.Allowed);
        }

        [Fact]
        public void Deep_merge_additional_allow_extends_the_base_list()
        {
            var p = Yaml("extends: default\nguards: {egress_allowlist: {additional_allow: [\"example.com\"]}}\n");
            Assert.True(p.Eval(Egress("example.com")).Overall.Allowed);
            Assert.True(p.Eval(Egress("crates.io")).Overall.Allowed);
            Assert.Equal(12, p.Rules.Count(r => r.Guard == "egress_allowlist" && r.Kind == "allow"));
        }

        [Fact]
        public void Deep_merge_non_empty_child_list_replaces_additions()
        {
            var p = Yaml("extends: default\nguards: {egress_allowlist: {additional_allow: [\"example.com\"], allow: [\"x.com\"]}}\n");
            Assert.False(p.Eval(Egress("example.com")).Overall.Allowed);
            Assert.True(p.Eval(Egress("x.com")).Overall.Allowed);
        }

        [Fact]
        public void Deep_merge_forbidden_path_adds_and_removes()
        {
            var p = Yaml("extends: default\nguards: {forbidden_path: {additional_patterns: [\"**/secrets/**\"], remove_patterns: [\"**/.env\"], exceptions: [\"**/.ssh/known_hosts\"]}}\n");
            Assert.True(p.Eval(Read("/app/.env")).Overall.Allowed);
            Assert.False(p.Eval(Read("/app/secrets/a")).Overall.Allowed);
            Assert.True(p.Eval(Read("/home/u/.ssh/known_hosts")).Overall.Allowed);
        }

        [Fact]
        public void Deep_merge_mentioning_a_disabled_section_re_enables_it()
        {
            var p = Yaml("extends: default\nguards: {forbidden_path: {enabled: false}}\n");
            Assert.True(p.Eval(Read("/etc/shadow")).Overall.Allowed);
        }

        [Fact]
        public void Deep_merge_replaces_secret_leak_wholesale()
        {
            // Child section without skip_paths: serde default [] — the default ruleset's skip paths are gone.
            var p = Yaml("extends: default\nguards: {secret_leak: {severity_threshold: critical}}\n");
            Assert.False(p.Eval(Write("/app/tests/a.txt", "AKIAABCDEFGHIJKLMNOP")).Overall.Allowed);
            Assert.True(BuiltIn("default").Eval(Write("/app/tests/a.txt", "AKIAABCDEFGHIJKLMNOP")).Overall.Allowed);
        }

        [Fact]
        public void Deep_merge_mcp_over_absent_base_uses_built_in_lists()
        {
            var p = Yaml("extends: permissive\nguards: {mcp_tool: {additional_block: [\"deploy\"]}}\n");
            Assert.False(p.Eval(Tool("deploy")).Overall.Allowed);
            Assert.False(p.Eval(Tool("shell_exec")).Overall.Allowed);
            Assert.True(p.Eval(Tool("git_push")).Overall.IsWarning);
        }

        [Fact]
        public void Shallow_merge_drops_all_base_guard_sections()
        {
            var p = Yaml("extends: strict\nmerge_strategy: merge\nguards: {mcp_tool: {allow: [x]}}\n");
            // egress falls back to the built-in default list, not strict's empty one.
            Assert.True(p.Eval(Egress("api.openai.com")).Overall.Allowed);
            Assert.True(p.FailFast);
        }

        [Fact]
        public void Replace_discards_the_base()
        {
            var p = Yaml("extends: strict\nmerge_strategy: replace\nname: R\n");
            Assert.False(p.FailFast);
            Assert.True(p.Eval(Egress("api.openai.com")).Overall.Allowed);
        }

        [Fact]
        public void Child_without_version_over_1_1_0_base_becomes_1_2_0()
        {
            var p = Yaml("extends: default\n");
            Assert.Equal("1.2.0", p.Version);
        }

        [Fact]
        public void Built_in_prefix_is_accepted_in_extends()
        {
            var p = Yaml("extends: clawdstrike:cicd\n");
            Assert.True(p.FailFast);
        }
    }
}
