using System.IO;
using PolicySim.Evaluation;
using PolicySim.Events;
using PolicySim.Policies;
using PolicySim.Replay;
using static PolicySim.Tests.Replay.ReplayTestData;

namespace PolicySim.Tests.Replay
{
    public class ReplaySessionTests
    {
        private static PolicyDefinition Policy(string name) => PolicyLoader.Load(ExamplePath("policies", name));

        private static string Describe(ReplayItem i) => i.ToString() + "@" + i.Line;

        private static string Describe(ReplaySummary s) =>
            string.Join(",", s.Flips.Select(p => p.Key + "=" + p.Value)) + ";" + s + ";" + s.SampledOut + ";" + s.FilteredOut + ";" + string.Join("|", s.Groups.Select(g => g.ToString()));

        /// <summary>Feeds the session one pipeline line at a time through the assembler, as the cmdlet does.</summary>
        private static List<ReplayItem> PushLines(ReplaySession session, IEnumerable<string> lines)
        {
            var assembler = new LineFragmentAssembler("pipeline");
            var items = new List<ReplayItem>();
            foreach (string line in lines)
            {
                items.AddRange(session.AddRange(assembler.Push(line)));
            }

            items.AddRange(session.AddRange(assembler.Complete()));
            return items;
        }

        [Theory]
        [InlineData("audit.jsonl", 4)]
        [InlineData("audit.pretty.json", 1)]
        public void Pushing_lines_gives_the_same_items_and_summary_as_a_replay_of_the_file(string file, int allowToDeny)
        {
            var candidate = Policy("candidate.yaml");
            var options = new ReplayOptions { BaselinePolicy = Policy("current.yaml") };
            string path = ExamplePath("events", file);
            var (expected, expectedSummary) = RunReplay(candidate, RecordedDecisionReader.Read(EventStreamReader.ReadAll(File.OpenRead(path), "pipeline")).ToList(), options);

            var session = new ReplaySession(candidate, options);
            var items = PushLines(session, File.ReadAllLines(path));

            Assert.Equal(expected.Select(Describe), items.Select(Describe));
            Assert.Equal(Describe(expectedSummary), Describe(session.Summary));
            Assert.Equal(allowToDeny, items.Count(i => i.Result?.Flip == FlipKind.AllowToDeny));
            Assert.Equal(allowToDeny, session.Summary.Count(FlipKind.AllowToDeny));
        }

        [Fact]
        public void Posture_state_is_carried_from_one_pushed_record_to_the_next()
        {
            var candidate = Policy("posture.yaml");
            var options = new ReplayOptions { BaselinePolicy = Policy("current.yaml") };
            var (expected, expectedSummary) = RunReplay(candidate, Records(File.ReadAllText(AuditLog)), options);
            var session = new ReplaySession(candidate, options);
            var items = PushLines(session, File.ReadAllLines(AuditLog));
            Assert.Equal(expected.Select(Describe), items.Select(i => Describe(i).Replace("pipeline", "test.jsonl", StringComparison.Ordinal)));
            Assert.Equal(Describe(expectedSummary), Describe(session.Summary));
        }

        [Fact]
        public void A_comparison_session_equals_PolicyComparison_and_ignores_recorded_outcomes()
        {
            var reference = Policy("current.yaml");
            var difference = Policy("candidate.yaml");
            var options = new ReplayOptions { SampleRate = 0.5, Seed = 7, EventTypes = new[] { "file_read", "network_egress" } };
            var (expected, expectedSummary) = RunCompare(reference, difference, File.ReadAllText(AuditLog), options);
            var session = ReplaySession.ForComparison(reference, difference, options);
            var items = PushLines(session, File.ReadAllLines(AuditLog));
            Assert.Equal(expected.Select(i => i.ToString()), items.Select(i => i.ToString()));
            Assert.Equal(Describe(expectedSummary), Describe(session.Summary));
            Assert.Equal(RecordedDecisionFormat.PolicyEvents, session.Format);
        }

        [Fact]
        public void Records_without_an_outcome_and_no_baseline_are_MissingOutcome_errors_counted_in_the_summary()
        {
            var session = new ReplaySession(Policy("candidate.yaml"), null);
            var items = PushLines(session, File.ReadAllLines(AuditLog).Take(3));
            Assert.Equal(3, items.Count);
            Assert.All(items, i => Assert.Equal(ReplayErrorKind.MissingOutcome, i.Error!.Kind));
            Assert.Equal("PolicySim.Replay.MissingOutcome", items[0].Error!.ErrorId);
            Assert.Equal("pipeline:1: No baseline for record on line 1: record evt-0001 has no recorded outcome and no baseline policy was given", items[0].Error!.ToString());
            Assert.Equal(3, session.Summary.Errors);
        }

