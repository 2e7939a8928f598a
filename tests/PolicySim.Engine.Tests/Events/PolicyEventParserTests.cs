using System.Text.Json;
using PolicySim.Events;
using PolicySim.Serialization;

namespace PolicySim.Tests.Events
{
    public class PolicyEventParserTests
    {
        private const string Ts = "\"timestamp\":\"2026-02-03T00:00:00Z\"";

        private static PolicyEvent P(string json) => PolicyEventParser.Parse(json);

        private static string Fail(string json) => Assert.Throws<PolicyEventFormatException>(() => P(json)).Message;

        [Fact]
        public void Parses_canonical_envelope()
        {
            var e = P("{\"eventId\":\"e1\",\"eventType\":\"file_read\"," + Ts + ",\"sessionId\":\"s1\",\"data\":{\"type\":\"file\",\"path\":\"/etc/passwd\"},\"metadata\":{\"agentId\":\"a1\"},\"context\":{\"x\":1}}");
            Assert.Equal("e1", e.EventId);
            Assert.Equal("file_read", e.EventType);
            Assert.Equal(new DateTimeOffset(2026, 2, 3, 0, 0, 0, TimeSpan.Zero), e.Timestamp);
            Assert.Equal("2026-02-03T00:00:00Z", e.TimestampText);
            Assert.Equal("s1", e.SessionId);
            Assert.Equal("file", e.DataType);
            Assert.Equal("a1", e.AgentId);
            Assert.Equal(JsonValueKind.Object, e.Context!.Value.ValueKind);
            Assert.Equal("{\"path\":\"/etc/passwd\",\"type\":\"file\"}", SerdeJsonWriter.Serialize(e.Data));
            Assert.Equal("file_read e1 /etc/passwd", e.ToString());
        }

        [Fact]
        public void Parses_snake_case_aliases()
        {
            var e = P("{\"event_id\":\"e2\",\"event_type\":\"tool_call\"," + Ts + ",\"session_id\":\"s\",\"data\":{\"type\":\"tool\",\"tool_name\":\"shell_exec\"},\"metadata\":{\"agent_id\":\"x\"}}");
            Assert.Equal("e2", e.EventId);
            Assert.Equal("s", e.SessionId);
            Assert.Equal("x", e.AgentId);
            Assert.Equal("{\"parameters\":{},\"toolName\":\"shell_exec\",\"type\":\"tool\"}", SerdeJsonWriter.Serialize(e.Data));
        }

        [Theory]
        [InlineData("\"eventId\":\"a\",\"event_id\":\"b\"", "eventId")]
        [InlineData("\"eventId\":\"a\",\"eventId\":\"b\"", "eventId")]
        [InlineData("\"eventId\":\"a\",\"session_id\":\"x\",\"sessionId\":null", "sessionId")]
        public void Canonical_and_alias_together_is_a_duplicate_field(string ids, string field)
        {
            string message = Fail("{" + ids + ",\"eventType\":\"file_read\"," + Ts + ",\"data\":{\"type\":\"file\",\"path\":\"p\"}}");
            Assert.Equal("duplicate field `" + field + "`", message);
        }

        [Fact]
        public void Duplicate_alias_inside_data_is_an_error()
        {
            Assert.Equal("duplicate field `path`",
                Fail("{\"eventId\":\"a\",\"eventType\":\"file_read\"," + Ts + ",\"data\":{\"type\":\"file\",\"path\":\"p\",\"file_path\":\"q\"}}"));
        }

