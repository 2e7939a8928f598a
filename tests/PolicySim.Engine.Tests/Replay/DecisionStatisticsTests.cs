using System.IO;
using PolicySim.Evaluation;
using PolicySim.Events;
using PolicySim.Policies;
using PolicySim.Replay;
using static PolicySim.Tests.Replay.ReplayTestData;

namespace PolicySim.Tests.Replay
{
    public class DecisionStatisticsTests
    {
        private static PolicyDefinition Policy(string name) => PolicyLoader.Load(ExamplePath("policies", name));

        private static List<PolicyDecision> Decisions(PolicyDefinition policy) =>
            File.ReadAllLines(AuditLog).Where(l => l.Trim().Length > 0).Select(l => PolicyDecider.Decide(policy, PolicyDecider.ParseEvent(l))).ToList();

        [Fact]
        public void Decisions_are_counted_by_outcome_guard_and_target()
        {
            var decisions = Decisions(Policy("candidate.yaml"));
            var stats = new DecisionStatistics();
            decisions.ForEach(stats.Add);

            Assert.Equal(36, stats.Count);
            Assert.Equal(36, stats.DecisionCount);
            Assert.Equal(0, stats.ReplayResultCount);
            Assert.Equal(17, stats.Allowed);
            Assert.Equal(3, stats.Warned);
            Assert.Equal(16, stats.Denied);
            Assert.Equal(0, stats.Unknown);
            Assert.Equal(new[] { DecisionOutcome.Allowed, DecisionOutcome.Warned, DecisionOutcome.Denied, DecisionOutcome.Unknown }, stats.ByOutcome.Keys);
            Assert.Equal(36, stats.ByGuard.Values.Sum());
            Assert.Equal(decisions.Count(d => d.Guard == null), stats.ByGuard[DecisionStatistics.NoGuard]);
            Assert.True(stats.ByGuard.Values.Zip(stats.ByGuard.Values.Skip(1), (a, b) => a >= b).All(x => x), "guards are ordered by count");
            Assert.All(stats.ByFlip.Values, v => Assert.Equal(0, v));
            Assert.Equal(0, stats.Changed);

            var expectedTop = decisions.GroupBy(d => d.Target).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(10)
                .Select(g => g.Key + " (" + g.Count() + ")");
            Assert.Equal(expectedTop, stats.TopTargets.Select(t => t.ToString()));
            Assert.Equal(stats.TopTargets[0].Target, stats.TopTarget);
            Assert.False(stats.TopTargetsApproximate);
        }

        [Fact]
        public void Replay_results_are_counted_by_candidate_decision_and_flip_kind()
        {
            var summary = new ReplaySummary();
            var options = new ReplayOptions { BaselinePolicy = Policy("current.yaml") };
            var results = PolicyReplay.Run(Policy("candidate.yaml"), Records(File.ReadAllText(AuditLog)), options, summary).Select(i => i.Result!).ToList();
            var stats = new DecisionStatistics();
            results.ForEach(stats.Add);

            Assert.Equal(36, stats.ReplayResultCount);
            Assert.Equal(4, stats.ByFlip[FlipKind.AllowToDeny]);
            Assert.Equal(summary.Changed, stats.Changed);
            Assert.Equal(summary.Breaking, stats.Breaking);
            Assert.Equal(summary.Widening, stats.Widening);
            Assert.Equal(results.Count(r => r.CandidateOutcome == DecisionOutcome.Denied), stats.Denied);
            Assert.Equal("36 decisions: allowed=17, warned=3, denied=16, unknown=0; changed=6 (widening=1, breaking=5)", stats.ToString());
        }

        [Fact]
        public void Nothing_measured_gives_zeros_and_no_top_target()
        {
            var stats = new DecisionStatistics();
            Assert.Equal(0, stats.Count);
            Assert.Empty(stats.TopTargets);
            Assert.Null(stats.TopTarget);
            Assert.Empty(stats.ByGuard);
        }

        [Fact]
        public void More_distinct_targets_than_the_cap_keep_the_frequent_ones_and_say_so()
        {
            var policy = PolicyLoader.Load("default");
            var stats = new DecisionStatistics();
            var hot = PolicyDecider.Decide(policy, EventShortcut.Parse("egress hot.example 443", "h", DateTimeOffset.UnixEpoch));
            for (int i = 0; i < 5; i++)
            {
                stats.Add(hot);
            }

            for (int i = 0; i <= DecisionStatistics.MaxTrackedTargets; i++)
            {
                stats.Add(PolicyDecider.Decide(policy, EventShortcut.Parse("file:read /tmp/f" + i, "f" + i, DateTimeOffset.UnixEpoch)));
            }

            Assert.True(stats.TopTargetsApproximate);
            Assert.Equal("hot.example:443", stats.TopTarget);
            Assert.Equal(5, stats.TopTargets[0].Count);
            Assert.Equal(DecisionStatistics.MaxTrackedTargets + 6, stats.Count);
        }
    }
}