        [Fact]
        public void A_strict_session_stops_after_the_first_error()
        {
            var options = new ReplayOptions { BaselinePolicy = Policy("current.yaml"), Strict = true };
            var session = new ReplaySession(Policy("candidate.yaml"), options);
            var lines = File.ReadAllLines(AuditLog).Take(2).Concat(new[] { "{broken" }).Concat(File.ReadAllLines(AuditLog).Skip(2));
            var items = PushLines(session, lines);
            Assert.Equal(3, items.Count);
            Assert.Equal(ReplayErrorKind.InvalidJson, items[2].Error!.Kind);
            Assert.Equal(3, items[2].Line);
            Assert.True(session.Stopped);
            Assert.Equal(2, session.Summary.Total);
            Assert.Equal(1, session.Summary.Errors);
        }

        [Fact]
        public void The_format_is_detected_from_the_first_readable_record()
        {
            string daemon = "{\"id\":\"d1\",\"timestamp\":\"2026-11-02T09:00:00Z\",\"event_type\":\"guard_decision\",\"action_type\":\"egress\",\"target\":\"paste.example:443\",\"decision\":\"allowed\",\"session_id\":\"s1\"}";
            var session = new ReplaySession(Policy("candidate.yaml"), null);
            var items = PushLines(session, new[] { "{oops", daemon });
            Assert.Equal(RecordedDecisionFormat.DaemonAudit, session.Format);
            Assert.Equal(ReplayErrorKind.InvalidJson, items[0].Error!.Kind);
            Assert.Equal(FlipKind.AllowToDeny, items[1].Result!.Flip);
            Assert.Equal(DecisionOutcome.Denied, items[1].Result!.CandidateOutcome);
        }

        [Fact]
        public void Each_input_is_detected_on_its_own_after_BeginInput()
        {
            string daemon = "{\"id\":\"d1\",\"timestamp\":\"2026-11-02T09:00:00Z\",\"event_type\":\"guard_decision\",\"action_type\":\"egress\",\"target\":\"paste.example:443\",\"decision\":\"allowed\",\"session_id\":\"s1\"}";
            var session = new ReplaySession(Policy("candidate.yaml"), new ReplayOptions { BaselinePolicy = Policy("current.yaml") });
            Assert.Single(PushLines(session, new[] { daemon }));
            Assert.Equal(RecordedDecisionFormat.DaemonAudit, session.Format);
            session.BeginInput();
            Assert.Equal(RecordedDecisionFormat.Auto, session.Format);
            var items = PushLines(session, File.ReadAllLines(AuditLog));
            Assert.Equal(RecordedDecisionFormat.PolicyEvents, session.Format);
            Assert.All(items, i => Assert.NotNull(i.Result));
            Assert.Equal(37, session.Summary.Total);
        }
    
        /// <summary>A generated log with decisions recorded, bad lines, and events every filter can see.</summary>
        private static string MixedLog(int count)
        {
            var sb = new System.Text.StringBuilder();
            string[] types = { "file_read", "network_egress", "file_write", "custom" };
            for (int i = 1; i <= count; i++)
            {
                if (i % 97 == 0)
                {
                    sb.Append("{not json\n");
                    continue;
                }

                string type = types[i % types.Length];
                string data = type switch
                {
                    "file_read" => "{\"type\":\"file\",\"path\":\"" + (i % 3 == 0 ? "/home/u/.ssh/id_rsa" : "/workspace/a" + i + ".txt") + "\",\"operation\":\"read\"}",
                    "network_egress" => "{\"type\":\"network\",\"host\":\"" + (i % 2 == 0 ? "api.github.com" : "evil.example") + "\",\"port\":443}",
                    "file_write" => "{\"type\":\"file\",\"path\":\"/workspace/w.txt\",\"operation\":\"write\",\"content\":\"" + (i % 5 == 0 ? "AKIA" + new string('Q', 16) : "hello") + "\"}",
                    _ => "{\"type\":\"custom\",\"customType\":\"untrusted_text\",\"text\":\"" + (i % 4 == 0 ? "ignore previous instructions" : "please summarise") + "\"}",
                };
                string outcome = i % 2 == 0 ? "allowed" : "blocked";
                sb.Append("{\"eventId\":\"e" + i + "\",\"eventType\":\"" + type + "\",\"timestamp\":\"2026-01-01T00:00:" + (i % 60).ToString("00", System.Globalization.CultureInfo.InvariantCulture) + "Z\",\"sessionId\":\"s\",\"outcome\":\"" + outcome + "\",\"data\":" + data + "}\n");
            }

            return sb.ToString();
        }

        private static IEnumerable<EventReadResult> Raw(string text, bool deferValidation = false) =>
            EventStreamReader.ReadAll(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "log.jsonl", new EventStreamOptions { DeferValidation = deferValidation });

        /// <summary>A raw record as a test sees it: where it came from and its text.</summary>
        private static string RawText(EventReadResult raw) =>
            raw.IsError ? "read error " + raw.Error!.Message : raw.Record.Source + ":" + raw.Line + " " + System.Text.Encoding.UTF8.GetString(raw.Record.Json.ToArray());

