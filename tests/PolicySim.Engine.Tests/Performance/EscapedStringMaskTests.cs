using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicySim.Events;
using PolicySim.Serialization;

namespace PolicySim.Tests.Performance
{
    /// <summary>
    /// Masking long escaped values (<see cref="EscapedStringMask"/>) must not change what the fast parser returns:
    /// the same event as the exact path, or null where the exact path reports an error, wherever the long string is.
    /// </summary>
    public class EscapedStringMaskTests
    {
        // Pieces of long strings: simple escapes (maskable), \u escapes and raw non-ASCII (not maskable or maskable),
        // and the backslash/quote sequences that decide where a string ends.
        private static readonly string[] Pieces =
        {
            "plain words ", "\\n", "\\t", "\\r\\n", "\\\"quoted\\\"", "\\\\", "\\/", "\\b\\f", "ñandú ", "日本 ", "😀",
            "x = 1;", "    indent", ": not a name ", "\\\\\\\"",
        };

        // \u escapes are never masked (the reader keeps its surrogate rules); some values have them.
        private static readonly string[] UnicodeEscapes = { "\\u00e9", "\\ud83d\\ude00", "\\u0041" };

        private static string LongString(System.Random r, int minBytes, bool unicodeEscapes = false)
        {
            var sb = new StringBuilder();
            while (Encoding.UTF8.GetByteCount(sb.ToString()) < minBytes)
            {
                sb.Append(unicodeEscapes && r.Next(8) == 0 ? UnicodeEscapes[r.Next(UnicodeEscapes.Length)] : Pieces[r.Next(Pieces.Length)]);
            }

            return sb.ToString();
        }

        private static string Value(System.Random r)
        {
            // Lengths around the masking threshold, and long ones.
            int min = r.Next(3) switch
            {
                0 => EscapedStringMask.MinMaskedLength - 2 + r.Next(4),
                1 => 200,
                _ => 2000,
            };
            return LongString(r, min, unicodeEscapes: r.Next(10) == 0);
        }

        private static string Event(System.Random r, int i)
        {
            string v() => Value(r);
            string id = r.Next(8) == 0 ? v() : "e" + i.ToString(CultureInfo.InvariantCulture);
            string type;
            string data;
            switch (r.Next(6))
            {
                case 0:
                    type = "file_write";
                    data = "\"path\":\"" + (r.Next(4) == 0 ? v() : "/w/a.txt") + "\",\"content\":\"" + v() + "\"";
                    break;
                case 1:
                    type = "patch_apply";
                    data = "\"filePath\":\"/w/a.py\",\"patchContent\":\"" + v() + "\"";
                    break;
                case 2:
                    type = "custom";
                    data = "\"customType\":\"untrusted_text\",\"text\":\"" + v() + "\""
                        + (r.Next(3) == 0 ? ",\"" + v() + "\" : \"named by a long escaped key\"" : string.Empty)
                        + (r.Next(3) == 0 ? ",\"source\":{\"nested\":[\"" + v() + "\"]}" : string.Empty);
                    break;
                case 3:
                    type = "tool_call";
                    data = "\"toolName\":\"write_file\",\"parameters\":{\"content\":\"" + v() + "\",\"n\":[1,\"" + v() + "\"]}";
                    break;
                case 4:
                    type = "command_exec";
                    data = "\"command\":\"" + v() + "\",\"args\":[\"-c\",\"" + v() + "\"]";
                    break;
                default:
                    type = "network_egress";
                    data = "\"host\":\"api.example\",\"port\":443,\"url\":\"" + v() + "\"";
                    break;
            }

            string dataType = type switch
            {
                "file_write" => "file",
                "patch_apply" => "patch",
                "tool_call" => "tool",
                "command_exec" => "command",
                "network_egress" => "network",
                _ => "custom",
            };

            // The data type first (the usual layout) or last (the parser's second layout).
            string dataObject = r.Next(4) == 0
                ? "{" + data + ",\"type\":\"" + dataType + "\"}"
                : "{\"type\":\"" + dataType + "\"," + data + "}";
            var fields = new List<string>
            {
                "\"eventId\":\"" + id + "\"",
                "\"eventType\":\"" + type + "\"",
                "\"timestamp\":\"2026-02-03T00:00:00Z\"",
                "\"data\":" + dataObject,
            };
            if (r.Next(2) == 0)
            {
                fields.Add("\"sessionId\":\"" + v() + "\"");
            }

            if (r.Next(3) == 0)
            {
                fields.Add("\"metadata\":{\"note\":\"" + v() + "\"}");
            }

            if (r.Next(3) == 0)
            {
                fields.Add("\"unknown\":[\"" + v() + "\"]");
            }

            for (int k = fields.Count - 1; k > 0; k--)
            {
                int j = r.Next(k + 1);
                (fields[k], fields[j]) = (fields[j], fields[k]);
            }

            return "{" + string.Join(r.Next(2) == 0 ? "," : " ,\n ", fields) + "}";
        }

