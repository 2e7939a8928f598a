using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using PolicySim.Evaluation;
using PolicySim.Events;
using PolicySim.Policies;
using PolicySim.Reports;
using PolicySim.Serialization;

namespace PolicySim.Benchmarks
{
    /// <summary>Where result-line formatting spends its time (fmtprof POLICY FILE): decision, report, details, whole line.</summary>
    internal static class FormatProfile
    {
        public static int Run(string policyName, string path)
        {
            PolicyDefinition policy = PolicyLoader.Load(policyName);
            var decisions = new List<PolicyDecision>();
            using (FileStream stream = File.OpenRead(path))
            {
                foreach (EventReadResult r in EventStreamReader.ReadAll(stream, path))
                {
                    try { decisions.Add(PolicyDecider.Decide(policy, PolicyEventParser.ParseValidated(r.Record.Json.Span))); } catch (Exception) { }
                }
            }

            for (int pass = 0; pass < 8; pass++)
            {
                Time("decision", decisions, d => { var w = new SerdeJsonWriter(); ClawdstrikeJson.WriteDecision(w, d); w.ToString(); });
                Time("report", decisions, d => { var w = new SerdeJsonWriter(); ClawdstrikeJson.WriteReport(w, d.Report); w.ToString(); });
                Time("details", decisions, d => { foreach (var g in d.Report.PerGuard) { _ = g.Details; } });
                Time("line", decisions, d => SimulationJsonReport.FormatResultLine(d));
                Console.Error.WriteLine();
            }

            return 0;
        }

        private static void Time(string name, List<PolicyDecision> items, Action<PolicyDecision> action)
        {
            GC.Collect();
            long before = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            foreach (var d in items)
            {
                action(d);
            }

            double us = sw.Elapsed.TotalMilliseconds * 1000 / items.Count;
            Console.Error.WriteLine($"{name,-10} {us,7:F2} us/line  {(GC.GetAllocatedBytesForCurrentThread() - before) / (double)items.Count,7:F0} B/line");
        }
    }
}
