using PolicySim.Evaluation;
using PolicySim.Events;
using PolicySim.Replay;

namespace PolicySim.Tests.Replay
{
    /// <summary>Redacted inputs make a decision Unknown; the per-thread reuse of what was read must follow the event.</summary>
    public class DecisionInputsTests
    {
        private static PolicyEvent Text(string id, string text) => PolicyEventParser.Parse(
            "{\"eventId\":\"" + id + "\",\"eventType\":\"custom\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":{\"type\":\"custom\",\"customType\":\"untrusted_text\",\"text\":\"" + text + "\"}}");

        private static IReadOnlyList<string> Unknown(PolicyEvent ev) =>
            DecisionInputs.UnknownFields(ev, Array.Empty<string>(), PolicyDecider.Decide(TestPolicies.BuiltIn("strict"), ev));

        [Fact]
        public void Each_event_is_judged_by_its_own_fields_when_events_alternate_on_one_thread()
        {
            PolicyEvent redacted = Text("a", "[REDACTED]");
            PolicyEvent plain = Text("b", "hello there");
            PolicyEvent hash = Text("c", "sha256:abcdef0123456789");
            for (int round = 0; round < 2; round++)
            {
                Assert.Equal(new[] { "data.text" }, Unknown(redacted));
                Assert.Empty(Unknown(plain));
                Assert.Equal(new[] { "data.text" }, Unknown(hash));
                Assert.Equal(new[] { "data.text" }, Unknown(redacted));
                Assert.Empty(Unknown(plain));
            }
        }

        [Theory]
        [InlineData("file_read", "{\"type\":\"file\",\"path\":\"[redacted]\"}", "data.path")]
        [InlineData("file_write", "{\"type\":\"file\",\"path\":\"/w/a.txt\",\"content\":\"[redacted]\"}", "data.content")]
        [InlineData("network_egress", "{\"type\":\"network\",\"host\":\"<redacted>\",\"port\":443}", "data.host")]
        [InlineData("tool_call", "{\"type\":\"tool\",\"toolName\":\"[REDACTED]\",\"parameters\":{}}", "data.toolName")]
        [InlineData("tool_call", "{\"type\":\"tool\",\"toolName\":\"search\",\"parameters\":{\"q\":[\"sha256:abcdef\"]}}", "data.parameters")]
        [InlineData("patch_apply", "{\"type\":\"patch\",\"filePath\":\"[redacted]\",\"patchContent\":\"+a\"}", "data.filePath")]
        [InlineData("patch_apply", "{\"type\":\"patch\",\"filePath\":\"/w/a.txt\",\"patchContent\":\"[redacted]\"}", "data.patchContent")]
        public void Every_field_a_guard_reads_makes_the_decision_unknown_when_redacted(string eventType, string data, string field)
        {
            // Tool calls as MCP calls (mcp_tool reads only those). A redacted contentBase64 fails mapping before any
            // guard runs (DecisionInputs.RedactedBeforeMapping), so it has no row here.
            string metadata = eventType == "tool_call" ? ",\"metadata\":{\"toolKind\":\"mcp\"}" : string.Empty;
            PolicyEvent ev = PolicyEventParser.Parse(
                "{\"eventId\":\"r\",\"eventType\":\"" + eventType + "\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"data\":" + data + metadata + "}");
            Assert.Contains(field, Unknown(ev));
        }

        [Theory]
        [InlineData("sha256:9f86d081884c7d659a2feaa0c55ad015", true)]
        [InlineData("  SHA1-ABCDEF  ", true)]
        [InlineData("md5=abc+/=_-", true)]
        [InlineData("sha3-256:abc", true)]
        [InlineData("blake3:xyz", true)]
        [InlineData("[redacted]", true)]
        [InlineData("<Redacted>", true)]
        [InlineData("***", true)]
        [InlineData("**", false)]
        [InlineData("search", false)]
        [InlineData("read_file", false)]
        [InlineData("sha256abc", false)]
        [InlineData("sha256:", false)]
        [InlineData("sha256:abc def", false)]
        [InlineData("crc32:abc", false)]
        [InlineData("/workspace/sha256:abc", false)]
        public void Redacted_values_are_the_markers_asterisks_and_bare_hashes(string value, bool redacted)
        {
            Assert.Equal(redacted, DecisionInputs.IsRedacted(value));
        }
    }
}
