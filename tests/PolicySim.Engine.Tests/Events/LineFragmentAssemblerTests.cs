using System.IO;
using System.Text;
using PolicySim.Events;

namespace PolicySim.Tests.Events
{
    public class LineFragmentAssemblerTests
    {
        private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", "events", name);

        /// <summary>Pushes each piece in turn, then completes; returns everything in order.</summary>
        private static List<EventReadResult> Assemble(params string[] pieces)
        {
            var assembler = new LineFragmentAssembler("pipeline");
            var all = new List<EventReadResult>();
            foreach (string piece in pieces)
            {
                all.AddRange(assembler.Push(piece));
            }

            all.AddRange(assembler.Complete());
            return all;
        }

        private static string Json(EventReadResult r) => Encoding.UTF8.GetString(r.Record.Json.ToArray());

        private static string Id(EventReadResult r) => System.Text.Json.JsonDocument.Parse(r.Record.Json).RootElement.GetProperty("eventId").GetString()!;

        /// <summary>What the file reader gives for the same text: (line, event id or error).</summary>
        private static List<(long Line, string What)> FromFileReader(string text) =>
            EventStreamReader.ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(text)), "pipeline")
                .Select(r => (r.Line, r.IsError ? "error" : System.Text.Json.JsonDocument.Parse(r.Record.Json).RootElement.GetProperty("eventId").GetString()!))
                .ToList();

        private static List<(long Line, string What)> Summarize(IEnumerable<EventReadResult> results) =>
            results.Select(r => (r.Line, r.IsError ? "error" : Id(r))).ToList();

        [Fact]
        public void Jsonl_lines_pushed_one_by_one_give_one_record_per_line_with_its_line_number()
        {
            string[] lines = File.ReadAllLines(Example("audit.jsonl"));
            var results = Assemble(lines);
            Assert.Equal(36, results.Count);
            Assert.All(results, r => Assert.False(r.IsError));
            Assert.Equal(Summarize(results), FromFileReader(File.ReadAllText(Example("audit.jsonl"))));
            Assert.Equal("evt-0001", Id(results[0]));
            Assert.Equal(1, results[0].Line);
            Assert.Equal("pipeline", results[0].Record.Source);
        }

        [Fact]
        public void A_pretty_array_pushed_line_by_line_gives_each_element_as_it_closes()
        {
            string[] lines = File.ReadAllLines(Example("audit.pretty.json"));
            var assembler = new LineFragmentAssembler("pipeline");
            var seen = new List<EventReadResult>();
            int firstRecordAfterLine = -1;
            for (int i = 0; i < lines.Length; i++)
            {
                var got = assembler.Push(lines[i]);
                if (got.Count > 0 && firstRecordAfterLine < 0)
                {
                    firstRecordAfterLine = i + 1;
                }

                seen.AddRange(got);
            }

            seen.AddRange(assembler.Complete());
            Assert.Equal(EventStreamFormat.Unknown, assembler.Format); // the array closed; a new document may follow
            Assert.Equal(8, seen.Count);
            Assert.All(seen, r => Assert.False(r.IsError));
            Assert.True(firstRecordAfterLine > 0 && firstRecordAfterLine < 15, "the first element is emitted before the array ends");
            Assert.Equal(FromFileReader(File.ReadAllText(Example("audit.pretty.json"))), Summarize(seen));
        }

        [Theory]
        [InlineData("audit.jsonl")]
        [InlineData("audit.pretty.json")]
        public void A_whole_document_pushed_at_once_like_Get_Content_Raw_gives_the_same_records_as_the_file_reader(string file)
        {
            string text = File.ReadAllText(Example(file));
            Assert.Equal(FromFileReader(text), Summarize(Assemble(text)));
        }

        [Fact]
        public void Crlf_and_lone_cr_line_endings_are_line_breaks()
        {
            string a = "{\"eventId\":\"a\"}";
            string b = "{\"eventId\":\"b\"}";
            var results = Assemble(a + "\r\n\r\n" + b + "\r\n");
            Assert.Equal(new[] { (1L, "a"), (3L, "b") }, Summarize(results));

            var array = Assemble("[\r\n  " + a + ",\r  " + b + "\r\n]\r\n");
            Assert.Equal(new[] { (2L, "a"), (3L, "b") }, Summarize(array));
            Assert.DoesNotContain('\r', Json(array[0]));
        }

        [Fact]
        public void Blank_lines_are_skipped_but_counted()
        {
            var results = Assemble("", "   ", "{\"eventId\":\"a\"}", "", "\t", "{\"eventId\":\"b\"}", "");
            Assert.Equal(new[] { (3L, "a"), (6L, "b") }, Summarize(results));
        }

        [Fact]
        public void A_leading_byte_order_mark_is_ignored()
        {
            Assert.Equal(new[] { (1L, "a") }, Summarize(Assemble("\uFEFF[{\"eventId\":\"a\"}]")));
        }

        [Fact]
        public void A_one_line_array_gives_its_elements()
        {
            var results = Assemble("[{\"eventId\":\"a\"},{\"eventId\":\"b\"}, {\"eventId\":\"c\"}]");
            Assert.Equal(new[] { (1L, "a"), (1L, "b"), (1L, "c") }, Summarize(results));
        }

        [Fact]
        public void Brackets_braces_and_commas_inside_strings_do_not_split_elements()
        {
            var results = Assemble("[", "  {\"eventId\":\"a\", \"x\": \"],{[\\\"\"},", "  {\"eventId\":\"b\"}", "]");
            Assert.Equal(new[] { (2L, "a"), (3L, "b") }, Summarize(results));
        }

        [Fact]
        public void A_string_containing_several_lines_is_split_and_numbered_across_pushes()
        {
            var results = Assemble("{\"eventId\":\"a\"}\n{\"eventId\":\"b\"}\n", "{\"eventId\":\"c\"}");
            Assert.Equal(new[] { (1L, "a"), (2L, "b"), (3L, "c") }, Summarize(results));
        }

        [Fact]
        public void A_pretty_object_like_ConvertTo_Json_writes_is_one_record()
        {
            string pretty = "{\n  \"eventId\": \"a\",\n  \"data\": {\n    \"type\": \"file\"\n  }\n}";
            var lineByLine = Assemble(pretty.Split('\n'));
            Assert.Equal(new[] { (1L, "a") }, Summarize(lineByLine));
            var twoObjects = Assemble(pretty + "\n" + pretty.Replace("\"a\"", "\"b\""));
            Assert.Equal(new[] { (1L, "a"), (7L, "b") }, Summarize(twoObjects));
        }

        [Fact]
        public void A_malformed_jsonl_line_is_an_error_in_place_and_reading_goes_on()
        {
            var results = Assemble("{\"eventId\":\"a\"}", "{\"eventId\": ", "not json", "{\"eventId\":\"d\"}");
            Assert.Equal(new[] { (1L, "a"), (2L, "error"), (3L, "error"), (4L, "d") }, Summarize(results));
            Assert.Equal("pipeline", results[1].Error!.Source);
            Assert.NotEmpty(results[1].Error!.Message);
        }

        [Fact]
        public void A_malformed_array_element_fails_alone()
        {
            var results = Assemble("[", "{\"eventId\":\"a\"},", "{\"eventId\": x},", "{\"eventId\":\"c\"}", "]");
            Assert.Equal(new[] { (2L, "a"), (3L, "error"), (4L, "c") }, Summarize(results));
        }

        [Fact]
        public void A_string_broken_across_lines_is_an_error_and_the_next_element_is_read()
        {
            var results = Assemble("[", "{\"eventId\":\"a", "},", "{\"eventId\":\"b\"}", "]");
            Assert.Equal(new[] { (2L, "error"), (4L, "b") }, Summarize(results));
        }

        [Theory]
        [InlineData(new[] { "[", "{\"eventId\":\"a\"},", "]" }, 3L)]
        [InlineData(new[] { "[", ",{\"eventId\":\"a\"}", "]" }, 2L)]
        [InlineData(new[] { "[", "{\"eventId\":\"a\"}", "] x" }, 3L)]
        public void A_syntax_error_between_elements_is_an_error_and_ends_the_document(string[] lines, long errorLine)
        {
            var results = Assemble(lines);
            Assert.True(results[results.Count - 1].IsError);
            Assert.Equal(errorLine, results[results.Count - 1].Line);
        }

        [Fact]
        public void An_unclosed_array_is_an_error_at_the_end()
        {
            var results = Assemble("[", "{\"eventId\":\"a\"},", "{\"eventId\":\"b\"");
            Assert.Equal(new[] { (2L, "a"), (3L, "error") }, Summarize(results));
            Assert.Contains("EOF", results[1].Error!.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_unclosed_pretty_object_is_an_error_at_the_end()
        {
            var results = Assemble("{", "  \"eventId\": \"a\",");
            Assert.Equal(new[] { (1L, "error") }, Summarize(results));
        }

        [Fact]
        public void Documents_piped_one_after_another_are_each_read_in_their_own_layout()
        {
            var results = Assemble("[", "{\"eventId\":\"a\"}", "]", "", "[{\"eventId\":\"b\"}]", "[", "{\"eventId\":\"c\"}", "]");
            Assert.Equal(new[] { (2L, "a"), (5L, "b"), (7L, "c") }, Summarize(results));
        }

        [Fact]
        public void An_element_over_the_size_limit_is_an_error_and_is_not_held()
        {
            var assembler = new LineFragmentAssembler("pipeline", new EventStreamOptions { MaxRecordBytes = 64 });
            var results = new List<EventReadResult>();
            results.AddRange(assembler.Push("["));
            results.AddRange(assembler.Push("{\"eventId\":\"a\",\"pad\":\"" + new string('x', 200) + "\"},"));
            results.AddRange(assembler.Push("{\"eventId\":\"b\"}"));
            results.AddRange(assembler.Push("]"));
            results.AddRange(assembler.Complete());
            Assert.Equal(new[] { (2L, "error"), (3L, "b") }, Summarize(results));
            Assert.Contains("maximum size", results[0].Error!.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_empty_array_gives_nothing()
        {
            Assert.Empty(Assemble("[", "]"));
            Assert.Empty(Assemble("[]"));
        }
    }
}
