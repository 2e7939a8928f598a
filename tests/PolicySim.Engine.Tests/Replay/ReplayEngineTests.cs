using System.IO;
using PolicySim.Evaluation;
using PolicySim.Policies;
using PolicySim.Replay;
using static PolicySim.Tests.Replay.ReplayTestData;

namespace PolicySim.Tests.Replay
{
    public class ReplayEngineTests
    {
        private const string ToolsOld = @"
version: ""1.1.0""
name: old
guards:
  mcp_tool:
    default_action: allow
    block: [e, f, g]
    require_confirmation: [c, d]
";

        private const string ToolsNew = @"
version: ""1.1.0""
name: new
guards:
  mcp_tool:
    default_action: allow
    max_args_size: 40
    block: [a, c, g]
    require_confirmation: [b, f]
";

        private static PolicyDefinition Old => TestPolicies.Yaml(ToolsOld);

        private static PolicyDefinition New => TestPolicies.Yaml(ToolsNew);

        private static string ToolEvents => string.Join("\n", new[]
        {
            Tool("t-a", "a"), Tool("t-b", "b"), Tool("t-c", "c"), Tool("t-d", "d"), Tool("t-e", "e"), Tool("t-f", "f"),
            Tool("t-g", "g", "{\"payload\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}"), Tool("t-h", "h"),
        }) + "\n";

        [Theory]
        [InlineData("default")]
        [InlineData("strict")]
        [InlineData("ai-agent")]
        public void Replaying_format_a_records_under_the_policy_that_made_them_gives_no_flips(string ruleset)
        {
            PolicyDefinition policy = PolicyLoader.Load(ruleset);
            var (items, summary) = RunReplay(policy, Records(FormatA(policy, AuditLog)));
            Assert.All(items, i => Assert.Null(i.Error));
            Assert.Equal(36, summary.Total);
            Assert.Equal(0, summary.Total - summary.Count(FlipKind.None));
            Assert.Equal(0, summary.Errors);
            Assert.Empty(summary.Groups);
        }

        [Theory]
        [InlineData(RecordJoinSide.SimulateOutput)]
        [InlineData(RecordJoinSide.Events)]
        public void Replaying_joined_simulate_output_under_the_same_policy_gives_no_flips(RecordJoinSide held)
        {
            PolicyDefinition policy = PolicyLoader.Load("default");
            var records = RecordedDecisionReader.JoinSimulateOutput(Raw(FormatB(policy, AuditLog), "sim.jsonl"), RawFile(AuditLog), held);
            var (items, summary) = RunReplay(policy, records);
            Assert.Equal(36, summary.Total);
            Assert.Equal(36, summary.Count(FlipKind.None));
            Assert.Equal(0, summary.Errors);
            Assert.Equal(Enumerable.Range(1, 36).Select(i => "evt-" + i.ToString("0000")), items.Select(i => i.Result!.EventId));
        }

        [Fact]
        public void Join_reports_unmatched_records_on_both_sides()
        {
            PolicyDefinition policy = PolicyLoader.Load("default");
            string outputs = FormatB(policy, AuditLog);
            string[] lines = outputs.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            string someOutputs = string.Join("\n", lines.Take(10)) + "\n{\"eventId\":\"ghost\",\"outcome\":\"allowed\",\"decision\":{\"allowed\":true}}\n";
            var (items, summary) = RunReplay(policy, RecordedDecisionReader.JoinSimulateOutput(Raw(someOutputs, "sim.jsonl"), RawFile(AuditLog), RecordJoinSide.SimulateOutput));
            Assert.Equal(10, summary.Total);
            Assert.Equal(27, summary.Errors);
            Assert.All(items.Where(i => i.Error != null), i => Assert.Equal(ReplayErrorKind.Unmatched, i.Error!.Kind));
            Assert.Equal("sim.jsonl", items.Last().Error!.Source);
            Assert.Equal(11, items.Last().Error!.Line);
        }

