using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using PolicySim.Evaluation.Guards;
using PolicySim.Events;
using PolicySim.Policies;

namespace PolicySim.Evaluation
{
    /// <summary>
    /// Measures how fast a policy decides a stream of events (<c>policysim bench</c>; a cmdlet can wrap it):
    /// per-event latency of parse + map + evaluate, per-guard latency, throughput, the slowest events and why.
    /// Single-threaded, so latencies are those of one decision.
    /// </summary>
    public static class PolicyBenchmark
    {
        /// <summary>Measures <paramref name="policy"/> over <paramref name="records"/>.</summary>
        /// <param name="policy">The policy.</param>
        /// <param name="records">Records from <see cref="EventStreamReader"/>.</param>
        /// <param name="slowest">How many of the slowest events to keep.</param>
        /// <returns>The measurements.</returns>
        public static PolicyBenchmarkResult Measure(PolicyDefinition policy, IEnumerable<EventReadResult> records, int slowest = 10) =>
            Measure(policy, records, slowest, warmup: 0);

        /// <summary>Measures <paramref name="policy"/> over <paramref name="records"/>, deciding the first <paramref name="warmup"/> events unmeasured (JIT, caches).</summary>
        /// <param name="policy">The policy.</param>
        /// <param name="records">Records from <see cref="EventStreamReader"/>.</param>
        /// <param name="slowest">How many of the slowest events to keep.</param>
        /// <param name="warmup">Events decided before measuring starts.</param>
        /// <returns>The measurements.</returns>
        public static PolicyBenchmarkResult Measure(PolicyDefinition policy, IEnumerable<EventReadResult> records, int slowest, int warmup)
        {
            if (policy is null)
            {
                throw new ArgumentNullException(nameof(policy));
            }

            if (records is null)
            {
                throw new ArgumentNullException(nameof(records));
            }

            var result = new PolicyBenchmarkResult(policy.ToString());
            var guards = new List<IGuard>(policy.Evaluator.Guards);
            var guardTimes = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            foreach (IGuard g in guards)
            {
                guardTimes[g.Name] = new List<double>();
            }

            var slow = new List<SlowEvent>();
            var total = Stopwatch.StartNew();
            double tickToMicros = 1_000_000.0 / Stopwatch.Frequency;
            foreach (EventReadResult record in records)
            {
                if (record.IsError)
                {
                    result.Errors++;
                    continue;
                }

                if (warmup > 0)
                {
                    warmup--;
                    Simulation.Decide(policy, record);
                    continue;
                }

                int collections = GC.CollectionCount(0);
                long start = Stopwatch.GetTimestamp();
                SimulationItem item = Simulation.Decide(policy, record);
                double micros = (Stopwatch.GetTimestamp() - start) * tickToMicros;
                collections = GC.CollectionCount(0) - collections;
                if (item.Error != null)
                {
                    result.Errors++;
                    continue;
                }

                result.Latencies.Add(micros);

                // Per-guard cost: each guard that handles the action, timed on its own.
                // A fresh mapping: the decision's action caches what its guards computed (e.g. the MCP parameter size).
                PolicyAction action = PolicyEventMapper.Map(item.Decision!.Event).Action;
                string slowestGuard = string.Empty;
                double slowestGuardMicros = -1;
                double guardMicros = 0;
                foreach (IGuard g in guards)
                {
                    if (!g.Handles(action))
                    {
                        continue;
                    }

                    // Timed cold: without what the decision above left in the per-thread text caches.
                    Text.DetectorCache.Clear();
                    Guards.TextPayload.Clear();
                    Guards.GuardResultMemo.Clear();
                    long gs = Stopwatch.GetTimestamp();
                    g.Evaluate(action);
                    double gm = (Stopwatch.GetTimestamp() - gs) * tickToMicros;
                    guardTimes[g.Name].Add(gm);
                    guardMicros += gm;
                    if (gm > slowestGuardMicros)
                    {
                        slowestGuardMicros = gm;
                        slowestGuard = g.Name;
                    }
                }

                Keep(slow, slowest, new SlowEvent(item.Decision.EventId, item.Decision.EventType, record.Record.Json.Length, micros, slowestGuard, Math.Max(slowestGuardMicros, 0), record.Record.Line)
                {
                    GuardMicros = guardMicros,
                    Collections = collections,
                });
            }

            total.Stop();
            result.Elapsed = total.Elapsed;
            foreach (IGuard g in guards)
            {
                result.Guards.Add(new GuardLatency(g.Name, LatencySummary.Of(guardTimes[g.Name])));
            }

            slow.Sort((a, b) => b.Micros.CompareTo(a.Micros));
            result.Slowest.AddRange(slow);
            return result;
        }

        private static void Keep(List<SlowEvent> slow, int max, SlowEvent e)
        {
            if (max <= 0)
            {
                return;
            }

            if (slow.Count < max)
            {
                slow.Add(e);
                return;
            }

            int min = 0;
            for (int i = 1; i < slow.Count; i++)
            {
                if (slow[i].Micros < slow[min].Micros)
                {
                    min = i;
                }
            }

            if (e.Micros > slow[min].Micros)
            {
                slow[min] = e;
            }
        }
    }

