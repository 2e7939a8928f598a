using System;
using System.Diagnostics;
using System.IO;
using PolicySim.Events;
using PolicySim.Policies;
using PolicySim.Replay;

namespace PolicySim.Benchmarks
{
    /// <summary>
    /// <c>session OLD NEW FILE [sequential]</c>: the engine work of <c>Compare-PolicyDecision -Path</c> (what the cmdlet does
    /// besides PowerShell's own WriteObject): a comparison session fed the whole file (<see cref="ReplaySession.AddInput"/>,
    /// on every core) or record by record (<c>sequential</c>, as before), every item touched as the cmdlet would.
    /// </summary>
    internal static class SessionProfile
    {
        public static int Run(string oldPolicy, string newPolicy, string file, bool sequential)
        {
            long allocatedBefore = GC.GetTotalAllocatedBytes(true);
            var clock = Stopwatch.StartNew();
            PolicyDefinition reference = PolicyLoader.Load(oldPolicy);
            PolicyDefinition difference = PolicyLoader.Load(newPolicy);
            ReplaySession session = ReplaySession.ForComparison(reference, difference, new ReplayOptions());
            long loaded = clock.ElapsedMilliseconds;
            long items = 0, changed = 0;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan))
            {
                session.BeginInput();
                if (sequential)
                {
                    foreach (EventReadResult raw in EventStreamReader.ReadAll(stream, file))
                    {
                        ReplayItem? item = session.Add(raw);
                        if (item != null)
                        {
                            items++;
                            changed += item.Result != null && item.Result.Flip != FlipKind.None ? 1 : 0;
                        }
                    }
                }
                else
                {
                    foreach (var pair in session.AddInput(EventStreamReader.ReadAll(stream, file, new EventStreamOptions { DeferValidation = true })))
                    {
                        items++;
                        changed += pair.Value.Result != null && pair.Value.Result.Flip != FlipKind.None ? 1 : 0;
                    }
                }
            }

            long allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
            Console.WriteLine($"session ({(sequential ? "record by record" : "whole input")}): items={items} changed={changed} summary_changed={session.Summary.Changed} load_ms={loaded} total_ms={clock.ElapsedMilliseconds} allocated_bytes_per_item={(items > 0 ? allocated / items : 0)}");
            return 0;
        }
    }
}