        [Fact]
        public void Format_is_detected_from_the_first_record()
        {
            PolicyDefinition policy = PolicyLoader.Load("default");
            var first = Raw(FormatA(policy, AuditLog)).First().Record;
            Assert.True(RecordedDecisionReader.TryParseJson(first, out var a, out _));
            Assert.Equal(RecordedDecisionFormat.PolicyEvents, RecordedDecisionReader.Detect(a));
            Assert.True(RecordedDecisionReader.TryParseJson(Raw(FormatB(policy, AuditLog)).First().Record, out var b, out _));
            Assert.Equal(RecordedDecisionFormat.SimulateOutput, RecordedDecisionReader.Detect(b));
            Assert.True(RecordedDecisionReader.TryParseJson(Raw(Daemon("d1", "file_access", "/etc/passwd", "allowed")).First().Record, out var c, out _));
            Assert.Equal(RecordedDecisionFormat.DaemonAudit, RecordedDecisionReader.Detect(c));
        }

        [Fact]
        public void Compare_produces_every_outcome_flip_kind_and_reason_changes()
        {
            var (items, summary) = RunCompare(Old, New, ToolEvents);
            var byId = items.ToDictionary(i => i.Result!.EventId, i => i.Result!);
            Assert.Equal(FlipKind.AllowToDeny, byId["t-a"].Flip);
            Assert.Equal(FlipKind.AllowToWarn, byId["t-b"].Flip);
            Assert.Equal(FlipKind.WarnToDeny, byId["t-c"].Flip);
            Assert.Equal(FlipKind.WarnToAllow, byId["t-d"].Flip);
            Assert.Equal(FlipKind.DenyToAllow, byId["t-e"].Flip);
            Assert.Equal(FlipKind.DenyToWarn, byId["t-f"].Flip);
            Assert.Equal(FlipKind.ReasonChanged, byId["t-g"].Flip);
            Assert.Equal(FlipKind.None, byId["t-h"].Flip);
            Assert.Equal(FlipClass.Widening, byId["t-e"].FlipClass);
            Assert.Equal(FlipClass.Breaking, byId["t-a"].FlipClass);
            Assert.Equal("Tool 'g' is blocked by policy", byId["t-g"].BaselineMessage);
            Assert.StartsWith("Tool arguments too large", byId["t-g"].CandidateMessage);
            Assert.Equal(8, summary.Total);
            Assert.Equal(6, summary.Changed);
            Assert.Equal(3, summary.Widening);
            Assert.Equal(3, summary.Breaking);
            Assert.Equal(Enum.GetValues<FlipKind>().Length, summary.Flips.Count);
            Assert.Equal(7, summary.Groups.Count);
            Assert.All(summary.Groups.Take(3), g => Assert.Equal(FlipClass.Widening, g.Class));
            Assert.All(summary.Groups.Skip(3).Take(3), g => Assert.Equal(FlipClass.Breaking, g.Class));
            Assert.Equal(FlipKind.ReasonChanged, summary.Groups[6].Kind);
        }

        [Fact]
        public void Impact_counters_follow_the_reference_names()
        {
            var (_, summary) = RunCompare(Old, New, ToolEvents);
            var impact = ImpactSummary.From(summary);
            Assert.Equal(8, impact.Total);
            Assert.Equal(6, impact.Changed);
            Assert.Equal(1, impact.AllowToBlock);
            Assert.Equal(1, impact.AllowToWarn);
            Assert.Equal(1, impact.WarnToAllow);
            Assert.Equal(1, impact.WarnToBlock);
            Assert.Equal(1, impact.BlockToAllow);
            Assert.Equal(1, impact.BlockToWarn);
        }

        [Fact]
        public void Redacted_tool_parameters_make_the_candidate_unknown_naming_the_field()
        {
            string tool = Tool("r1", "h", "{\"token\":\"[redacted]\"}");
            string records = tool[..^1] + ",\"outcome\":\"allowed\"}\n";
            var (items, summary) = RunReplay(Old, Records(records));
            ReplayResult r = items.Single().Result!;
            Assert.Equal(FlipKind.ToUnknown, r.Flip);
            Assert.Equal(DecisionOutcome.Unknown, r.CandidateOutcome);
            Assert.Equal("data.parameters", r.UnknownFields);
            Assert.Equal("redacted field data.parameters", r.CandidateMessage);
            Assert.Equal(1, summary.Unknown);
            Assert.Equal(1, summary.Count(FlipKind.ToUnknown));
        }