        private static string Describe(PolicyEvent e) =>
            string.Join("|", e.EventId, e.EventType, e.TimestampText, e.SessionId ?? "<null>", e.DataType,
                SerdeJsonWriter.Serialize(e.Data), e.Metadata is JsonElement m ? SerdeJsonWriter.Serialize(m) : "<none>",
                e.Context is JsonElement c ? SerdeJsonWriter.Serialize(c) : "<none>", e.Target);

        private static string? Exact(byte[] utf8)
        {
            try
            {
                using var doc = JsonDocument.Parse(utf8);
                return Describe(PolicyEventParser.Parse(doc.RootElement.Clone()));
            }
            catch (JsonException)
            {
                return null;
            }
            catch (PolicyEventFormatException)
            {
                return null;
            }
        }

        private static bool Masks(byte[] utf8)
        {
            byte[]? copy = EscapedStringMask.TryMask(utf8);
            if (copy == null)
            {
                return false;
            }

            EscapedStringMask.Release(copy);
            return true;
        }

        [Fact]
        public void Fast_path_with_masked_values_equals_exact_path()
        {
            var random = new System.Random(20261122);
            int masked = 0, compared = 0;
            for (int i = 0; i < 3000; i++)
            {
                byte[] utf8 = Encoding.UTF8.GetBytes(Event(random, i));
                string? exact = Exact(utf8);
                bool masks = Masks(utf8);
                PolicyEvent? fast = PolicyEventFastParser.TryParse(utf8, plainEventsOnly: false);
                if (exact == null)
                {
                    Assert.Null(fast);
                    continue;
                }

                if (fast != null)
                {
                    Assert.Equal(exact, Describe(fast));
                    compared++;
                    masked += masks ? 1 : 0;
                }
            }

            // Most events must be read by the fast path with values masked, or this test proves nothing.
            Assert.True(masked > 2000, "masked and parsed only " + masked + " of " + compared + " events");
        }

        [Theory]
        [InlineData("\\x")] // not an escape
        [InlineData("\\u12zz")] // \u without four hex digits
        [InlineData("\\ud800")] // lone surrogate: the reader accepts it, GetString does not
        [InlineData("\u0001")] // raw control character
        [InlineData("\u00ff\u00fe")] // stands for invalid UTF-8 (replaced by raw bytes below)
        [InlineData("\\")] // a lone backslash: escapes the next character, which is no escape
        public void Invalid_long_strings_leave_the_decision_to_the_exact_path(string bad)
        {
            string filler = new string('a', 100) + "\\n";
            string json = "{\"eventId\":\"e\",\"eventType\":\"file_write\",\"timestamp\":\"2026-02-03T00:00:00Z\",\"data\":{\"type\":\"file\",\"path\":\"/a\",\"content\":\"" + filler + bad + filler + "\"}}";
            byte[] utf8 = Encoding.UTF8.GetBytes(json);
            if (bad == "\u00ff\u00fe")
            {
                int at = json.IndexOf('\u00ff', System.StringComparison.Ordinal);
                var bytes = new List<byte>(Encoding.UTF8.GetBytes(json.Substring(0, at)));
                bytes.Add(0xFF);
                bytes.Add(0xFE);
                bytes.AddRange(Encoding.UTF8.GetBytes(json.Substring(at + 2)));
                utf8 = bytes.ToArray();
            }

            Assert.False(Masks(utf8));
            Assert.Null(PolicyEventFastParser.TryParse(utf8, plainEventsOnly: false));
            Assert.Throws<PolicyEventFormatException>(() => PolicyEventParser.Parse(utf8));
        }