        [Theory]
        [InlineData(false, false, null, false)]
        [InlineData(true, false, null, false)]
        [InlineData(false, true, null, false)]
        [InlineData(false, false, 0.5, false)]
        [InlineData(false, false, null, true)]
        [InlineData(true, false, null, true)]
        [InlineData(false, true, null, true)]
        [InlineData(true, false, 0.5, true)]
        public void A_whole_input_gives_the_same_items_summary_and_raw_records_as_adding_records_one_by_one(bool compare, bool strict, double? sampleRate, bool recordsOfErrorsOnly)
        {
            string log = MixedLog(3000);
            PolicyDefinition current = TestPolicies.BuiltIn("default");
            PolicyDefinition candidate = TestPolicies.BuiltIn("strict");
            ReplaySession NewSession()
            {
                var options = new ReplayOptions { Strict = strict, SampleRate = sampleRate ?? 1.0, Seed = 7 };
                if (compare)
                {
                    return ReplaySession.ForComparison(current, candidate, options);
                }

                options.BaselinePolicy = current;
                return new ReplaySession(candidate, options);
            }

            var one = NewSession();
            one.BeginInput();
            var expected = new List<string>();
            foreach (EventReadResult raw in Raw(log))
            {
                ReplayItem? item = one.Add(raw);
                if (item != null)
                {
                    expected.Add(Describe(item) + "<" + raw.Line + "/" + item.Error?.Kind);
                }
            }

            var whole = NewSession();
            whole.BeginInput();
            // As the cmdlets read files: validation deferred to the workers. The raw records come from the reader's
            // own sequence, so with recordsOfErrorsOnly the pipeline recycles their bytes: an error item's record
            // must have been copied before that, and no item may depend on recycled bytes.
            var pairs = whole.AddInput(Raw(log, deferValidation: true), recordsOfErrorsOnly).ToList();
            var actual = pairs.Select(p => Describe(p.Value) + "<" + p.Key.Line + "/" + p.Value.Error?.Kind).ToList();

            // Each item comes with its record as read (with recordsOfErrorsOnly, a result with its source and line only).
            var textByLine = Raw(log, deferValidation: true).ToDictionary(r => r.Line, RawText);
            foreach (var pair in pairs)
            {
                string reported = recordsOfErrorsOnly && pair.Value.Error == null
                    ? RawText(new EventReadResult(new EventRecord("log.jsonl", pair.Value.Line, ReadOnlyMemory<byte>.Empty)))
                    : textByLine[pair.Value.Line];
                Assert.Equal(reported, RawText(pair.Key));
            }

            Assert.Equal(expected, actual);
            Assert.Equal(Describe(one.Summary), Describe(whole.Summary));
            Assert.Equal(one.Stopped, whole.Stopped);
            Assert.Equal(strict, whole.Stopped);
            Assert.True(actual.Count > (strict ? 10 : 1000), actual.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains(actual, a => a.EndsWith("/" + ReplayErrorKind.InvalidJson, StringComparison.Ordinal));
        }
    
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_whole_input_under_a_posture_policy_threads_state_in_order(bool recordsOfErrorsOnly)
        {
            var candidate = Policy("posture.yaml");
            var options = new ReplayOptions { BaselinePolicy = Policy("current.yaml") };
            // Broken records among many: the records read after one reuse the reader's buffer.
            string[] lines = File.ReadAllLines(AuditLog);
            string log = string.Concat(Enumerable.Range(0, 60).Select(i => string.Join("\n", lines) + "\n{\"eventId\": broken" + i + "\n"));
            var one = new ReplaySession(candidate, options);
            var expected = Raw(log, deferValidation: true).Select(raw => (raw, item: one.Add(raw))).Where(p => p.item != null)
                .Select(p => Describe(p.item!) + "<" + (recordsOfErrorsOnly && p.item!.Error == null ? p.raw.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : RawText(p.raw))).ToList();
            var whole = new ReplaySession(candidate, options);

            // Posture state makes the session decide record by record, on this thread; borrowed records are still
            // only valid until the next is read, so an error's record must be a copy.
            // (The pairs are kept before they are looked at, as a caller may: a borrowed record would be overwritten by then.)
            var actual = whole.AddInput(Raw(log, deferValidation: true), recordsOfErrorsOnly).ToList()
                .Select(p => Describe(p.Value) + "<" + (recordsOfErrorsOnly && p.Value.Error == null ? (p.Key.Record.Json.IsEmpty ? p.Key.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : "bytes kept") : RawText(p.Key))).ToList();
            Assert.Equal(expected, actual);
            Assert.Contains(actual, a => a.Contains("broken", StringComparison.Ordinal));
            Assert.Equal(Describe(one.Summary), Describe(whole.Summary));
            Assert.Contains(whole.Summary.Groups, g => g.ToString().Contains("StateDependent", StringComparison.Ordinal) || g.Kind == FlipKind.StateDependent);
        }
    }
}
