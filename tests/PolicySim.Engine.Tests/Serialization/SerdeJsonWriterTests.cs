using System.Text;
using System.Text.Json;
using PolicySim.Serialization;

namespace PolicySim.Tests.Serialization
{
    public class SerdeJsonWriterTests
    {
        private static string Compact(string json, bool sortKeys = true)
        {
            using var doc = JsonDocument.Parse(json);
            return SerdeJsonWriter.Serialize(doc.RootElement, pretty: false, sortKeys: sortKeys);
        }

        private static string Pretty(string json)
        {
            using var doc = JsonDocument.Parse(json);
            return SerdeJsonWriter.Serialize(doc.RootElement, pretty: true, sortKeys: true);
        }

        [Theory]
        [InlineData("a\"b", "\"a\\\"b\"")]
        [InlineData("a\\b", "\"a\\\\b\"")]
        [InlineData("\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"")]
        [InlineData("\u0000\u0001\u001f", "\"\\u0000\\u0001\\u001f\"")]
        [InlineData("/<>&'+", "\"/<>&'+\"")]
        [InlineData("é日本😀\u007f", "\"é日本😀\u007f\"")]
        public void Strings_escape_only_quote_backslash_and_control_characters(string value, string expected)
        {
            var w = new SerdeJsonWriter();
            w.WriteString(value);
            Assert.Equal(expected, w.ToString());
            Assert.Equal(Encoding.UTF8.GetByteCount(expected), SerdeJsonWriter.EscapedUtf8Length(value));
        }

        [Fact]
        public void Escapes_anywhere_in_a_long_string_are_found()
        {
            // The no-escape fast path must not skip a character that needs one, wherever it is.
            string plain = new string('a', 100);
            var escapes = new (string Special, string Escaped)[]
            {
                ("\"", "\\\""), ("\\", "\\\\"), ("\n", "\\n"), ("\u0001", "\\u0001"), ("\uD800", "\\ud800"), ("\uD83D\uDE00", "\uD83D\uDE00"),
            };
            foreach (var (special, escaped) in escapes)
            {
                for (int at = 0; at <= plain.Length; at += 33)
                {
                    string value = plain.Insert(at, special);
                    var w = new SerdeJsonWriter();
                    w.WriteString(value);
                    Assert.Equal("\"" + plain.Insert(at, escaped) + "\"", w.ToString());
                    Assert.Equal(Encoding.UTF8.GetByteCount(w.ToString()), SerdeJsonWriter.EscapedUtf8Length(value));
                }
            }
        }

        [Fact]
        public void Formatted_lines_do_not_share_state()
        {
            static void Obj(SerdeJsonWriter w, string v)
            {
                w.WriteStartObject();
                w.WriteString("v", v);
                w.WriteEndObject();
            }

            Assert.Equal("{\"v\":\"a\"}", SerdeJsonWriter.FormatLine("a", Obj));
            Assert.Equal("{\"v\":\"b\"}", SerdeJsonWriter.FormatLine("b", Obj));

            // A line that fails half-way leaves nothing behind for the next one.
            Assert.Throws<InvalidOperationException>(() => SerdeJsonWriter.FormatLine("c", (w, v) =>
            {
                w.WriteStartObject();
                w.WriteString("half", v);
                throw new InvalidOperationException();
            }));
            Assert.Equal("{\"v\":\"d\"}", SerdeJsonWriter.FormatLine("d", Obj));

            // A nested line gets its own writer.
            string outer = SerdeJsonWriter.FormatLine("e", (w, v) =>
            {
                w.WriteStartArray();
                w.WriteString(SerdeJsonWriter.FormatLine(v, Obj));
                w.WriteEndArray();
            });
            Assert.Equal("[\"{\\\"v\\\":\\\"e\\\"}\"]", outer);
        }

        [Fact]
        public void Lone_surrogates_are_written_as_lowercase_escapes()
        {
            var w = new SerdeJsonWriter();
            w.WriteString("a\uD800b\uDFFF");
            Assert.Equal("\"a\\ud800b\\udfff\"", w.ToString());
            Assert.Equal(w.ToString().Length, SerdeJsonWriter.EscapedUtf8Length("a\uD800b\uDFFF"));
        }

        [Fact]
        public void Compact_layout_has_no_whitespace()
        {
            var w = new SerdeJsonWriter();
            w.WriteStartObject();
            w.WriteInteger("a", 1);
            w.WritePropertyName("b");
            w.WriteStartArray();
            w.WriteInteger(1);
            w.WriteInteger(2);
            w.WriteEndArray();
            w.WritePropertyName("c");
            w.WriteStartObject();
            w.WriteEndObject();
            w.WriteNull("d");
            w.WriteBool("e", false);
            w.WriteEndObject();
            Assert.Equal("{\"a\":1,\"b\":[1,2],\"c\":{},\"d\":null,\"e\":false}", w.ToString());
        }

        [Fact]
        public void Pretty_layout_matches_serde_PrettyFormatter()
        {
            string actual = Pretty("{\"b\":[1,{\"x\":[]},[]],\"a\":{},\"c\":{\"d\":{\"e\":null}},\"f\":[[1]]}");
            string expected = string.Join("\n",
                "{",
                "  \"a\": {},",
                "  \"b\": [",
                "    1,",
                "    {",
                "      \"x\": []",
                "    },",
                "    []",
                "  ],",
                "  \"c\": {",
                "    \"d\": {",
                "      \"e\": null",
                "    }",
                "  },",
                "  \"f\": [",
                "    [",
                "      1",
                "    ]",
                "  ]",
                "}");
            Assert.Equal(expected, actual);
        }

        [Fact]
        public void Pretty_empty_root_containers()
        {
            Assert.Equal("{}", Pretty("{}"));
            Assert.Equal("[]", Pretty("[ ]"));
        }

        [Theory]
        [InlineData(0.0, "0.0")]
        [InlineData(-0.0, "-0.0")]
        [InlineData(1.0, "1.0")]
        [InlineData(10.0, "10.0")]
        [InlineData(100.0, "100.0")]
        [InlineData(1.5, "1.5")]
        [InlineData(0.1, "0.1")]
        [InlineData(-2.25, "-2.25")]
        [InlineData(1e15, "1000000000000000.0")]
        [InlineData(9007199254740993.0, "9007199254740992.0")]
        [InlineData(1e16, "1e16")]
        [InlineData(1.5e16, "1.5e16")]
        [InlineData(123456789012345680.0, "1.2345678901234568e17")]
        [InlineData(1234567890123456.7, "1234567890123456.8")]
        [InlineData(0.0001, "0.0001")]
        [InlineData(1e-5, "0.00001")]
        [InlineData(1.5e-5, "0.000015")]
        [InlineData(1e-6, "1e-6")]
        [InlineData(1.5e-7, "1.5e-7")]
        [InlineData(5e-324, "5e-324")]
        [InlineData(1.7976931348623157e308, "1.7976931348623157e308")]
        [InlineData(0.30000000000000004, "0.30000000000000004")]
        [InlineData(double.NaN, "null")]
        [InlineData(double.PositiveInfinity, "null")]
        [InlineData(double.NegativeInfinity, "null")]
        public void Doubles_print_like_ryu(double value, string expected)
        {
            var w = new SerdeJsonWriter();
            w.WriteDouble(value);
            Assert.Equal(expected, w.ToString());
        }

        [Theory]
        [InlineData(0.70445f, "0.70445")]
        [InlineData(0.9845f, "0.9845")]
        [InlineData(0.1f, "0.1")]
        [InlineData(1.0f, "1.0")]
        [InlineData(-0.0f, "-0.0")]
        [InlineData(1e12f, "1000000000000.0")]
        [InlineData(1e13f, "1e13")]
        [InlineData(1e-5f, "0.00001")]
        [InlineData(1e-6f, "0.000001")]
        [InlineData(1e-7f, "1e-7")]
        [InlineData(16777216f, "16777216.0")]
        [InlineData(float.NaN, "null")]
        public void Singles_print_like_ryu_f32(float value, string expected)
        {
            var w = new SerdeJsonWriter();
            w.WriteSingle(value);
            Assert.Equal(expected, w.ToString());
        }

        [Fact]
        public void Portable_shortest_digits_agree_with_round_trip_format()
        {
            var random = new Random(12345);
            for (int i = 0; i < 20000; i++)
            {
                double value = BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x7FEFFFFFFFFFFFFF));
                string fast = RyuFormat.ShortestDigits(value, out int p1);
                string portable = RyuFormat.ShortestDigitsPortable(value, out int p2);
                Assert.True(fast == portable && p1 == p2, $"{value:R}: {fast}e{p1} vs {portable}e{p2}");
            }

            foreach (double value in new[] { 0.1, 0.3, 1e23, 5e-324, 123.456, 1.0 / 3 })
            {
                Assert.Equal(RyuFormat.ShortestDigits(value, out _), RyuFormat.ShortestDigitsPortable(value, out _));
            }
        }

