using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using PolicySim.Evaluation;
using PolicySim.Events;
using PolicySim.Policies;

namespace PolicySim.Benchmarks
{
    /// <summary>
    /// <c>latency POLICY FILE</c>: the per-event decision latency of <c>policysim bench</c> (parse and decide, one thread)
    /// split by event type (custom events by <c>customType</c>), with how many of each type are among the slowest 1% of
    /// all events: which events set the p99. Records are read into memory first; the second of two passes is reported.
    /// </summary>
    internal static class LatencyProfile
    {
        public static int Run(string policyReference, string file)
        {
            PolicyDefinition policy = PolicyLoader.Load(policyReference);
            List<EventReadResult> records;
            using (FileStream stream = File.OpenRead(file))
            {
                records = EventStreamReader.ReadAll(stream, file).Where(r => !r.IsError).ToList();
            }

            var byType = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            var all = new List<double>(records.Count);
            for (int pass = 0; pass < 2; pass++)
            {
                byType.Clear();
                all.Clear();
                foreach (EventReadResult record in records)
                {
                    long start = Stopwatch.GetTimestamp();
                    SimulationItem item = Simulation.Decide(policy, record);
                    double micros = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                    string type = TypeOf(item, record);
                    if (!byType.TryGetValue(type, out List<double>? list))
                    {
                        byType[type] = list = new List<double>();
                    }

                    list.Add(micros);
                    all.Add(micros);
                }
            }

            all.Sort();
            double p99 = Percentile(all, 0.99);
            Console.WriteLine($"{"all",-24} {all.Count,7}  p50 {Percentile(all, 0.5),6:0.0}  p90 {Percentile(all, 0.9),6:0.0}  p99 {p99,6:0.0} µs");
            foreach (KeyValuePair<string, List<double>> entry in byType.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                List<double> l = entry.Value;
                l.Sort();
                int slowest = l.Count(x => x >= p99);
                Console.WriteLine($"{entry.Key,-24} {l.Count,7}  p50 {Percentile(l, 0.5),6:0.0}  p90 {Percentile(l, 0.9),6:0.0}  p99 {Percentile(l, 0.99),6:0.0} µs  in the slowest 1%: {slowest}");
            }

            return 0;
        }

        private static double Percentile(List<double> sorted, double q) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * q))];

        private static string TypeOf(SimulationItem item, EventReadResult record)
        {
            string type = item.Decision?.EventType ?? "error";
            if (type != "custom")
            {
                return type;
            }

            // The custom type, read from the record's text (the bench corpus writes it as "customType": "…").
            string json = Encoding.UTF8.GetString(record.Record.Json.Span);
            int key = json.IndexOf("\"customType\"", StringComparison.Ordinal);
            int open = key < 0 ? -1 : json.IndexOf('"', json.IndexOf(':', key) + 1);
            return open < 0 ? type : string.Concat(type, ":", json.AsSpan(open + 1, json.IndexOf('"', open + 1) - open - 1));
        }
    }
}
