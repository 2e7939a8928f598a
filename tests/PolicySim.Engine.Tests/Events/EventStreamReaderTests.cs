using System.IO;
using System.Text;
using PolicySim.Events;

namespace PolicySim.Tests.Events
{
    public class EventStreamReaderTests
    {
        private static List<EventReadResult> Read(string text, EventStreamOptions? options = null, bool bom = false)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            if (bom)
            {
                bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(bytes).ToArray();
            }

            return EventStreamReader.ReadAll(new MemoryStream(bytes), "events.jsonl", options).ToList();
        }

        private static string Json(EventReadResult r) => Encoding.UTF8.GetString(r.Record.Json.ToArray());

        [Fact]
        public void Jsonl_skips_blank_lines_and_keeps_physical_line_numbers()
        {
            var results = Read("{\"a\":1}\n\n   \t\n{\"b\":2}\r\n\r\n{\"c\":3}");
            Assert.Equal(new long[] { 1, 4, 6 }, results.Select(r => r.Line));
            Assert.Equal(new[] { "{\"a\":1}", "{\"b\":2}", "{\"c\":3}" }, results.Select(Json));
            Assert.All(results, r => Assert.False(r.IsError));
            Assert.All(results, r => Assert.Equal("events.jsonl", r.Record.Source));
        }

        [Fact]
        public void Jsonl_treats_unicode_whitespace_lines_as_blank()
        {
            var results = Read("\u00a0\u3000\n{}\n");
            Assert.Single(results);
            Assert.Equal(2, results[0].Line);
        }

        [Fact]
        public void Jsonl_malformed_line_is_reported_and_reading_goes_on()
        {
            var results = Read("{\"a\":1}\n{\"a\":\n{\"c\":3}\n");
            Assert.Equal(3, results.Count);
            Assert.False(results[0].IsError);
            Assert.True(results[1].IsError);
            Assert.Equal(2, results[1].Line);
            Assert.Equal("events.jsonl", results[1].Error!.Source);
            Assert.StartsWith("events.jsonl:2: ", results[1].Error!.ToString());
            Assert.False(results[2].IsError);
            Assert.Equal(3, results[2].Line);
        }

        [Fact]
        public void Jsonl_two_values_on_one_line_is_an_error()
        {
            var results = Read("{} {}\n");
            Assert.True(Assert.Single(results).IsError);
        }

        [Fact]
        public void Jsonl_serde_only_errors_are_reported()
        {
            var results = Read("{\"a\":\"\\ud800\"}\n{\"n\":1e400}\n{}\n");
            Assert.True(results[0].IsError);
            Assert.Contains("number out of range", results[1].Error!.Message);
            Assert.False(results[2].IsError);
        }

        [Fact]
        public void Bom_is_skipped()
        {
            var results = Read("{\"a\":1}\n", bom: true);
            Assert.Equal("{\"a\":1}", Json(Assert.Single(results)));
            var array = Read("[{\"a\":1}]", bom: true);
            Assert.Equal("{\"a\":1}", Json(Assert.Single(array)));
        }

        [Fact]
        public void Empty_and_whitespace_inputs_have_no_records()
        {
            Assert.Empty(Read(""));
            Assert.Empty(Read("\n\n  \n"));
            Assert.Empty(Read("[]"));
            Assert.Empty(Read("  [ \n ]  \n"));
        }

        [Fact]
        public void Pretty_array_yields_elements_with_their_start_lines()
        {
            string text = "\n[\n  {\n    \"eventId\": \"e1\",\n    \"x\": [1, 2]\n  },\n  {\"eventId\": \"e2\"},\n\n  {\n    \"eventId\": \"e3\"\n  }\n]\n";
            var results = Read(text);
            Assert.Equal(new long[] { 3, 7, 9 }, results.Select(r => r.Line));
            Assert.StartsWith("{\n    \"eventId\": \"e1\"", Json(results[0]));
            Assert.Equal("{\"eventId\": \"e2\"}", Json(results[1]));
        }

        [Fact]
        public void Single_line_array_with_primitives()
        {
            var results = Read("[{\"a\":1},{\"b\":[2]},3,\"s\",null]");
            Assert.Equal(new[] { "{\"a\":1}", "{\"b\":[2]}", "3", "\"s\"", "null" }, results.Select(Json));
            Assert.All(results, r => Assert.Equal(1, r.Line));
        }

        [Fact]
        public void Broken_array_reports_the_line_and_stops()
        {
            var results = Read("[\n{\"a\":1},\n{\"b\":},\n{\"c\":3}\n]");
            Assert.Equal(2, results.Count);
            Assert.Equal(2, results[0].Line);
            Assert.True(results[1].IsError);
            Assert.Equal(3, results[1].Line);
        }

