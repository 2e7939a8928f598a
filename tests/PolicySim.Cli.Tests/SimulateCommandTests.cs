using System.IO;
using System.Text.Json;

namespace PolicySim.Tests
{
    public class SimulateCommandTests
    {
        private const string Blocked = "{\"eventId\":\"e1\",\"eventType\":\"file_read\",\"timestamp\":\"2026-02-03T00:00:00Z\",\"data\":{\"type\":\"file\",\"path\":\"/etc/shadow\"}}";
        private const string Allowed = "{\"eventId\":\"e2\",\"eventType\":\"file_read\",\"timestamp\":\"2026-02-03T00:00:00Z\",\"data\":{\"type\":\"file\",\"path\":\"/tmp/x\"}}";
        private const string Warned = "{\"eventId\":\"e3\",\"eventType\":\"tool_call\",\"timestamp\":\"2026-02-03T00:00:00Z\",\"data\":{\"type\":\"tool\",\"toolName\":\"git_push\"},\"metadata\":{\"toolKind\":\"mcp\"}}";

        [Fact]
        public void Plain_output_is_the_summary_line_and_exit_2_on_denials()
        {
            var r = CliRun.WithInput(Blocked + "\n\n" + Allowed + "\n", "simulate", "default", "-");
            Assert.Equal("Simulation complete: total=2, allowed=1, warn=0, blocked=1\n", r.Stdout);
            Assert.Equal(2, r.ExitCode);
        }

        [Fact]
        public void Exit_1_for_warnings_and_0_without_fail_on_deny()
        {
            Assert.Equal(1, CliRun.WithInput(Warned + "\n" + Allowed, "simulate", "default").ExitCode);
            Assert.Equal(0, CliRun.WithInput(Blocked, "simulate", "default", "-", "--no-fail-on-deny").ExitCode);
            Assert.Equal(0, CliRun.WithInput(Allowed, "simulate", "default", "-").ExitCode);
        }

        [Fact]
        public void Jsonl_writes_one_compact_result_per_event_and_the_summary_on_stderr()
        {
            var r = CliRun.WithInput(Blocked + "\n" + Allowed + "\n", "simulate", "default", "-", "--jsonl");
            string[] lines = r.Stdout.TrimEnd('\n').Split('\n');
            Assert.Equal(2, lines.Length);
            Assert.StartsWith("{\"eventId\":\"e1\",\"outcome\":\"blocked\",\"decision\":{\"allowed\":false,\"denied\":true,\"warn\":false,\"guard\":\"forbidden_path\",\"severity\":\"critical\",\"message\":\"Access to forbidden path: /etc/shadow\",\"reason\":null},\"report\":{\"overall\":{\"allowed\":false,\"guard\":\"forbidden_path\",\"severity\":\"critical\",\"message\":\"Access to forbidden path: /etc/shadow\",\"details\":{\"path\":\"/etc/shadow\",\"reason\":\"matches_forbidden_pattern\"}}", lines[0]);
            Assert.Contains("Simulation complete: total=2, allowed=1, warn=0, blocked=1", r.Stderr);
        }

        [Fact]
        public void Json_report_has_the_reference_envelope()
        {
            var r = CliRun.WithInput(Blocked + "\n" + Allowed + "\n", "simulate", "clawdstrike:default", "-", "--json");
            Assert.StartsWith("{\n  \"version\": 1,\n  \"command\": \"policy_simulate\",\n  \"policy\": {\n    \"kind\": \"ruleset\",\n    \"name\": \"default\"\n  },\n  \"events\": {\n    \"path\": \"-\",\n    \"count\": 2\n  },\n  \"summary\": {\n    \"total\": 2,\n    \"allowed\": 1,\n    \"warn\": 0,\n    \"blocked\": 1\n  },\n  \"results\": [\n    {\n      \"eventId\": \"e1\",", r.Stdout);
            using var doc = JsonDocument.Parse(r.Stdout);
            Assert.Equal(2, doc.RootElement.GetProperty("exit_code").GetInt32());
            Assert.Equal(2, doc.RootElement.GetProperty("results").GetArrayLength());
            Assert.False(doc.RootElement.TryGetProperty("error", out _));
        }

