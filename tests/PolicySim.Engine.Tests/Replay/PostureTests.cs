using System.IO;
using System.Linq;
using System.Text;
using PolicySim.Evaluation;
using PolicySim.Evaluation.Posture;
using PolicySim.Events;
using PolicySim.Policies;
using PolicySim.Replay;
using static PolicySim.Tests.TestPolicies;

namespace PolicySim.Tests.Replay
{
    public class PostureTests
    {
        private const string Policy = "version: \"1.2.0\"\nposture:\n  initial: work\n  states:\n    work: {capabilities: [file_access, file_write, egress], budgets: {file_writes: 2}}\n    locked: {capabilities: [file_access]}\n  transitions:\n    - {from: work, to: locked, on: critical_violation}\n    - {from: work, to: locked, on: budget_exhausted}\n    - {from: locked, to: work, on: timeout, after: 10m}\n";

        private static PolicyEvent Ev(string id, string type, string data, string time = "2026-02-03T00:00:00Z", string session = "s1") =>
            PolicyDecider.ParseEvent("{\"eventId\":\"" + id + "\",\"eventType\":\"" + type + "\",\"timestamp\":\"" + time + "\",\"sessionId\":\"" + session + "\",\"data\":" + data + "}");

        private static PolicyEvent Write(string id, string path, string time = "2026-02-03T00:00:00Z", string session = "s1") =>
            Ev(id, "file_write", "{\"type\":\"file\",\"path\":\"" + path + "\",\"content\":\"x\"}", time, session);

        [Fact]
        public void Missing_capability_blocks_before_any_guard()
        {
            var p = Yaml(Policy);
            var tracker = new PostureTracker(p);
            var d = PolicyDecider.Decide(p, Ev("e1", "tool_call", "{\"type\":\"tool\",\"toolName\":\"read_file\"}"), tracker);
            Assert.Equal(DecisionOutcome.Denied, d.Outcome);
            Assert.Equal("posture", d.Guard);
            Assert.Equal("action 'custom' is not allowed in posture state 'work'", d.Message);
            Assert.True(d.IsStateDependent);
        }

        [Fact]
        public void Budgets_are_consumed_and_exhaustion_moves_state()
        {
            var p = Yaml(Policy);
            var tracker = new PostureTracker(p);
            var d1 = PolicyDecider.Decide(p, Write("e1", "/tmp/a"), tracker);
            Assert.Equal("work", d1.Posture!.State);
            Assert.Equal(1, d1.Posture.Budgets.Single().Used);
            var d2 = PolicyDecider.Decide(p, Write("e2", "/tmp/b"), tracker);
            Assert.True(d2.Allowed);
            Assert.Equal("locked", d2.Posture!.State);
            Assert.Equal("budget_exhausted", d2.Posture.Transition!.Trigger);
            var d3 = PolicyDecider.Decide(p, Write("e3", "/tmp/c"), tracker);
            Assert.Equal("action 'file_write' is not allowed in posture state 'locked'", d3.Message);
        }

        [Fact]
        public void Budget_exhausted_precheck_blocks_with_used_and_limit()
        {
            var p = Yaml(Policy.Replace("    - {from: work, to: locked, on: budget_exhausted}\n", string.Empty));
            var tracker = new PostureTracker(p);
            PolicyDecider.Decide(p, Write("e1", "/tmp/a"), tracker);
            PolicyDecider.Decide(p, Write("e2", "/tmp/b"), tracker);
            var d = PolicyDecider.Decide(p, Write("e3", "/tmp/c"), tracker);
            Assert.Equal("posture_budget", d.Guard);
            Assert.Equal("budget 'file_writes' exhausted (2/2)", d.Message);
            Assert.Equal("high", d.Severity);
        }

        [Fact]
        public void Critical_violation_locks_and_timeout_unlocks()
        {
            var p = Yaml(Policy);
            var tracker = new PostureTracker(p);
            var blocked = PolicyDecider.Decide(p, Ev("e1", "file_read", "{\"type\":\"file\",\"path\":\"/etc/shadow\"}"), tracker);
            Assert.Equal("forbidden_path", blocked.Guard);
            Assert.Equal("locked", blocked.Posture!.State);
            Assert.Equal("critical_violation", blocked.Posture.Transition!.Trigger);
            Assert.False(blocked.IsStateDependent);

            var early = PolicyDecider.Decide(p, Write("e2", "/tmp/a", "2026-02-03T00:05:00Z"), tracker);
            Assert.Equal("posture", early.Guard);
            var later = PolicyDecider.Decide(p, Write("e3", "/tmp/a", "2026-02-03T00:11:00Z"), tracker);
            Assert.True(later.Allowed);
            Assert.Equal("timeout", later.Posture!.Transition!.Trigger);
        }

        [Fact]
        public void Sessions_have_separate_state()
        {
            var p = Yaml(Policy);
            var tracker = new PostureTracker(p);
            PolicyDecider.Decide(p, Ev("e1", "file_read", "{\"type\":\"file\",\"path\":\"/etc/shadow\"}", session: "a"), tracker);
            Assert.True(PolicyDecider.Decide(p, Write("e2", "/tmp/a", session: "b"), tracker).Allowed);
            Assert.Equal(2, tracker.SessionCount);
        }

        [Fact]
        public void Posture_decided_flips_are_state_dependent_and_reported_apart()
        {
            var without = Yaml("version: \"1.2.0\"\n");
            var with = Yaml(Policy);
            var log = new StringBuilder();
            for (int i = 0; i < 4; i++)
            {
                log.Append("{\"eventId\":\"w").Append(i).Append("\",\"eventType\":\"file_write\",\"timestamp\":\"2026-02-03T00:0").Append(i).Append(":00Z\",\"sessionId\":\"s1\",\"data\":{\"type\":\"file\",\"path\":\"/tmp/").Append(i).Append("\",\"content\":\"x\"}}\n");
            }

            var summary = new ReplaySummary();
            var results = PolicyComparison.Run(without, with, EventStreamReader.ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(log.ToString())), "-"), null, summary).Select(i => i.Result!).ToList();
            Assert.Equal(new[] { FlipKind.None, FlipKind.None, FlipKind.StateDependent, FlipKind.StateDependent }, results.Select(r => r.Flip));
            Assert.Equal(2, summary.Count(FlipKind.StateDependent));
            Assert.Equal(0, summary.Count(FlipKind.AllowToDeny));
        }

        [Fact]
        public void Posture_is_not_applied_without_a_tracker()
        {
            var p = Yaml(Policy);
            var d = PolicyDecider.Decide(p, Ev("e1", "tool_call", "{\"type\":\"tool\",\"toolName\":\"read_file\"}"));
            Assert.True(d.Allowed);
            Assert.Null(d.Posture);
        }

        [Fact]
        public void Shipped_posture_example_loads()
        {
            var p = PolicyLoader.Load(Path.Combine(System.AppContext.BaseDirectory, "examples", "policies", "posture.yaml"));
            Assert.True(p.HasPosture);
        }
    }
}