    /// <summary>Latency percentiles in microseconds.</summary>
    public sealed class LatencySummary
    {
        private LatencySummary(int count, double p50, double p90, double p95, double p99, double max, double total)
        {
            Count = count;
            P50 = p50;
            P90 = p90;
            P95 = p95;
            P99 = p99;
            Max = max;
            Total = total;
        }

        /// <summary>Gets the number of samples.</summary>
        public int Count { get; }

        /// <summary>Gets the median (µs).</summary>
        public double P50 { get; }

        /// <summary>Gets the 90th percentile (µs).</summary>
        public double P90 { get; }

        /// <summary>Gets the 95th percentile (µs).</summary>
        public double P95 { get; }

        /// <summary>Gets the 99th percentile (µs).</summary>
        public double P99 { get; }

        /// <summary>Gets the maximum (µs).</summary>
        public double Max { get; }

        /// <summary>Gets the sum (µs).</summary>
        public double Total { get; }

        /// <summary>Summarises samples (sorted in place).</summary>
        /// <param name="samples">Latencies in µs.</param>
        /// <returns>The summary.</returns>
        public static LatencySummary Of(List<double> samples)
        {
            if (samples is null)
            {
                throw new ArgumentNullException(nameof(samples));
            }

            if (samples.Count == 0)
            {
                return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
            }

            samples.Sort();
            double sum = 0;
            foreach (double s in samples)
            {
                sum += s;
            }

            return new LatencySummary(samples.Count, At(samples, 0.50), At(samples, 0.90), At(samples, 0.95), At(samples, 0.99), samples[samples.Count - 1], sum);
        }

        private static double At(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    }

    /// <summary>One guard's latency.</summary>
    public sealed class GuardLatency
    {
        internal GuardLatency(string guard, LatencySummary latency)
        {
            Guard = guard;
            Latency = latency;
        }

        /// <summary>Gets the guard name.</summary>
        public string Guard { get; }

        /// <summary>Gets its latency over the events it handled.</summary>
        public LatencySummary Latency { get; }
    }

    /// <summary>One of the slowest events.</summary>
    public sealed class SlowEvent
    {
        internal SlowEvent(string eventId, string eventType, int recordBytes, double micros, string slowestGuard, double slowestGuardMicros, long line)
        {
            EventId = eventId;
            EventType = eventType;
            RecordBytes = recordBytes;
            Micros = micros;
            SlowestGuard = slowestGuard;
            SlowestGuardMicros = slowestGuardMicros;
            Line = line;
        }

        /// <summary>Gets the event id.</summary>
        public string EventId { get; }

        /// <summary>Gets the event type.</summary>
        public string EventType { get; }

        /// <summary>Gets the record size in bytes.</summary>
        public int RecordBytes { get; }

        /// <summary>Gets the decision latency (µs).</summary>
        public double Micros { get; }

        /// <summary>Gets the guard that took longest on it (empty when none handled it).</summary>
        public string SlowestGuard { get; }

        /// <summary>Gets that guard's time (µs).</summary>
        public double SlowestGuardMicros { get; }

        /// <summary>Gets the input line.</summary>
        public long Line { get; }

        /// <summary>Gets the time of all guards that handled the event, each timed on its own (µs).</summary>
        public double GuardMicros { get; internal set; }

        /// <summary>Gets how many garbage collections ran while the event was decided (their pause is in <see cref="Micros"/>).</summary>
        public int Collections { get; internal set; }

        /// <summary>
        /// Gets whether most of the decision's time was not policy work: a garbage collection ran during it, or its
        /// guards took under a tenth of it in a record too small to take long to parse (the thread was likely
        /// paused by the operating system, or code was compiled on first use).
        /// </summary>
        public bool OutsidePolicy => Collections > 0 || (RecordBytes < 16 * 1024 && Micros > 100 && GuardMicros * 10 < Micros);

        /// <summary>Gets why the event was slow, in words.</summary>
        public string Why
        {
            get
            {
                var parts = new List<string>();
                if (Collections > 0)
                {
                    parts.Add(Collections == 1 ? "a garbage collection ran during it" : string.Format(CultureInfo.InvariantCulture, "{0} garbage collections ran during it", Collections));
                }
                else if (OutsidePolicy)
                {
                    parts.Add(string.Format(CultureInfo.InvariantCulture, "guards took {0:0.0} µs of it: the rest was outside the policy (the thread paused, or code compiled on first use)", GuardMicros));
                }

                if (RecordBytes >= 16 * 1024)
                {
                    parts.Add(string.Format(CultureInfo.InvariantCulture, "a {0} KB record", RecordBytes / 1024));
                }

                if (SlowestGuard.Length > 0)
                {
                    parts.Add(string.Format(CultureInfo.InvariantCulture, "{0} took {1:0.0} µs", SlowestGuard, SlowestGuardMicros));
                }

                return parts.Count == 0 ? "parse and mapping" : string.Join("; ", parts);
            }
        }
    }