        [Theory]
        [InlineData("1.50", "1.5")]
        [InlineData("1e2", "100.0")]
        [InlineData("1E2", "100.0")]
        [InlineData("-0", "-0.0")]
        [InlineData("-0.0", "-0.0")]
        [InlineData("0", "0")]
        [InlineData("-5", "-5")]
        [InlineData("18446744073709551615", "18446744073709551615")]
        [InlineData("18446744073709551616", "1.8446744073709552e19")]
        [InlineData("-9223372036854775808", "-9223372036854775808")]
        [InlineData("-9223372036854775809", "-9.223372036854776e18")]
        [InlineData("10.0", "10.0")]
        [InlineData("1e400", "null")]
        [InlineData("0.000001", "1e-6")]
        public void Numbers_are_reprinted_as_serde_json_values(string literal, string expected)
        {
            Assert.Equal(expected, Compact(literal));
            using var doc = JsonDocument.Parse(literal);
            Assert.Equal(expected.Length, SerdeJsonWriter.CompactUtf8Size(doc.RootElement));
        }

        [Fact]
        public void Element_keys_are_sorted_by_code_point_when_requested()
        {
            Assert.Equal("{\"A\":1,\"_\":2,\"a\":{\"x\":[3,{\"p\":1,\"q\":2}],\"y\":true}}",
                Compact("{\"a\":{\"y\":true,\"x\":[3,{\"q\":2,\"p\":1}]},\"_\":2,\"A\":1}"));
            // U+FF21 (fullwidth A) sorts before U+1F600 in UTF-8 byte order but after it in UTF-16 ordinal order.
            Assert.Equal("{\"\uFF21\":1,\"😀\":2}", Compact("{\"😀\":2,\"\uFF21\":1}"));
        }

