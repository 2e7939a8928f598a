using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PolicySim.Evaluation;
using PolicySim.Events;
using Xunit;

namespace PolicySim.Tests.Performance
{
    /// <summary>Records' bytes kept in recycled per-batch chunks instead of an array each (<see cref="RecordArena"/>).</summary>
    public class RecordArenaTests
    {
        private static EventReadResult Borrowed(string json, long line = 1)
            => new EventReadResult(new EventRecord("in.jsonl", line, Encoding.UTF8.GetBytes(json)));

        private static string Text(EventReadResult r) => Encoding.UTF8.GetString(r.Record.Json.ToArray());

        [Fact]
        public void Keep_copies_the_bytes_and_keeps_source_and_line()
        {
            var arena = new RecordArena(new RecordArena.ChunkPool());
            byte[] original = Encoding.UTF8.GetBytes("{\"a\":1}");
            var kept = arena.Keep(new EventReadResult(new EventRecord("x.jsonl", 7, original)));
            original[2] = (byte)'b';

            Assert.Equal("{\"a\":1}", Text(kept));
            Assert.Equal("x.jsonl", kept.Record.Source);
            Assert.Equal(7, kept.Line);
        }

        [Fact]
        public void Errors_pass_through()
        {
            var arena = new RecordArena(new RecordArena.ChunkPool());
            var error = new EventReadResult(new EventReadError("x.jsonl", 3, "bad"));
            Assert.Same(error.Error, arena.Keep(error).Error);
        }

        [Fact]
        public void Records_share_a_chunk_until_it_is_full_then_take_another()
        {
            var pool = new RecordArena.ChunkPool();
            var arena = new RecordArena(pool);
            string record = "{\"pad\":\"" + new string('x', 1000) + "\"}";
            int perChunk = RecordArena.ChunkSize / Encoding.UTF8.GetByteCount(record);
            var kept = Enumerable.Range(0, perChunk + 1).Select(_ => arena.Keep(Borrowed(record))).ToList();

            Assert.Equal(2, pool.Allocated);
            Assert.All(kept, k => Assert.Equal(record, Text(k)));
        }

        [Fact]
        public void Large_records_get_their_own_array()
        {
            var pool = new RecordArena.ChunkPool();
            var arena = new RecordArena(pool);
            string big = "{\"pad\":\"" + new string('x', RecordArena.MaxPooledRecord) + "\"}";
            var kept = arena.Keep(Borrowed(big));

            Assert.Equal(0, pool.Allocated);
            Assert.Equal(big, Text(kept));
        }

        [Fact]
        public void An_empty_record_needs_no_chunk()
        {
            var pool = new RecordArena.ChunkPool();
            var kept = new RecordArena(pool).Keep(Borrowed(string.Empty, 4));

            Assert.Equal(0, kept.Record.Json.Length);
            Assert.Equal(4, kept.Line);
            Assert.Equal(0, pool.Allocated);
        }

        [Fact]
        public void Release_zeroes_what_was_used_and_recycles_the_chunks()
        {
            var pool = new RecordArena.ChunkPool();
            var arena = new RecordArena(pool);
            var kept = arena.Keep(Borrowed("{\"a\":1}"));
            arena.Release();

            // A use after release reads zeros (invalid JSON), not another record.
            Assert.All(kept.Record.Json.ToArray(), b => Assert.Equal(0, b));

            for (int round = 0; round < 10; round++)
            {
                var again = arena.Keep(Borrowed("{\"round\":" + round + "}"));
                Assert.Equal("{\"round\":" + round + "}", Text(again));
                arena.Release();
            }

            Assert.Equal(1, pool.Allocated);
        }

        [Fact]
        public void ReadAll_still_gives_every_record_a_private_copy()
        {
            string log = string.Join("\n", Enumerable.Range(0, 500).Select(i => "{\"i\":" + i + "}"));
            var records = EventStreamReader.ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(log)), "log").ToList();

            Assert.Equal(Enumerable.Range(0, 500).Select(i => "{\"i\":" + i + "}"), records.Select(Text));
        }

        [Fact]
        public void The_pipeline_decides_every_record_from_its_own_bytes_across_many_recycled_batches()
        {
            // Sizes from a few bytes to past the pooled limit, blank lines and a broken record: every record must reach
            // the work function with exactly its own line, although chunks are recycled batch after batch.
            var random = new Random(5);
            var lines = new List<string>();
            for (int i = 0; i < 6000; i++)
            {
                int size = i % 997 == 0 ? RecordArena.MaxPooledRecord + 10 : random.Next(0, 3000);
                lines.Add("{\"i\":" + i + ",\"pad\":\"" + new string((char)('a' + (i % 26)), size) + "\"}");
            }

            lines[4321] = "{\"i\":";
            string log = string.Join("\n", lines.Select((l, i) => i % 100 == 0 ? "\n  \n" + l : l)) + "\n";
            IEnumerable<EventReadResult> records = EventStreamReader.ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(log)), "log");
            Assert.IsType<EventRecordSequence>(records);

            var seen = OrderedParallel.MapRecords(records, r => r.IsError ? "error:" + r.Line : Text(r)).ToList();

            Assert.Equal(lines.Count, seen.Count);
            for (int i = 0; i < lines.Count; i++)
            {
                Assert.Equal(i == 4321 ? "error:" : lines[i], i == 4321 ? seen[i].Substring(0, 6) : seen[i]);
            }
        }

        [Fact]
        public void Bytes_kept_past_the_decision_are_recycled_so_work_must_copy_what_it_keeps()
        {
            // The contract of MapRecords, shown: a record's bytes belong to the pipeline once its batch is decided.
            string log = string.Join("\n", Enumerable.Range(0, 3000).Select(i => "{\"i\":" + i + ",\"pad\":\"" + new string('x', 200) + "\"}"));
            var kept = OrderedParallel.MapRecords(EventStreamReader.ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(log)), "log"), r => r.Record.Json).ToList();

            Assert.NotEqual("{\"i\":0,\"pad\":\"" + new string('x', 200) + "\"}", Encoding.UTF8.GetString(kept[0].ToArray()));
        }

        [Fact]
        public void Other_record_sources_are_mapped_as_they_are()
        {
            var records = Enumerable.Range(0, 1000).Select(i => Borrowed("{\"i\":" + i + "}", i + 1)).ToList();
            var seen = OrderedParallel.MapRecords(records, r => Text(r)).ToList();
            Assert.Equal(records.Select(Text), seen);
        }
    }
}