    /// <summary>The measurements of <c>PolicyBenchmark.Measure</c>.</summary>
    public sealed class PolicyBenchmarkResult
    {
        internal PolicyBenchmarkResult(string policy)
        {
            Policy = policy;
        }

        /// <summary>Gets the policy's display name.</summary>
        public string Policy { get; }

        /// <summary>Gets the per-event latencies (µs), in input order until summarised.</summary>
        internal List<double> Latencies { get; } = new List<double>();

        /// <summary>Gets the number of records that could not be decided.</summary>
        public int Errors { get; internal set; }

        /// <summary>Gets the wall time of the run, including per-guard timing.</summary>
        public TimeSpan Elapsed { get; internal set; }

        /// <summary>Gets the per-guard latencies.</summary>
        public List<GuardLatency> Guards { get; } = new List<GuardLatency>();

        /// <summary>Gets the slowest events, slowest first.</summary>
        public List<SlowEvent> Slowest { get; } = new List<SlowEvent>();

        /// <summary>Gets the per-event latency summary.</summary>
        public LatencySummary Events => _events ??= LatencySummary.Of(Latencies);

        /// <summary>Gets decisions per second of decision time (parse + map + evaluate, one thread).</summary>
        public double EventsPerSecond => Events.Total > 0 ? Events.Count / (Events.Total / 1_000_000.0) : 0;

        private LatencySummary? _events;

        /// <summary>Gets recommendations derived from the measurements.</summary>
        public IReadOnlyList<string> Recommendations
        {
            get
            {
                var list = new List<string>();
                double guardTotal = 0;
                foreach (GuardLatency g in Guards)
                {
                    guardTotal += g.Latency.Total;
                }

                foreach (GuardLatency g in Guards)
                {
                    if (guardTotal > 0 && g.Latency.Total / guardTotal >= 0.4)
                    {
                        list.Add(string.Format(CultureInfo.InvariantCulture, "{0} takes {1:0}% of guard time (p99 {2:0.0} µs over {3} events): keep its patterns few and anchored by literals, or lower its scan limit.", g.Guard, 100 * g.Latency.Total / guardTotal, g.Latency.P99, g.Latency.Count));
                    }
                }

                int large = 0;
                foreach (SlowEvent s in Slowest)
                {
                    if (s.RecordBytes >= 16 * 1024)
                    {
                        large++;
                    }
                }

                if (large > 0)
                {
                    list.Add(string.Format(CultureInfo.InvariantCulture, "{0} of the {1} slowest events are records of 16 KB or more: their cost is proportional to content size (patches and file writes are scanned whole).", large, Slowest.Count));
                }

                int outside = 0;
                foreach (SlowEvent s in Slowest)
                {
                    if (s.OutsidePolicy)
                    {
                        outside++;
                    }
                }

                if (outside > 0)
                {
                    list.Add(string.Format(CultureInfo.InvariantCulture, "{0} of the {1} slowest events were slow for reasons outside the policy (garbage collection, the thread paused): judge the policy by p99 and the guard rows, not by the maximum.", outside, Slowest.Count));
                }

                if (Events.P99 > 20)
                {
                    list.Add(string.Format(CultureInfo.InvariantCulture, "p99 latency {0:0.0} µs is above 20 µs: see the guards above for where the time goes.", Events.P99));
                }

                if (list.Count == 0)
                {
                    list.Add("No guard dominates and p99 is within 20 µs; nothing to tune.");
                }

                return list;
            }
        }

        /// <summary>Formats the result as a text report.</summary>
        /// <returns>The report.</returns>
        public string ToText()
        {
            var sb = new StringBuilder();
            LatencySummary e = Events;
            sb.Append("Policy benchmark: ").Append(Policy).Append('\n');
            sb.Append(string.Format(CultureInfo.InvariantCulture, "events: {0} decided, {1} errors; throughput {2:0} events/s (one thread, decision time); run {3:0} ms\n", e.Count, Errors, EventsPerSecond, Elapsed.TotalMilliseconds));
            sb.Append("\nlatency (µs)              count      p50      p90      p95      p99      max\n");
            Row(sb, "per event", e);
            foreach (GuardLatency g in Guards)
            {
                Row(sb, "  " + g.Guard, g.Latency);
            }

            sb.Append("\nslowest events\n");
            foreach (SlowEvent s in Slowest)
            {
                sb.Append(string.Format(CultureInfo.InvariantCulture, "  {0,10:0.0} µs  {1} ({2}, line {3}): {4}\n", s.Micros, s.EventId, s.EventType, s.Line, s.Why));
            }

            sb.Append("\nrecommendations\n");
            foreach (string r in Recommendations)
            {
                sb.Append("  - ").Append(r).Append('\n');
            }

            return sb.ToString();
        }

        private static void Row(StringBuilder sb, string name, LatencySummary l) =>
            sb.Append(string.Format(CultureInfo.InvariantCulture, "{0,-22} {1,9} {2,8:0.0} {3,8:0.0} {4,8:0.0} {5,8:0.0} {6,8:0.0}\n", name, l.Count, l.P50, l.P90, l.P95, l.P99, l.Max));
    }
}
