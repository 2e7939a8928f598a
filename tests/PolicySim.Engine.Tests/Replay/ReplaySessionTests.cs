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
    }
}
