using System.IO;
using System.Text;
using System.Text.Json;
using PolicySim.Cli;

namespace PolicySim.Tests
{
    public class ReplayCliTests
    {
        private static string Examples => Path.Combine(AppContext.BaseDirectory, "examples");

        private static (int Exit, string Out, string Err) RunWithStdin(string stdin, params string[] args)
        {
            var stdout = new StringWriter { NewLine = "\n" };
            var stderr = new StringWriter { NewLine = "\n" };
            int exit = Program.Run(args, new CliConsole(() => new MemoryStream(Encoding.UTF8.GetBytes(stdin)), stdout, stderr, Examples));
            return (exit, stdout.ToString(), stderr.ToString());
        }

        private static (int Exit, string Out, string Err) Run(params string[] args) => RunWithStdin(string.Empty, args);

        [Fact]
        public void Impact_prints_the_reference_text_report_and_fails_on_breaking()
        {
            var (exit, output, err) = Run("impact", "policies/current.yaml", "policies/candidate.yaml", "events/audit.jsonl", "--fail-on-breaking");
            Assert.True(exit == 2, err);
            Assert.Equal(2, exit);
            Assert.Equal(
                "Policy impact report\n====================\nEvents: 36\nChanged: 6\nAllow -> Warn: 1\nAllow -> Block: 4\nWarn -> Allow: 0\nWarn -> Block: 0\nBlock -> Allow: 1\nBlock -> Warn: 0\n",
                output);
            Assert.Contains("Breaking changes detected (allow -> block).", err);
            Assert.Equal(0, Run("impact", "policies/current.yaml", "policies/candidate.yaml", "events/audit.jsonl").Exit);
        }

        [Fact]
        public void Impact_json_has_the_reference_shape()
        {
            var (exit, output, _) = Run("impact", "default", "strict", "events/audit.jsonl", "--json");
            Assert.Equal(0, exit);
            using var doc = JsonDocument.Parse(output);
            var root = doc.RootElement;
            Assert.Equal(new[] { "version", "command", "old_policy", "new_policy", "events", "summary", "exit_code" }, root.EnumerateObject().Select(p => p.Name));
            Assert.Equal("policy_impact", root.GetProperty("command").GetString());
            Assert.Equal("ruleset", root.GetProperty("old_policy").GetProperty("kind").GetString());
            Assert.Equal(new[] { "total", "changed", "allow_to_warn", "allow_to_block", "warn_to_allow", "warn_to_block", "block_to_allow", "block_to_warn" }, root.GetProperty("summary").EnumerateObject().Select(p => p.Name));
            Assert.Equal(36, root.GetProperty("summary").GetProperty("total").GetInt64());
        }

        [Fact]
        public void Compare_json_report_has_summary_flips_by_kind_groups_and_flips()
        {
            var (exit, output, _) = Run("compare", "policies/current.yaml", "policies/candidate.yaml", "events/audit.jsonl", "--format", "json");
            Assert.Equal(2, exit);
            using var doc = JsonDocument.Parse(output);
            var root = doc.RootElement;
            Assert.Equal("policysim.replay/1", root.GetProperty("schema").GetString());
            var summary = root.GetProperty("summary");
            Assert.Equal(36, summary.GetProperty("total").GetInt64());
            Assert.Equal(6, summary.GetProperty("changed").GetInt64());
            Assert.Equal(0, summary.GetProperty("errors").GetInt64());
            Assert.Equal(11, summary.GetProperty("flips").EnumerateObject().Count());
            Assert.Equal(1, summary.GetProperty("flips").GetProperty("DenyToAllow").GetInt64());
            Assert.Equal("Widening", root.GetProperty("groups")[0].GetProperty("class").GetString());
            Assert.Equal(6, root.GetProperty("flips").GetArrayLength());

            var (_, summaryOnly, _) = Run("compare", "policies/current.yaml", "policies/candidate.yaml", "events/audit.jsonl", "--format", "json", "--summary");
            using var doc2 = JsonDocument.Parse(summaryOnly);
            Assert.False(doc2.RootElement.TryGetProperty("flips", out _));
        }

        [Fact]
        public void Replay_of_stdin_records_under_the_same_policy_exits_0_and_jsonl_streams_results()
        {
            string simulate = RunWithStdin(File.ReadAllText(Path.Combine(Examples, "events", "audit.jsonl")), "simulate", "default", "-", "--jsonl").Out;
            string records = Path.Combine(Path.GetTempPath(), "policysim-sim-" + Guid.NewGuid().ToString("N") + ".jsonl");
            File.WriteAllText(records, simulate);
            try
            {
                var (exit, output, err) = Run("replay", "default", records, "--events", "events/audit.jsonl", "--format", "jsonl");
                Assert.True(exit == 0, err);
                Assert.Equal(36, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
                Assert.Contains("total=36, changed=0", err);

                var (strictExit, strictOut, _) = Run("replay", "strict", records, "--events", "events/audit.jsonl", "--format", "jsonl", "--flips-only");
                Assert.Equal(2, strictExit);
                Assert.All(strictOut.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.DoesNotContain("\"flip\":\"None\"", l));
            }
            finally
            {
                File.Delete(records);
            }
        }

        [Fact]
        public void Replay_counts_bad_records_and_exits_3()
        {
            string stdin = "{\"id\":\"d1\",\"timestamp\":\"2026-11-02T09:00:00Z\",\"event_type\":\"check\",\"action_type\":\"file_access\",\"target\":\"/etc/passwd\",\"decision\":\"allowed\"}\n{oops\n";
            var (exit, output, err) = RunWithStdin(stdin, "replay", "default", "-", "--format", "json");
            Assert.Equal(3, exit);
            Assert.Contains("-:2:", err);
            using var doc = JsonDocument.Parse(output);
            Assert.Equal(1, doc.RootElement.GetProperty("summary").GetProperty("errors").GetInt64());
            Assert.Equal(2, doc.RootElement.GetProperty("errors")[0].GetProperty("line").GetInt64());
        }

        [Fact]
        public void Merge_of_shard_reports_equals_the_report_of_the_whole()
        {
            string[] lines = File.ReadAllLines(Path.Combine(Examples, "events", "audit.jsonl"));
            string dir = Path.Combine(Path.GetTempPath(), "policysim-merge-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                File.WriteAllLines(Path.Combine(dir, "a.jsonl"), lines.Take(20));
                File.WriteAllLines(Path.Combine(dir, "b.jsonl"), lines.Skip(20));
                string whole = Run("compare", "policies/current.yaml", "policies/candidate.yaml", "events/audit.jsonl", "--format", "json").Out;
                foreach (string part in new[] { "a", "b" })
                {
                    Assert.Equal(2, Run("compare", "policies/current.yaml", "policies/candidate.yaml", Path.Combine(dir, part + ".jsonl"), "--format", "json", "--output", Path.Combine(dir, part + ".json")).Exit);
                }

                var (exit, merged, _) = Run("merge", Path.Combine(dir, "a.json"), Path.Combine(dir, "b.json"));
                Assert.Equal(2, exit);
                using var w = JsonDocument.Parse(whole);
                using var m = JsonDocument.Parse(merged);
                Assert.Equal(w.RootElement.GetProperty("summary").GetRawText(), m.RootElement.GetProperty("summary").GetRawText());
                Assert.Equal(w.RootElement.GetProperty("groups").GetRawText(), m.RootElement.GetProperty("groups").GetRawText());
                Assert.Equal(w.RootElement.GetProperty("flips").GetArrayLength(), m.RootElement.GetProperty("flips").GetArrayLength());
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