        [Theory]
        [InlineData("{\"eventType\":\"file_read\"," + Ts + ",\"data\":{\"type\":\"file\",\"path\":\"p\"}}", "missing field `eventId`")]
        [InlineData("{\"eventId\":\"e\"," + Ts + ",\"data\":{\"type\":\"file\",\"path\":\"p\"}}", "missing field `eventType`")]
        [InlineData("{\"eventId\":\"e\",\"eventType\":\"file_read\",\"data\":{\"type\":\"file\",\"path\":\"p\"}}", "missing field `timestamp`")]
        [InlineData("{\"eventId\":\"e\",\"eventType\":\"file_read\"," + Ts + "}", "missing field `data`")]
        [InlineData("{\"EventId\":\"e\",\"eventType\":\"file_read\"," + Ts + ",\"data\":{\"type\":\"file\",\"path\":\"p\"}}", "missing field `eventId`")]
        [InlineData("{\"eventId\":\"e\",\"eventType\":\"file_read\"," + Ts + ",\"data\":{\"type\":\"file\"}}", "missing field `path`")]
        [InlineData("{\"eventId\":\"e\",\"eventType\":\"network_egress\"," + Ts + ",\"data\":{\"type\":\"network\",\"host\":\"h\"}}", "missing field `port`")]
        [InlineData("{\"eventId\":\"e\",\"eventType\":\"patch_apply\"," + Ts + ",\"data\":{\"type\":\"patch\",\"filePath\":\"f\"}}", "missing field `patchContent`")]
        [InlineData("{\"eventId\":\"e\",\"eventType\":\"secret_access\"," + Ts + ",\"data\":{\"type\":\"secret\",\"secretName\":\"s\"}}", "missing field `scope`")]
        [InlineData("{\"eventId\":\"e\",\"eventType\":\"custom\"," + Ts + ",\"data\":{\"type\":\"custom\",\"text\":\"t\"}}", "missing field `customType`")]
        [InlineData("{\"eventId\":\"e\",\"eventType\":\"command_exec\"," + Ts + ",\"data\":{\"type\":\"command\"}}", "missing field `command`")]
        [InlineData("{\"eventId\":\"e\",\"eventType\":\"tool_call\"," + Ts + ",\"data\":{\"type\":\"tool\"}}", "missing field `toolName`")]
        public void Missing_required_fields_are_named(string json, string expected) => Assert.Equal(expected, Fail(json));

        [Theory]
        [InlineData("\"port\":\"443\"", "invalid type: string \"443\", expected u16")]
        [InlineData("\"port\":70000", "invalid value: integer `70000`, expected u16")]
        [InlineData("\"port\":-1", "invalid value: integer `-1`, expected u16")]
        [InlineData("\"port\":443.5", "invalid type: floating point `443.5`, expected u16")]
        [InlineData("\"port\":1e2", "invalid type: floating point `100.0`, expected u16")]
        [InlineData("\"port\":null", "invalid type: null, expected u16")]
        [InlineData("\"port\":18446744073709551615", "invalid value: integer `18446744073709551615`, expected u16")]
        [InlineData("\"port\":99999999999999999999", "invalid type: floating point `1e20`, expected u16")]
        [InlineData("\"port\":-0", "invalid type: floating point `-0.0`, expected u16")]
        public void Port_must_be_an_integer_0_to_65535(string port, string expected)
        {
            Assert.Equal(expected, Fail("{\"eventId\":\"e\",\"eventType\":\"network_egress\"," + Ts + ",\"data\":{\"type\":\"network\",\"host\":\"h\"," + port + "}}"));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(443)]
        [InlineData(65535)]
        public void Port_accepts_the_u16_range(int port)
        {
            var e = P("{\"eventId\":\"e\",\"eventType\":\"network_egress\"," + Ts + ",\"data\":{\"type\":\"network\",\"host\":\"h\",\"port\":" + port + "}}");
            Assert.Equal(port, e.Fields.Port);
        }