        [Fact]
        public void Element_keeps_document_order_when_not_sorting_and_last_duplicate_wins()
        {
            Assert.Equal("{\"b\":3,\"a\":2}", Compact("{\"b\":1,\"a\":2,\"b\":3}", sortKeys: false));
            Assert.Equal("{\"a\":2,\"b\":3}", Compact("{\"b\":1,\"a\":2,\"b\":3}"));
        }

        [Fact]
        public void Compact_size_of_spec_example_is_211()
        {
            string json = "{\"data\": \"" + new string('x', 200) + "\"}";
            using var doc = JsonDocument.Parse(json);
            Assert.Equal(211, SerdeJsonWriter.CompactUtf8Size(doc.RootElement));
        }

        [Theory]
        [InlineData("{}")]
        [InlineData("[]")]
        [InlineData("{\"a\": [1, 2.50, \"é\\n\", null, true, false, {\"b\": {}}], \"c\": -0}")]
        [InlineData("{\"k\\u0001\": \"\\u00e9\\ud83d\\ude00/\"}")]
        [InlineData("[1e2, 1.0, 12345678901234567890, 0.1e-10]")]
        public void Compact_size_equals_utf8_length_of_compact_output(string json)
        {
            using var doc = JsonDocument.Parse(json);
            string compact = SerdeJsonWriter.Serialize(doc.RootElement);
            Assert.Equal(Encoding.UTF8.GetByteCount(compact), SerdeJsonWriter.CompactUtf8Size(doc.RootElement));
        }

        [Fact]
        public void Compact_size_counts_duplicate_keys_once()
        {
            using var doc = JsonDocument.Parse("{\"a\":1,\"a\":22}");
            Assert.Equal("{\"a\":22}".Length, SerdeJsonWriter.CompactUtf8Size(doc.RootElement));
        }
    }
}
