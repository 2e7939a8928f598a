using System.Text;
using PolicySim.Evaluation;
using PolicySim.Events;
using PolicySim.Serialization;

namespace PolicySim.Tests.Events
{
    public class PolicyEventMapperTests
    {
        private const string Ts = "\"timestamp\":\"2026-02-03T00:00:00Z\"";

        private static MappedEvent Map(string json) => PolicyEventMapper.Map(PolicyEventParser.Parse(json));

        private static string MapFail(string json) => Assert.Throws<PolicyEventMappingException>(() => Map(json)).Message;

        private static string Event(string eventType, string data, string extra = "")
            => "{\"eventId\":\"e\",\"eventType\":\"" + eventType + "\"," + Ts + extra + ",\"data\":" + data + "}";

        [Fact]
        public void Spec_example_type_mismatch()
        {
            Assert.Equal("eventType file_read does not match data.type network",
                MapFail("{\"eventId\":\"e1\",\"eventType\":\"file_read\",\"timestamp\":\"2026-02-03T00:00:00Z\",\"data\":{\"type\":\"network\",\"host\":\"x\",\"port\":1}}"));
        }

        [Fact]
        public void Spec_example_tool_call_without_metadata_is_custom()
        {
            var m = Map("{\"event_id\":\"e2\",\"event_type\":\"tool_call\",\"timestamp\":\"2026-02-03T00:00:00Z\",\"data\":{\"type\":\"tool\",\"tool_name\":\"shell_exec\"}}");
            var action = Assert.IsType<CustomAction>(m.Action);
            Assert.Equal("tool_call", action.CustomKind);
            Assert.Equal("{\"parameters\":{},\"toolName\":\"shell_exec\",\"type\":\"tool\"}", SerdeJsonWriter.Serialize(action.Payload));
            Assert.Null(m.Reason);
        }

        [Fact]
        public void Spec_example_tool_call_with_mcp_metadata_is_mcp_tool()
        {
            var m = Map("{\"event_id\":\"e2\",\"event_type\":\"tool_call\",\"timestamp\":\"2026-02-03T00:00:00Z\",\"data\":{\"type\":\"tool\",\"tool_name\":\"shell_exec\"},\"metadata\":{\"toolKind\":\"MCP\"}}");
            var action = Assert.IsType<McpToolAction>(m.Action);
            Assert.Equal("shell_exec", action.ToolName);
            Assert.Equal("{}", SerdeJsonWriter.Serialize(action.Parameters));
        }

        [Fact]
        public void Spec_example_base64_wins_over_content()
        {
            var m = Map(Event("file_write", "{\"type\":\"file\",\"path\":\"a.txt\",\"content\":\"x\",\"contentBase64\":\"eQ==\"}"));
            var action = Assert.IsType<FileWriteAction>(m.Action);
            Assert.Equal("y", Encoding.UTF8.GetString(action.Content.ToArray()));
            Assert.Null(m.Reason);
        }

        [Fact]
        public void Spec_example_unsupported_event_type()
        {
            Assert.Equal("unsupported eventType: process_start", MapFail(Event("process_start", "{\"type\":\"file\",\"path\":\"p\"}")));
            Assert.Equal("unsupported eventType: process_start", MapFail(Event("process_start", "{\"type\":\"process\"}")));
        }

        [Theory]
        [InlineData("file_read", "network")]
        [InlineData("file_write", "command")]
        [InlineData("network_egress", "file")]
        [InlineData("command_exec", "tool")]
        [InlineData("patch_apply", "file")]
        [InlineData("tool_call", "custom")]
        [InlineData("secret_access", "tool")]
        [InlineData("custom", "whatever")]
        public void Known_event_types_require_their_data_type(string eventType, string dataType)
        {
            string data = dataType switch
            {
                "network" => "{\"type\":\"network\",\"host\":\"h\",\"port\":1}",
                "command" => "{\"type\":\"command\",\"command\":\"ls\"}",
                "file" => "{\"type\":\"file\",\"path\":\"p\"}",
                "tool" => "{\"type\":\"tool\",\"toolName\":\"t\"}",
                "custom" => "{\"type\":\"custom\",\"customType\":\"c\"}",
                _ => "{\"type\":\"" + dataType + "\"}",
            };
            Assert.Equal("eventType " + eventType + " does not match data.type " + dataType, MapFail(Event(eventType, data)));
        }