        [Fact]
        public void Unterminated_array_is_an_error()
        {
            var results = Read("[\n{\"a\":1},\n");
            Assert.False(results[0].IsError);
            Assert.True(results[^1].IsError);
        }

        [Fact]
        public void Trailing_garbage_after_array_is_an_error()
        {
            var results = Read("[{\"a\":1}] x");
            Assert.False(results[0].IsError);
            Assert.True(results[^1].IsError);
        }

        [Fact]
        public void Oversize_line_is_reported_and_next_lines_still_read()
        {
            var options = new EventStreamOptions { MaxRecordBytes = 100 };
            string big = "{\"data\":\"" + new string('x', 500) + "\"}";
            var results = Read("{\"a\":1}\n" + big + "\n{\"b\":2}\n" + big, options);
            Assert.Equal(4, results.Count);
            Assert.True(results[1].IsError);
            Assert.Equal(2, results[1].Line);
            Assert.Contains("maximum size of 100 bytes", results[1].Error!.Message);
            Assert.Equal("{\"b\":2}", Json(results[2]));
            Assert.Equal(3, results[2].Line);
            Assert.True(results[3].IsError);
            Assert.Equal(4, results[3].Line);
        }

        [Fact]
        public void Oversize_line_larger_than_buffer_is_skipped()
        {
            var options = new EventStreamOptions { MaxRecordBytes = 1000 };
            string big = "{\"data\":\"" + new string('x', 300_000) + "\"}";
            var results = Read(big + "\n{\"b\":2}\n", options);
            Assert.Equal(2, results.Count);
            Assert.True(results[0].IsError);
            Assert.Equal(1, results[0].Line);
            Assert.Equal(2, results[1].Line);
        }

        [Fact]
        public void Oversize_array_element_stops_reading()
        {
            var options = new EventStreamOptions { MaxRecordBytes = 100 };
            var results = Read("[{\"a\":1},\n{\"data\":\"" + new string('x', 500) + "\"},{\"b\":1}]", options);
            Assert.False(results[0].IsError);
            Assert.True(results[1].IsError);
            Assert.Equal(2, results[1].Line);
        }

        [Fact]
        public void Large_inputs_cross_buffer_boundaries()
        {
            var sb = new StringBuilder();
            for (int i = 0; i < 5000; i++)
            {
                sb.Append("{\"eventId\":\"e").Append(i).Append("\",\"pad\":\"").Append('y', i % 97).Append("\"}\n");
            }

            var lines = Read(sb.ToString());
            Assert.Equal(5000, lines.Count);
            Assert.Equal(5000, lines[^1].Line);
            Assert.All(lines, r => Assert.False(r.IsError));

            string array = "[\n" + sb.ToString().TrimEnd('\n').Replace("\n", ",\n") + "\n]";
            var elements = Read(array);
            Assert.Equal(5000, elements.Count);
            Assert.Equal(2, elements[0].Line);
            Assert.Equal(5001, elements[^1].Line);
            Assert.All(elements, r => Assert.False(r.IsError));
            Assert.Equal(Json(lines[4321]), Json(elements[4321]));
        }

        [Fact]
        public void Text_reader_input_works_for_jsonl_and_arrays()
        {
            var jsonl = EventStreamReader.ReadAll(new StringReader("{\"a\":\"é\"}\n\n{\"b\":2}"), "-").ToList();
            Assert.Equal(new long[] { 1, 3 }, jsonl.Select(r => r.Line));
            Assert.Equal("{\"a\":\"é\"}", Json(jsonl[0]));
            var array = EventStreamReader.ReadAll(new StringReader("[\n {\"a\":1}\n]"), "-").ToList();
            Assert.Equal(2, Assert.Single(array).Line);
        }

        [Fact]
        public void Try_read_exposes_format_and_records_parse_as_events()
        {
            string line = "{\"eventId\":\"e1\",\"eventType\":\"file_read\",\"timestamp\":\"2026-02-03T00:00:00Z\",\"data\":{\"type\":\"file\",\"path\":\"/etc/passwd\"}}";
            using var reader = new EventStreamReader(new MemoryStream(Encoding.UTF8.GetBytes(line + "\n" + line)), "f");
            var events = new List<PolicyEvent>();
            while (reader.TryRead(out var result))
            {
                events.Add(PolicyEventParser.ParseValidated(result.Record.Json.Span));
            }

            Assert.Equal(EventStreamFormat.JsonLines, reader.Format);
            Assert.Equal(2, events.Count);
            Assert.Equal("file_read e1 /etc/passwd", events[1].ToString());
        }
    }
}