        [Theory]
        [InlineData("{\"eventId\":5,\"eventType\":\"x\"," + Ts + ",\"data\":{\"type\":\"x\"}}", "invalid type: integer `5`, expected a string")]
        [InlineData("{\"eventId\":\"e\",\"eventType\":true," + Ts + ",\"data\":{\"type\":\"x\"}}", "invalid type: boolean `true`, expected a string")]
        [InlineData("{\"eventId\":\"e\",\"eventType\":\"x\",\"sessionId\":[]," + Ts + ",\"data\":{\"type\":\"x\"}}", "invalid type: sequence, expected a string")]
        [InlineData("{\"eventId\":\"e\",\"eventType\":\"command_exec\"," + Ts + ",\"data\":{\"type\":\"command\",\"command\":\"ls\",\"args\":[\"a\",1]}}", "invalid type: integer `1`, expected a string")]
        [InlineData("{\"eventId\":\"e\",\"eventType\":\"command_exec\"," + Ts + ",\"data\":{\"type\":\"command\",\"command\":\"ls\",\"args\":\"-la\"}}", "invalid type: string \"-la\", expected a sequence")]
        [InlineData("{\"eventId\":\"e\",\"eventType\":\"file_read\"," + Ts + ",\"data\":{\"type\":\"file\",\"path\":{}}}", "invalid type: map, expected a string")]
        [InlineData("[1]", "invalid type: sequence, expected struct PolicyEvent")]
        public void Wrong_types_are_rejected(string json, string expected) => Assert.Equal(expected, Fail(json));

        [Theory]
        [InlineData("{\"eventId\":\"e\",\"eventType\":\"x\"," + Ts + ",\"data\":[]}", "data must be an object")]
        [InlineData("{\"eventId\":\"e\",\"eventType\":\"x\"," + Ts + ",\"data\":\"s\"}", "data must be an object")]
        [InlineData("{\"eventId\":\"e\",\"eventType\":\"x\"," + Ts + ",\"data\":{}}", "data.type must be a string")]
        [InlineData("{\"eventId\":\"e\",\"eventType\":\"x\"," + Ts + ",\"data\":{\"type\":1}}", "data.type must be a string")]
        public void Data_must_be_an_object_with_a_string_type(string json, string expected) => Assert.Equal(expected, Fail(json));

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("\\t\\n")]
        public void Event_id_must_be_non_empty_after_trimming(string id)
        {
            Assert.Contains("eventId", Fail("{\"eventId\":\"" + id + "\",\"eventType\":\"x\"," + Ts + ",\"data\":{\"type\":\"x\"}}"));
        }