        [Fact]
        public void File_read_maps_to_file_access_ignoring_content()
        {
            var action = Assert.IsType<FileAccessAction>(Map(Event("file_read", "{\"type\":\"file\",\"file_path\":\"/etc/passwd\",\"contentBase64\":\"!!\"}")).Action);
            Assert.Equal("/etc/passwd", action.Path);
        }

        [Fact]
        public void File_write_uses_utf8_content_when_no_base64()
        {
            var action = Assert.IsType<FileWriteAction>(Map(Event("file_write", "{\"type\":\"file\",\"path\":\"a\",\"content\":\"é\"}")).Action);
            Assert.Equal(new byte[] { 0xC3, 0xA9 }, action.Content.ToArray());
        }

        [Fact]
        public void File_write_without_content_has_empty_bytes_and_reason()
        {
            var m = Map(Event("file_write", "{\"type\":\"file\",\"path\":\"a\",\"contentHash\":\"abc\"}"));
            Assert.Equal(0, Assert.IsType<FileWriteAction>(m.Action).Content.Length);
            Assert.Equal("missing_content_bytes", m.Reason);
        }

        [Theory]
        [InlineData("", "")]
        [InlineData("eQ==", "y")]
        [InlineData("eHk=", "xy")]
        [InlineData("eHl6", "xyz")]
        [InlineData("aGVsbG8gd29ybGQ=", "hello world")]
        public void Valid_base64_decodes(string base64, string expected)
        {
            var action = Assert.IsType<FileWriteAction>(Map(Event("file_write", "{\"type\":\"file\",\"path\":\"a\",\"content_base64\":\"" + base64 + "\"}")).Action);
            Assert.Equal(expected, Encoding.UTF8.GetString(action.Content.ToArray()));
        }

        [Theory]
        [InlineData("eQ")]
        [InlineData("eQ=")]
        [InlineData("eR==")]
        [InlineData("eHm=")]
        [InlineData("eQ==eQ==")]
        [InlineData("e Q==")]
        [InlineData("eQ==\\n")]
        [InlineData("e-_=")]
        [InlineData("====")]
        [InlineData("A===")]
        public void Invalid_base64_is_a_mapping_error(string base64)
        {
            Assert.Equal("invalid base64 for data.contentBase64",
                MapFail(Event("file_write", "{\"type\":\"file\",\"path\":\"a\",\"content\":\"x\",\"contentBase64\":\"" + base64 + "\"}")));
        }

        [Fact]
        public void Network_egress_maps_host_and_port()
        {
            var action = Assert.IsType<NetworkEgressAction>(Map(Event("network_egress", "{\"type\":\"network\",\"host\":\"API.github.com\",\"port\":443,\"url\":\"https://x\"}")).Action);
            Assert.Equal("API.github.com", action.Host);
            Assert.Equal(443, action.Port);
        }

        [Theory]
        [InlineData("ls", "[]", "ls")]
        [InlineData("ls", "[\"-la\",\"/tmp\"]", "ls -la /tmp")]
        [InlineData("echo", "[\"a b\"]", "echo 'a b'")]
        [InlineData("echo", "[\"it's\"]", "echo 'it'\"'\"'s'")]
        [InlineData("echo", "[\"\"]", "echo ''")]
        [InlineData("rm -rf", "[\"x\"]", "'rm -rf' x")]
        [InlineData("a", "[\"A-Za-z0-9_@%+=:,./-\"]", "a A-Za-z0-9_@%+=:,./-")]
        [InlineData("a", "[\"$HOME\",\"*\",\"é\",\"x;y\"]", "a '$HOME' '*' 'é' 'x;y'")]
        public void Command_exec_builds_a_posix_quoted_command_line(string command, string args, string expected)
        {
            var action = Assert.IsType<ShellCommandAction>(Map(Event("command_exec", "{\"type\":\"command\",\"command\":\"" + command + "\",\"args\":" + args + "}")).Action);
            Assert.Equal(expected, action.CommandLine);
        }

