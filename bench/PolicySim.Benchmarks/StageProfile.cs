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
    /// <summary>Cumulative stage timings and allocations on one thread: read, validate, parse, map, evaluate, format (profile POLICY FILE).</summary>
    internal static class StageProfile
    {
        public static int Run(string policyName, string path)
        {
            PolicyDefinition policy = PolicyLoader.Load(policyName);
            var records = new List<EventRecord>();
            var sw = Stopwatch.StartNew();
            using (var stream = File.OpenRead(path))
            {
                foreach (EventReadResult r in EventStreamReader.ReadAll(stream, path))
                {
                    if (!r.IsError)
                    {
                        records.Add(r.Record);
                    }
                }
            }

            Console.Error.WriteLine($"read+copy     {sw.ElapsedMilliseconds,6} ms  ({records.Count} records)");
            for (int pass = 0; pass < 2; pass++)
            {
                Time("validate", () => { foreach (var r in records) { SerdeJsonValidator.Validate(r.Json.Span); } });
                Time("parse", () => { foreach (var r in records) { PolicyEventParser.ParseValidated(r.Json.Span); } });
                Time("parse-1pass", () => { foreach (var r in records) { PolicyEventParser.Parse(r.Json.Span); } });
                var events = new List<PolicyEvent>(records.Count);
                foreach (var r in records)
                {
                    events.Add(PolicyEventParser.ParseValidated(r.Json.Span));
                }

                var actions = new List<PolicyAction>(records.Count);
                Time("map", () => { foreach (var e in events) { try { actions.Add(PolicyEventMapper.Map(e).Action); } catch (PolicyEventMappingException) { } } });
                Time("evaluate", () => { foreach (var a in actions) { policy.Evaluate(a); } });
                var decisions = new List<PolicyDecision>(records.Count);
                if (pass == 1)
                {
                    foreach (var guard in policy.Evaluator.Guards)
                    {
                        var g = guard;
                        int n = 0;
                        Time("  guard " + g.Name, () => { foreach (var a in actions) { if (g.Handles(a)) { n++; g.Evaluate(a); } } });
                        Console.Error.WriteLine("      handled " + n);
                    }
                }

                Time("decide", () => { foreach (var e in events) { try { decisions.Add(PolicyDecider.Decide(policy, e)); } catch (PolicyEventMappingException) { } } });
                Time("format-jsonl", () => { foreach (var d in decisions) { SimulationJsonReport.FormatResultLine(d); } });
                Console.Error.WriteLine();
            }

            return 0;
        }

        private static void Time(string name, Action action)
        {
            GC.Collect();
            long before = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            action();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Console.Error.WriteLine($"{name,-13} {sw.ElapsedMilliseconds,6} ms  {allocated / 1024.0 / 1024.0,8:F1} MB allocated");
        }
    }
}