        [Theory]
        [InlineData("2026-02-03T00:00:00Z", "2026-02-03T00:00:00.0000000+00:00")]
        [InlineData("2026-02-03t00:00:00z", "2026-02-03T00:00:00.0000000+00:00")]
        [InlineData("2026-02-03 01:02:03+01:00", "2026-02-03T01:02:03.0000000+01:00")]
        [InlineData("2026-02-03T01:02:03.123456789-0530", "2026-02-03T01:02:03.1234567-05:30")]
        [InlineData("2026-02-03T00:00:00.5Z", "2026-02-03T00:00:00.5000000+00:00")]
        [InlineData("2026-02-03T00:00:00 UTC", "2026-02-03T00:00:00.0000000+00:00")]
        [InlineData("2024-02-29T23:59:60Z", "2024-02-29T23:59:59.9999999+00:00")]
        public void Timestamps_follow_chrono_relaxed_rfc3339(string text, string roundTrip)
        {
            var e = P("{\"eventId\":\"e\",\"eventType\":\"x\",\"timestamp\":\"" + text + "\",\"data\":{\"type\":\"x\"}}");
            Assert.Equal(roundTrip, e.Timestamp.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(text, e.TimestampText);
        }

        [Theory]
        [InlineData("2026-02-03T00:00:00")]
        [InlineData("2026-02-03")]
        [InlineData("2026-02-30T00:00:00Z")]
        [InlineData("2026-02-03T24:00:00Z")]
        [InlineData("2026-02-03T00:00:00Zjunk")]
        [InlineData("2026-02-03X00:00:00Z")]
        [InlineData("1738540800")]
        [InlineData("")]
        public void Bad_timestamps_are_rejected(string text)
        {
            Assert.Contains("timestamp", Fail("{\"eventId\":\"e\",\"eventType\":\"x\",\"timestamp\":\"" + text + "\",\"data\":{\"type\":\"x\"}}"));
        }

        [Fact]
        public void Timestamp_must_be_a_string()
        {
            Assert.StartsWith("invalid type: integer `5`", Fail("{\"eventId\":\"e\",\"eventType\":\"x\",\"timestamp\":5,\"data\":{\"type\":\"x\"}}"));
        }

        [Fact]
        public void Unknown_keys_are_ignored_and_null_optionals_are_absent()
        {
            var e = P("{\"eventId\":\"e\",\"eventType\":\"file_write\"," + Ts + ",\"extra\":1,\"metadata\":null,\"context\":null,\"sessionId\":null,"
                + "\"data\":{\"type\":\"file\",\"path\":\"a\",\"content\":null,\"operation\":\"write\",\"bogus\":[1]}}");
            Assert.Null(e.Metadata);
            Assert.Null(e.Context);
            Assert.Null(e.SessionId);
            Assert.Equal("{\"operation\":\"write\",\"path\":\"a\",\"type\":\"file\"}", SerdeJsonWriter.Serialize(e.Data));
        }

        [Fact]
        public void Custom_data_keeps_extra_keys_in_normalized_form()
        {
            var e = P("{\"eventId\":\"e\",\"eventType\":\"custom\"," + Ts + ",\"data\":{\"type\":\"custom\",\"text\":\"hello\",\"custom_type\":\"untrusted_text\",\"source\":{\"b\":1,\"a\":2}}}");
            Assert.Equal("{\"customType\":\"untrusted_text\",\"source\":{\"a\":2,\"b\":1},\"text\":\"hello\",\"type\":\"custom\"}", SerdeJsonWriter.Serialize(e.Data));
        }

        [Fact]
        public void Unknown_data_type_is_kept_as_given()
        {
            var e = P("{\"eventId\":\"e\",\"eventType\":\"process_start\"," + Ts + ",\"data\":{\"type\":\"process\",\"pid\":1.50,\"z\":0,\"a\":\"x\"}}");
            Assert.Equal("process", e.DataType);
            Assert.Equal("{\"a\":\"x\",\"pid\":1.5,\"type\":\"process\",\"z\":0}", SerdeJsonWriter.Serialize(e.Data));
            Assert.Equal("process_start e", e.ToString());
        }

        [Fact]
        public void Tool_parameters_default_to_empty_object_and_keep_any_json()
        {
            var e = P("{\"eventId\":\"e\",\"eventType\":\"tool_call\"," + Ts + ",\"data\":{\"type\":\"tool\",\"toolName\":\"t\",\"parameters\":[1,\"x\"]}}");
            Assert.Equal("[1,\"x\"]", SerdeJsonWriter.Serialize(e.Fields.Parameters));
        }

        [Theory]
        [InlineData("{\"eventId\":\"e\",\"eventType\":\"x\"," + Ts + ",\"data\":{\"type\":\"x\",\"s\":\"\\ud800\"}}")]
        [InlineData("{\"eventId\":\"e\",\"eventType\":\"x\"," + Ts + ",\"data\":{\"type\":\"x\",\"n\":1e999}}")]
        [InlineData("{\"eventId\":\"e\"")]
        [InlineData("{\"eventId\":\"e\"} {}")]
        public void Json_serde_rejects_is_a_format_error(string json) => Fail(json);

        [Fact]
        public void Parses_from_json_element()
        {
            using var doc = JsonDocument.Parse("{\"eventId\":\"e\",\"eventType\":\"network_egress\"," + Ts + ",\"data\":{\"type\":\"network\",\"host\":\"api.github.com\",\"port\":443}}");
            var e = PolicyEventParser.Parse(doc.RootElement);
            Assert.Equal("network_egress e api.github.com:443", e.ToString());
        }
    }
}