        [Theory]
        [InlineData("", "a b", "'a b'")]
        [InlineData("", "it's", "'it'\"'\"'s'")]
        [InlineData("", "", "''")]
        public void Posix_quoting_examples(string _, string word, string expected) => Assert.Equal(expected, PosixShell.Quote(word));

        [Fact]
        public void Patch_apply_maps_path_and_diff()
        {
            var action = Assert.IsType<PatchAction>(Map(Event("patch_apply", "{\"type\":\"patch\",\"file_path\":\"src/a.rs\",\"patch_content\":\"+x\\n\"}")).Action);
            Assert.Equal("src/a.rs", action.Path);
            Assert.Equal("+x\n", action.Diff);
        }

        [Theory]
        [InlineData("{\"toolKind\":\"mcp\"}", "t", true)]
        [InlineData("{\"toolKind\":\"Mcp\"}", "t", true)]
        [InlineData("{\"tool_kind\":\"MCP\"}", "t", true)]
        [InlineData("{\"toolKind\":\"native\",\"tool_kind\":\"mcp\"}", "t", false)]
        [InlineData("{\"toolKind\":5,\"tool_kind\":\"mcp\"}", "t", true)]
        [InlineData("{\"toolKind\":null,\"tool_kind\":\"mcp\"}", "t", true)]
        [InlineData("{\"toolKind\":\"mcp \"}", "t", false)]
        [InlineData("{\"ToolKind\":\"mcp\"}", "t", false)]
        [InlineData("[\"mcp\"]", "t", false)]
        [InlineData("\"mcp\"", "t", false)]
        [InlineData("null", "mcp__blender__run", true)]
        [InlineData("{}", "MCP__x", false)]
        [InlineData("{}", "mcp_x", false)]
        public void Mcp_detection(string metadata, string toolName, bool isMcp)
        {
            var m = Map(Event("tool_call", "{\"type\":\"tool\",\"toolName\":\"" + toolName + "\",\"parameters\":{\"b\":1,\"a\":[2]}}", ",\"metadata\":" + metadata));
            if (isMcp)
            {
                var action = Assert.IsType<McpToolAction>(m.Action);
                Assert.Equal(toolName, action.ToolName);
                Assert.Equal("{\"a\":[2],\"b\":1}", SerdeJsonWriter.Serialize(action.Parameters));
            }
            else
            {
                Assert.Equal("tool_call", Assert.IsType<CustomAction>(m.Action).CustomKind);
            }
        }

        [Fact]
        public void Secret_access_is_custom_with_normalized_payload()
        {
            var action = Assert.IsType<CustomAction>(Map(Event("secret_access", "{\"type\":\"secret\",\"secret_name\":\"db\",\"scope\":\"prod\",\"x\":1}")).Action);
            Assert.Equal("secret_access", action.CustomKind);
            Assert.Equal("{\"scope\":\"prod\",\"secretName\":\"db\",\"type\":\"secret\"}", SerdeJsonWriter.Serialize(action.Payload));
        }

        [Fact]
        public void Custom_maps_to_its_custom_type_with_extra_keys()
        {
            var action = Assert.IsType<CustomAction>(Map(Event("custom", "{\"type\":\"custom\",\"customType\":\"untrusted_text\",\"text\":\"…\"}")).Action);
            Assert.Equal("untrusted_text", action.CustomKind);
            Assert.Equal("{\"customType\":\"untrusted_text\",\"text\":\"…\",\"type\":\"custom\"}", SerdeJsonWriter.Serialize(action.Payload));
        }

