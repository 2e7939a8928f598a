using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PolicySim.Evaluation;
using PolicySim.Events;
using PolicySim.Policies;

namespace PolicySim.Tests.Performance
{
    /// <summary>
    /// <c>policysim bench</c> / <c>Measure-PolicyPerformance</c>: what is counted, which guards get rows, how the slowest
    /// events are kept and explained. Timings themselves are not asserted (benchmarks live in bench/).
    /// </summary>
    public class PolicyBenchmarkTests
    {
        private const string FileRead = "{\"eventId\":\"r#\",\"eventType\":\"file_read\",\"timestamp\":\"2026-11-02T09:00:00Z\",\"data\":{\"type\":\"file\",\"path\":\"/workspace/f#.txt\"}}";
        private const string Egress = "{\"eventId\":\"n#\",\"eventType\":\"network_egress\",\"timestamp\":\"2026-11-02T09:00:00Z\",\"data\":{\"type\":\"network\",\"host\":\"h#.example\",\"port\":443}}";

        private static IEnumerable<EventReadResult> Records(IEnumerable<string> lines) =>
            EventStreamReader.ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n")), "bench.jsonl");

        private static IEnumerable<string> Mixed(int n)
        {
            for (int i = 0; i < n; i++)
            {
                yield return (i % 2 == 0 ? FileRead : Egress).Replace("#", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        [Fact]
        public void Counts_decided_events_and_errors_and_skips_the_warmup()
        {
            PolicyDefinition policy = PolicyLoader.Load("default");
            var lines = Mixed(40).ToList();
            lines.Insert(5, "{ not json");
            PolicyBenchmarkResult result = PolicyBenchmark.Measure(policy, Records(lines), slowest: 5, warmup: 10);

            Assert.Equal(1, result.Errors);
            Assert.Equal(30, result.Events.Count);
            Assert.True(result.EventsPerSecond > 0);
            Assert.True(result.Events.P50 <= result.Events.P99 && result.Events.P99 <= result.Events.Max);
        }

        [Fact]
        public void Gives_every_guard_a_row_counting_the_events_it_handled()
        {
            PolicyDefinition policy = PolicyLoader.Load("default");
            PolicyBenchmarkResult result = PolicyBenchmark.Measure(policy, Records(Mixed(20)), slowest: 3, warmup: 0);

            Assert.Equal(policy.Guards, result.Guards.Select(g => g.Guard));
            Assert.Equal(10, result.Guards.Single(g => g.Guard == "egress_allowlist").Latency.Count);
            Assert.Equal(10, result.Guards.Single(g => g.Guard == "forbidden_path").Latency.Count);
            Assert.Equal(0, result.Guards.Single(g => g.Guard == "patch_integrity").Latency.Count);
        }

        [Fact]
        public void Keeps_the_slowest_events_slowest_first_each_with_a_reason()
        {
            PolicyBenchmarkResult result = PolicyBenchmark.Measure(PolicyLoader.Load("default"), Records(Mixed(50)), slowest: 4, warmup: 0);

            Assert.Equal(4, result.Slowest.Count);
            Assert.Equal(result.Slowest.OrderByDescending(s => s.Micros).Select(s => s.EventId), result.Slowest.Select(s => s.EventId));
            Assert.True(result.Slowest[3].Micros >= result.Events.P50);
            Assert.All(result.Slowest, s => Assert.False(string.IsNullOrEmpty(s.Why)));
            Assert.All(result.Slowest, s => Assert.True(s.Line >= 1 && s.Line <= 50));
            Assert.Contains("slowest events", result.ToText());
        }

        [Fact]
        public void Explains_a_slow_event_by_garbage_collection_or_time_outside_the_guards()
        {
            var gc = new SlowEvent("e1", "file_read", 200, 9000, "forbidden_path", 1.5, 7) { GuardMicros = 1.5, Collections = 1 };
            Assert.True(gc.OutsidePolicy);
            Assert.Equal("a garbage collection ran during it; forbidden_path took 1.5 µs", gc.Why);

            var paused = new SlowEvent("e2", "tool_call", 300, 5000, "mcp_tool", 2.0, 8) { GuardMicros = 2.0 };
            Assert.True(paused.OutsidePolicy);
            Assert.StartsWith("guards took 2.0 µs of it: the rest was outside the policy", paused.Why);

            // A large record or guards that took most of the time: the policy's own cost.
            var large = new SlowEvent("e3", "patch_apply", 51 * 1024, 900, "patch_integrity", 77.1, 9) { GuardMicros = 80 };
            Assert.False(large.OutsidePolicy);
            Assert.Equal("a 51 KB record; patch_integrity took 77.1 µs", large.Why);
            var busy = new SlowEvent("e4", "custom", 1300, 150, "jailbreak_detection", 120, 10) { GuardMicros = 140 };
            Assert.False(busy.OutsidePolicy);
            Assert.Equal("jailbreak_detection took 120.0 µs", busy.Why);
        }

        [Fact]
        public void Recommends_judging_by_p99_when_the_slowest_events_are_not_policy_work()
        {
            PolicyBenchmarkResult result = PolicyBenchmark.Measure(PolicyLoader.Load("default"), Records(Mixed(4)), slowest: 2, warmup: 0);
            result.Slowest.Clear();
            result.Slowest.Add(new SlowEvent("e1", "file_read", 200, 9000, "forbidden_path", 1.5, 1) { GuardMicros = 1.5, Collections = 2 });
            result.Slowest.Add(new SlowEvent("e2", "custom", 1300, 150, "jailbreak_detection", 120, 2) { GuardMicros = 140 });

            Assert.Contains(result.Recommendations, r => r.StartsWith("1 of the 2 slowest events were slow for reasons outside the policy", System.StringComparison.Ordinal));
            Assert.Contains("2 garbage collections ran during it", result.Slowest[0].Why);
        }
    }
}