        [Fact]
        public void Summary_leaves_results_empty()
        {
            var r = CliRun.WithInput(Blocked, "simulate", "default", "-", "--json", "--summary");
            using var doc = JsonDocument.Parse(r.Stdout);
            Assert.Equal(0, doc.RootElement.GetProperty("results").GetArrayLength());
            Assert.Contains("\"results\": [],", r.Stdout);
        }

        [Fact]
        public void Bad_lines_are_reported_counted_and_the_rest_decided()
        {
            var r = CliRun.WithInput(Allowed + "\nnot json\n" + Blocked + "\n", "simulate", "default", "-");
            Assert.Equal(3, r.ExitCode);
            Assert.Contains("Simulation complete: total=2, allowed=1, warn=0, blocked=1", r.Stdout);
            Assert.Contains("Invalid PolicyEvent JSON on line 2:", r.Stderr);
            Assert.Contains("1 record(s) could not be decided", r.Stderr);
        }

        [Fact]
        public void Strict_stops_at_the_first_bad_record()
        {
            var r = CliRun.WithInput(Allowed + "\n{\"eventId\":\"x\",\"eventType\":\"file_read\",\"timestamp\":\"2026-02-03T00:00:00Z\",\"data\":{\"type\":\"network\",\"host\":\"x\",\"port\":1}}\n" + Blocked + "\n", "simulate", "default", "-", "--strict", "--json");
            Assert.Equal(3, r.ExitCode);
            using var doc = JsonDocument.Parse(r.Stdout);
            Assert.Equal(1, doc.RootElement.GetProperty("summary").GetProperty("total").GetInt32());
            Assert.Equal("Failed to map PolicyEvent on line 2: eventType file_read does not match data.type network", doc.RootElement.GetProperty("error").GetProperty("message").GetString());
            Assert.Equal("config_error", doc.RootElement.GetProperty("error").GetProperty("kind").GetString());
        }

        [Fact]
        public void Unknown_policy_file_is_exit_4_and_invalid_policy_exit_3()
        {
            var missing = CliRun.WithInput(Allowed, "simulate", "nope.yaml", "-");
            Assert.Equal(4, missing.ExitCode);
            Assert.Contains("Error: \"nope.yaml\" is not a known ruleset; failed to load policy file: IO error: No such file or directory (os error 2)", missing.Stderr);

            string bad = Path.Combine(Path.GetTempPath(), "policysim-bad-" + System.Guid.NewGuid().ToString("N") + ".yaml");
            File.WriteAllText(bad, "version: \"1.1.0\"\nsettings: {failfast: true}\n");
            try
            {
                var invalid = CliRun.WithInput(Allowed, "simulate", bad, "-", "--json");
                Assert.Equal(3, invalid.ExitCode);
                using var doc = JsonDocument.Parse(invalid.Stdout);
                Assert.Equal("policy_file", doc.RootElement.GetProperty("policy").GetProperty("kind").GetString());
                Assert.Contains("unknown field `failfast`", doc.RootElement.GetProperty("error").GetProperty("message").GetString());
            }
            finally
            {
                File.Delete(bad);
            }
        }

        [Fact]
        public void Json_and_jsonl_together_is_a_usage_error()
        {
            Assert.Equal(5, CliRun.WithInput(Allowed, "simulate", "default", "-", "--json", "--jsonl").ExitCode);
            Assert.Equal(5, CliRun.Invoke("simulate", "default", "-", "--bogus").ExitCode);
        }

        [Fact]
        public void Pretty_json_array_files_are_read()
        {
            var r = CliRun.Invoke("simulate", "default", Path.Combine("examples", "events", "audit.pretty.json"), "--no-fail-on-deny");
            Assert.Equal(0, r.ExitCode);
            Assert.Equal("Simulation complete: total=8, allowed=4, warn=0, blocked=4\n", r.Stdout);
        }

        [Fact]
        public void Benchmark_prints_throughput_on_stderr()
        {
            var r = CliRun.WithInput(Allowed, "simulate", "default", "-", "--benchmark");
            Assert.Matches(@"Benchmark: events=1, duration_ms=\d+, events_per_sec=\d+\.\d\d", r.Stderr);
        }
    }
}