        [Fact]
        public void Normalized_event_uses_struct_order_and_omits_context()
        {
            var e = PolicyEventParser.Parse("{\"context\":{\"c\":1},\"metadata\":{\"z\":1,\"a\":2},\"data\":{\"path\":\"a\",\"content\":\"x\",\"type\":\"file\"},"
                + "\"session_id\":\"s\",\"timestamp\":\"2026-02-03T01:00:00.5+01:00\",\"event_type\":\"file_write\",\"event_id\":\"e\"}");
            var w = new SerdeJsonWriter();
            PolicyEventMapper.WriteNormalizedEvent(w, e);
            Assert.Equal("{\"eventId\":\"e\",\"eventType\":\"file_write\",\"timestamp\":\"2026-02-03T00:00:00.500Z\",\"sessionId\":\"s\","
                + "\"data\":{\"type\":\"file\",\"path\":\"a\",\"content\":\"x\"},\"metadata\":{\"a\":2,\"z\":1}}", w.ToString());
        }

        [Fact]
        public void Normalized_event_pretty_and_custom_extras()
        {
            var e = PolicyEventParser.Parse(Event("custom", "{\"type\":\"custom\",\"text\":\"t\",\"customType\":\"user_input\",\"a\":1}"));
            var w = new SerdeJsonWriter(pretty: true);
            PolicyEventMapper.WriteNormalizedEvent(w, e);
            Assert.Equal("{\n  \"eventId\": \"e\",\n  \"eventType\": \"custom\",\n  \"timestamp\": \"2026-02-03T00:00:00Z\",\n  \"data\": {\n    \"type\": \"custom\",\n    \"customType\": \"user_input\",\n    \"a\": 1,\n    \"text\": \"t\"\n  }\n}", w.ToString());
        }

        [Theory]
        [InlineData("2026-02-03T00:00:00Z", "2026-02-03T00:00:00Z")]
        [InlineData("2026-02-03T00:00:00.123Z", "2026-02-03T00:00:00.123Z")]
        [InlineData("2026-02-03T00:00:00.1234Z", "2026-02-03T00:00:00.123400Z")]
        [InlineData("2026-02-03T00:00:00.1234567Z", "2026-02-03T00:00:00.123456700Z")]
        [InlineData("2026-02-02T19:00:00-05:00", "2026-02-03T00:00:00Z")]
        public void Timestamps_are_written_in_utc_like_chrono(string input, string expected)
        {
            var e = PolicyEventParser.Parse("{\"eventId\":\"e\",\"eventType\":\"x\",\"timestamp\":\"" + input + "\",\"data\":{\"type\":\"x\"}}");
            Assert.Equal(expected, PolicyEventMapper.FormatTimestamp(e.Timestamp));
        }
    
        [Fact]
        public void An_event_is_mapped_once_and_its_written_bytes_are_encoded_on_demand()
        {
            PolicyEvent ev = PolicyEventParser.Parse(Event("file_write", "{\"type\":\"file\",\"path\":\"/a\",\"content\":\"h\u00e9llo \\ud83d\\ude00\"}"));
            MappedEvent first = ev.Mapped();
            Assert.Same(first, ev.Mapped());
            var write = Assert.IsType<FileWriteAction>(first.Action);
            Assert.False(write.IsEmpty);
            Assert.Equal(Encoding.UTF8.GetBytes("h\u00e9llo \U0001F600"), write.Content.ToArray());
            Assert.Null(write.Text); // surrogate pairs: scanners decode the bytes

            var plain = Assert.IsType<FileWriteAction>(PolicyEventParser.Parse(Event("file_write", "{\"type\":\"file\",\"path\":\"/a\",\"content\":\"abc\"}")).Mapped().Action);
            Assert.Equal("abc", plain.Text);
            Assert.Equal(new byte[] { 0x61, 0x62, 0x63 }, plain.Content.ToArray());

            // A lone surrogate (the parser rejects them, other callers may not) is written as U+FFFD.
            var lone = new FileWriteAction("/a", "x\ud800");
            Assert.Equal(new byte[] { 0x78, 0xEF, 0xBF, 0xBD }, lone.Content.ToArray());

            var empty = Assert.IsType<FileWriteAction>(PolicyEventParser.Parse(Event("file_write", "{\"type\":\"file\",\"path\":\"/a\",\"content\":\"\"}")).Mapped().Action);
            Assert.True(empty.IsEmpty);
            Assert.Equal(0, empty.Content.Length);
        }
    }
}