        [Fact]
        public void A_baseline_policy_that_needs_a_redacted_field_gives_FromUnknown()
        {
            PolicyDefinition noTools = TestPolicies.Yaml("version: \"1.1.0\"\nname: none\nguards:\n  mcp_tool:\n    enabled: false\n");
            var (items, _) = RunCompare(Old, noTools, Tool("r1", "h", "\"***\"") + "\n");
            Assert.Equal(FlipKind.FromUnknown, items.Single().Result!.Flip);
        }

        [Theory]
        [InlineData("[redacted]")]
        [InlineData("[REDACTED]")]
        [InlineData("*****")]
        [InlineData("sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
        public void Redacted_file_content_makes_the_decision_unknown(string content)
        {
            string record = "{\"eventId\":\"w1\",\"eventType\":\"file_write\",\"timestamp\":\"2026-11-02T09:00:00Z\",\"data\":{\"type\":\"file\",\"path\":\"/workspace/a.txt\",\"content\":\"" + content + "\"},\"outcome\":\"allowed\"}\n";
            var (items, _) = RunReplay(PolicyLoader.Load("default"), Records(record));
            Assert.Equal(FlipKind.ToUnknown, items.Single().Result!.Flip);
            Assert.Equal("data.content", items.Single().Result!.UnknownFields);
        }

        [Fact]
        public void A_full_event_without_content_follows_the_reference_missing_content_bytes()
        {
            PolicyDefinition policy = PolicyLoader.Load("default");
            var (items, _) = RunReplay(policy, Records(FormatA(policy, AuditLog)));
            ReplayResult r = items.Single(i => i.Result!.EventId == "evt-0015").Result!;
            Assert.Equal(FlipKind.None, r.Flip);
            Assert.Equal("missing_content_bytes", r.CandidateReason);
        }

        [Fact]
        public void Daemon_records_without_payloads_are_unknown_where_a_guard_needs_the_payload()
        {
            string log = string.Join("\n", new[]
            {
                Daemon("d1", "file_access", "/workspace/app/main.rs", "allowed"),
                Daemon("d2", "file_access", "/home/alice/.ssh/id_rsa", "blocked", "forbidden_path", "Critical", "Access to forbidden path: /home/alice/.ssh/id_rsa"),
                Daemon("d3", "file_write", "/workspace/app/out.txt", "allowed"),
                Daemon("d4", "egress", "api.github.com:443", "allowed"),
                Daemon("d5", "mcp_tool", "git_push", "allowed", "mcp_tool", "Warning", "Tool 'git_push' requires confirmation"),
                Daemon("d6", "patch", "/workspace/app/x.rs", "allowed"),
                Daemon("d7", "file_write", "/home/alice/.ssh/config", "blocked", "forbidden_path", "Critical", "Access to forbidden path: /home/alice/.ssh/config"),
                "{\"id\":\"s1\",\"timestamp\":\"2026-11-02T09:00:00Z\",\"event_type\":\"session_start\",\"action_type\":\"session\",\"decision\":\"allowed\"}",
                Daemon("d8", "shell", "ls -la", "allowed"),
            }) + "\n";
            var (items, summary) = RunReplay(PolicyLoader.Load("default"), Records(log));
            var byId = items.ToDictionary(i => i.Result!.EventId, i => i.Result!);
            Assert.Equal(FlipKind.None, byId["d1"].Flip);
            Assert.Equal(FlipKind.None, byId["d2"].Flip);
            Assert.Equal(FlipKind.ToUnknown, byId["d3"].Flip);
            Assert.Equal("missing field data.content", byId["d3"].CandidateMessage);
            Assert.Equal(FlipKind.None, byId["d4"].Flip);
            Assert.Equal(FlipKind.ToUnknown, byId["d5"].Flip);
            Assert.Equal("data.parameters", byId["d5"].UnknownFields);
            Assert.Equal(FlipKind.ToUnknown, byId["d6"].Flip);
            Assert.Equal("data.patchContent", byId["d6"].UnknownFields);
            Assert.Equal(FlipKind.None, byId["d7"].Flip);
            Assert.Equal(FlipKind.None, byId["d8"].Flip);
            Assert.Equal(DecisionOutcome.Warned, byId["d5"].BaselineOutcome);
            Assert.Equal(1, summary.FilteredOut);
            Assert.Equal(3, summary.Unknown);
        }

        [Fact]
        public void Malformed_records_are_counted_with_lines_and_strict_stops_at_the_first()
        {
            PolicyDefinition policy = PolicyLoader.Load("default");
            string[] lines = FormatA(policy, AuditLog).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines[2] = "{not json";
            lines[5] = lines[5].Replace("\"outcome\":\"allowed\"", "\"outcome\":\"maybe\"").Replace("\"outcome\":\"blocked\"", "\"outcome\":\"maybe\"");
            lines[7] = "{\"eventId\":\"x\",\"eventType\":\"process_start\",\"timestamp\":\"2026-11-02T09:00:00Z\",\"data\":{\"type\":\"process\"},\"outcome\":\"allowed\"}";
            string text = string.Join("\n", lines) + "\n";
            var (items, summary) = RunReplay(policy, Records(text));
            Assert.Equal(3, summary.Errors);
            Assert.Equal(33, summary.Total);
            var errors = items.Where(i => i.Error != null).Select(i => i.Error!).ToList();
            Assert.Equal(new long[] { 3, 6, 8 }, errors.Select(e => e.Line));
            Assert.Equal(new[] { ReplayErrorKind.InvalidJson, ReplayErrorKind.InvalidRecord, ReplayErrorKind.Unmappable }, errors.Select(e => e.Kind));
            Assert.All(errors, e => Assert.Equal("test.jsonl", e.Source));
            Assert.Contains("unsupported eventType: process_start", errors[2].Message);

            var (strictItems, strictSummary) = RunReplay(policy, Records(text), new ReplayOptions { Strict = true });
            Assert.Equal(3, strictItems.Count);
            Assert.NotNull(strictItems.Last().Error);
            Assert.Equal(1, strictSummary.Errors);
        }

        [Fact]
        public void Records_without_outcome_need_a_baseline_policy()
        {
            string events = File.ReadAllText(AuditLog);
            var (items, summary) = RunReplay(PolicyLoader.Load("default"), Records(events));
            Assert.Equal(36, summary.Errors);
            Assert.Equal(ReplayErrorKind.MissingOutcome, items[0].Error!.Kind);
            var (_, withBaseline) = RunReplay(PolicyLoader.Load("strict"), Records(events), new ReplayOptions { BaselinePolicy = PolicyLoader.Load("default") });
            Assert.Equal(36, withBaseline.Total);
            Assert.True(withBaseline.Changed > 0);
        }

        [Fact]
        public void Sampling_is_deterministic_for_a_seed_and_independent_of_order()
        {
            var events = Enumerable.Range(0, 2000).Select(i => Tool("id-" + i, "h")).ToList();
            string text = string.Join("\n", events) + "\n";
            string reversed = string.Join("\n", Enumerable.Reverse(events)) + "\n";
            var options = new ReplayOptions { SampleRate = 0.25, Seed = 42 };
            var a = RunCompare(Old, New, text, options).Items.Select(i => i.Result!.EventId).ToList();
            var b = RunCompare(Old, New, text, options).Items.Select(i => i.Result!.EventId).ToList();
            var c = RunCompare(Old, New, reversed, options).Items.Select(i => i.Result!.EventId).Reverse().ToList();
            var d = RunCompare(Old, New, text, new ReplayOptions { SampleRate = 0.25, Seed = 43 }).Items.Select(i => i.Result!.EventId).ToList();
            Assert.Equal(a, b);
            Assert.Equal(a, c);
            Assert.NotEqual(a, d);
            Assert.InRange(a.Count, 400, 600);
            var summary = RunCompare(Old, New, text, options).Summary;
            Assert.Equal(2000 - a.Count, summary.SampledOut);
        }

        [Fact]
        public void Time_window_event_type_and_guard_filters_apply()
        {
            string text = File.ReadAllText(AuditLog);
            PolicyDefinition current = PolicyLoader.Load(ExamplePath("policies", "current.yaml"));
            PolicyDefinition candidate = PolicyLoader.Load(ExamplePath("policies", "candidate.yaml"));
            var window = new ReplayOptions { Since = DateTimeOffset.Parse("2026-11-02T09:00:10Z"), Until = DateTimeOffset.Parse("2026-11-02T09:00:20Z") };
            var (items, summary) = RunCompare(current, candidate, text, window);
            Assert.Equal(10, summary.Total);
            Assert.Equal("evt-0010", items.First().Result!.EventId);
            Assert.Equal("evt-0019", items.Last().Result!.EventId);
            Assert.Equal(26, summary.FilteredOut);

            var (egress, egressSummary) = RunCompare(current, candidate, text, new ReplayOptions { EventTypes = new[] { "network_egress" } });
            Assert.Equal(7, egressSummary.Total);
            Assert.All(egress, i => Assert.Equal("network_egress", i.Result!.EventType));

            var (guarded, _) = RunCompare(current, candidate, text, new ReplayOptions { Guards = new[] { "egress_allowlist" } });
            Assert.All(guarded, i => Assert.True(i.Result!.BaselineGuard == "egress_allowlist" || i.Result!.CandidateGuard == "egress_allowlist"));
            Assert.Contains(guarded, i => i.Result!.EventId == "evt-0020" && i.Result!.Flip == FlipKind.DenyToAllow);
        }

        [Fact]
        public void Merging_shard_summaries_equals_the_whole()
        {
            string[] lines = File.ReadAllLines(AuditLog);
            PolicyDefinition current = PolicyLoader.Load(ExamplePath("policies", "current.yaml"));
            PolicyDefinition candidate = PolicyLoader.Load(ExamplePath("policies", "candidate.yaml"));
            var many = string.Join("\n", Enumerable.Range(0, 4).SelectMany(k => lines.Select(l => l.Replace("\"evt-", "\"r" + k + "-evt-")))) + "\n";
            string[] all = many.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var whole = RunCompare(current, candidate, many).Summary;
            foreach (int cut in new[] { 0, 1, 50, 100, all.Length })
            {
                var first = RunCompare(current, candidate, string.Join("\n", all.Take(cut)) + "\n").Summary;
                var second = RunCompare(current, candidate, string.Join("\n", all.Skip(cut)) + "\n").Summary;
                AssertSameSummary(whole, ReplaySummary.Merge(first, second));
            }

            Assert.True(whole.Changed > 0);
            Assert.All(whole.Groups, g => Assert.Equal(Math.Min(g.Count, FlipGroup.MaxSamples), g.SampleEventIds.Count));
            Assert.Contains(whole.Groups, g => g.Count == 4 && g.SampleEventIds[0].StartsWith("r0-") && g.SampleEventIds[3].StartsWith("r3-"));
        }

        internal static void AssertSameSummary(ReplaySummary expected, ReplaySummary actual)
        {
            Assert.Equal(expected.ToString(), actual.ToString());
            Assert.Equal(expected.Flips, actual.Flips);
            Assert.Equal(expected.SampledOut, actual.SampledOut);
            Assert.Equal(expected.FilteredOut, actual.FilteredOut);
            Assert.Equal(expected.Groups.Select(Describe), actual.Groups.Select(Describe));
        }

        private static string Describe(FlipGroup g) =>
            g + " " + g.BaselineGuard + "/" + g.CandidateGuard + " " + g.FirstSeen.ToString("O") + " " + g.LastSeen.ToString("O") + " " + string.Join(",", g.SampleEventIds);

        internal static string Daemon(string id, string action, string target, string decision, string? guard = null, string? severity = null, string? message = null) =>
            "{\"id\":\"" + id + "\",\"timestamp\":\"2026-11-02T09:00:00Z\",\"event_type\":\"" + (decision == "blocked" ? "violation" : "check") + "\",\"action_type\":\"" + action + "\",\"target\":\"" + target + "\",\"decision\":\"" + decision + "\""
            + (guard != null ? ",\"guard\":\"" + guard + "\"" : string.Empty)
            + (severity != null ? ",\"severity\":\"" + severity + "\"" : string.Empty)
            + (message != null ? ",\"message\":\"" + message + "\"" : string.Empty)
            + ",\"session_id\":\"s1\",\"agent_id\":\"a1\"}";
    }
}
