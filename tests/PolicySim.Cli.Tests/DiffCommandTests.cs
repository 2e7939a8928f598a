using System.IO;

namespace PolicySim.Tests
{
    public class DiffCommandTests
    {
        [Fact]
        public void Text_diff_has_the_reference_header_and_lines()
        {
            var r = CliRun.Invoke("diff", "default", "clawdstrike:strict");
            Assert.Equal(0, r.ExitCode);
            Assert.StartsWith("Diff: ruleset:clawdstrike:default -> ruleset:clawdstrike:strict (resolved)\nFound ", r.Stdout);
            Assert.Contains("~ /settings/fail_fast: false -> true\n", r.Stdout);
        }

        [Fact]
        public void Same_policy_prints_no_changes()
        {
            var r = CliRun.Invoke("diff", Path.Combine("examples", "policies", "current.yaml"), Path.Combine("examples", "policies", "current.yaml"));
            Assert.Equal("Diff: file:" + Path.Combine("examples", "policies", "current.yaml") + " -> file:" + Path.Combine("examples", "policies", "current.yaml") + " (resolved)\nNo changes.\n", r.Stdout);
        }

        [Fact]
        public void Json_and_rules_forms()
        {
            var r = CliRun.Invoke("diff", Path.Combine("examples", "policies", "current.yaml"), Path.Combine("examples", "policies", "candidate.yaml"), "--json", "--rules");
            using var doc = System.Text.Json.JsonDocument.Parse(r.Stdout);
            Assert.True(doc.RootElement.GetProperty("changes").GetArrayLength() > 0);
            Assert.Equal(10, doc.RootElement.GetProperty("rules_added").GetArrayLength());
        }

        [Fact]
        public void Missing_policy_is_exit_4()
        {
            Assert.Equal(4, CliRun.Invoke("diff", "default", "missing.yaml").ExitCode);
        }

        [Fact]
        public void Compare_text_names_the_cause_of_each_group()
        {
            var r = CliRun.Invoke("compare", Path.Combine("examples", "policies", "current.yaml"), Path.Combine("examples", "policies", "candidate.yaml"), Path.Combine("examples", "events", "audit.jsonl"));
            Assert.Contains("caused by: + /guards/mcp_tool/require_confirmation/3: null -> \"deploy\"", r.Stdout);
        }
    }
}