        [Fact]
        public void Records_over_the_size_limit_are_left_to_the_reader_and_read_the_same()
        {
            string content = string.Concat(System.Linq.Enumerable.Repeat("    value = f(a, \\\"b\\\")\\n", (EscapedStringMask.MaxMaskedRecordBytes / 20) + 1));
            byte[] utf8 = Encoding.UTF8.GetBytes("{\"eventId\":\"e\",\"eventType\":\"file_write\",\"timestamp\":\"2026-02-03T00:00:00Z\",\"data\":{\"type\":\"file\",\"path\":\"/a\",\"content\":\"" + content + "\"}}");
            Assert.True(utf8.Length > EscapedStringMask.MaxMaskedRecordBytes);
            Assert.False(Masks(utf8));
            PolicyEvent? fast = PolicyEventFastParser.TryParse(utf8, plainEventsOnly: false);
            Assert.NotNull(fast);
            Assert.Equal(Exact(utf8), Describe(fast));
            Assert.EndsWith("f(a, \"b\")\n", fast.Fields.Content, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Property_names_are_not_masked()
        {
            string name = new string('k', 80) + "\\n";
            byte[] utf8 = Encoding.UTF8.GetBytes("{\"" + name + "\" : \"v\", \"a\":\"" + name + "\"}");
            byte[]? copy = EscapedStringMask.TryMask(utf8);
            Assert.NotNull(copy);
            try
            {
                // Only the value is masked: the name's bytes are the original ones.
                string text = Encoding.Latin1.GetString(copy, 0, utf8.Length);
                Assert.StartsWith("{\"" + name + "\" : \"v\", \"a\":\"\u00ff", text, System.StringComparison.Ordinal);
            }
            finally
            {
                EscapedStringMask.Release(copy);
            }

            Assert.False(Masks(Encoding.UTF8.GetBytes("{\"" + name + "\"\n:\"v\"}")));
        }

        [Fact]
        public void A_masked_value_never_answers_for_a_token_of_the_data_objects_own_reader()
        {
            // data's type comes last, so the parser reads data again from its own bytes, where offsets start at data.
            // The path's opening quote sits at offset 13 of data, as the masked sessionId's does in the record; the
            // path is invalid UTF-8 starting with the marker byte, so it must stay an error, not become the session id
            // (it does because the first pass over data checks every value against the record's own offsets).
            var bytes = new List<byte>(Encoding.UTF8.GetBytes("{\"sessionId\":\"" + new string('s', 80) + "\\n\",\"eventId\":\"e\",\"eventType\":\"file_read\",\"timestamp\":\"2026-02-03T00:00:00Z\",\"data\":{\"file_path\":\""));
            Assert.Equal(13, Encoding.UTF8.GetString(bytes.ToArray()).IndexOf(":\"s", System.StringComparison.Ordinal) + 1);
            bytes.AddRange(new byte[] { EscapedStringMask.Marker, 0xFE });
            bytes.AddRange(Encoding.UTF8.GetBytes("\",\"type\":\"file\"}}"));
            byte[] utf8 = bytes.ToArray();

            Assert.True(Masks(utf8));
            Assert.Null(PolicyEventFastParser.TryParse(utf8, plainEventsOnly: false));
            Assert.Throws<PolicyEventFormatException>(() => PolicyEventParser.Parse(utf8));
        }

        [Fact]
        public void Masked_values_decode_as_the_reader_does()
        {
            var random = new System.Random(7);
            for (int i = 0; i < 500; i++)
            {
                string content = LongString(random, 64 + random.Next(400)) + "\\n"; // at least one escape
                byte[] utf8 = Encoding.UTF8.GetBytes("[\"" + content + "\" , {\"k\":\"" + content + "\"}]");
                var reader = new Utf8JsonReader(utf8);
                var expected = new List<string>();
                while (reader.Read())
                {
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        expected.Add(reader.GetString()!);
                    }
                }

                byte[]? copy = EscapedStringMask.TryMask(utf8);
                Assert.NotNull(copy);
                try
                {
                    var masked = new Utf8JsonReader(copy.AsSpan(0, utf8.Length));
                    var actual = new List<string>();
                    while (masked.Read())
                    {
                        if (masked.TokenType == JsonTokenType.String)
                        {
                            Assert.False(masked.ValueIsEscaped);
                            actual.Add(EscapedStringMask.MaskedValue(masked.ValueSpan, masked.TokenStartIndex) ?? "<not masked>");
                        }
                    }

                    Assert.Equal(expected, actual);
                }
                finally
                {
                    EscapedStringMask.Release(copy);
                }

                Assert.Null(EscapedStringMask.MaskedValue(new byte[] { EscapedStringMask.Marker }, 1));
            }
        }
    }
}
