using System.IO;
using System.Text.Json;

namespace PolicySim.Tests
{
    public class EvalCommandTests
    {
        [Fact]
        public void Blocked_text_goes_to_stderr_with_severity()
        {
            var r = CliRun.Invoke("eval", "default", Path.Combine("examples", "events", "single-event.json"));
            Assert.Equal(2, r.ExitCode);
            Assert.Equal("BLOCKED [forbidden_path] (Critical): Access to forbidden path: /home/alice/.ssh/id_rsa\n", r.Stderr);
        }

        [Fact]
        public void Allowed_and_warn_text_go_to_stdout()
        {
            var allow = CliRun.WithInput("{\"eventId\":\"e\",\"eventType\":\"command_exec\",\"timestamp\":\"2026-02-03T00:00:00Z\",\"data\":{\"type\":\"command\",\"command\":\"ls\"}}", "eval", "strict", "-");
            Assert.Equal("ALLOWED: Allowed\n", allow.Stdout);
            Assert.Equal(0, allow.ExitCode);
            var warn = CliRun.WithInput("{\"eventId\":\"e\",\"eventType\":\"tool_call\",\"timestamp\":\"2026-02-03T00:00:00Z\",\"data\":{\"type\":\"tool\",\"toolName\":\"git_push\"},\"metadata\":{\"toolKind\":\"MCP\"}}", "eval", "default", "-");
            Assert.Equal("WARN [mcp_tool]: Tool 'git_push' requires confirmation\n", warn.Stdout);
            Assert.Equal(1, warn.ExitCode);
        }

        [Fact]
        public void Json_output_carries_the_normalized_event_and_decision()
        {
            var r = CliRun.WithInput("{\"event_id\":\"e2\",\"event_type\":\"file_write\",\"timestamp\":\"2026-02-03T00:00:00Z\",\"data\":{\"type\":\"file\",\"file_path\":\"/tmp/a\"}}", "eval", "default", "-", "--json");
            Assert.Equal(0, r.ExitCode);
            using var doc = JsonDocument.Parse(r.Stdout);
            var root = doc.RootElement;
            Assert.Equal("policy_eval", root.GetProperty("command").GetString());
            Assert.Equal("e2", root.GetProperty("event").GetProperty("eventId").GetString());
            Assert.Equal("allowed", root.GetProperty("outcome").GetString());
            Assert.Equal("missing_content_bytes", root.GetProperty("decision").GetProperty("reason").GetString());
        }

        [Fact]
        public void Unmappable_event_is_an_error_outcome()
        {
            var r = CliRun.WithInput("{\"eventId\":\"e\",\"eventType\":\"process_start\",\"timestamp\":\"2026-02-03T00:00:00Z\",\"data\":{\"type\":\"x\"}}", "eval", "default", "-", "--json");
            Assert.Equal(3, r.ExitCode);
            using var doc = JsonDocument.Parse(r.Stdout);
            Assert.Equal("error", doc.RootElement.GetProperty("outcome").GetString());
            Assert.Contains("unsupported eventType: process_start", doc.RootElement.GetProperty("error").GetProperty("message").GetString());
            Assert.Equal("engine", doc.RootElement.GetProperty("report").GetProperty("overall").GetProperty("guard").GetString());
        }
    }
}
