using System;
using System.Diagnostics;
using System.IO;
using PolicySim.Events;
using PolicySim.Policies;
using PolicySim.Replay;

namespace PolicySim.Benchmarks
{
    /// <summary>
    /// <c>session OLD NEW FILE [sequential|compare]</c>: the engine work of <c>Compare-PolicyDecision -Path</c> (what the cmdlet does
    /// besides PowerShell's own WriteObject): a comparison session fed the whole file (<see cref="ReplaySession.AddInput(System.Collections.Generic.IEnumerable{EventReadResult}, bool)"/>,
    /// on every core, keeping only error records' bytes, as the cmdlet does) or record by record (<c>sequential</c>, as before), every item touched as the cmdlet would; or
    /// (<c>compare</c>) the engine work of <c>policysim compare</c>: <see cref="PolicyComparison.Run"/> over
    /// <see cref="EventStreamReader.ReadAll(Stream, string, EventStreamOptions?)"/>.
    /// </summary>
    internal static class SessionProfile
    {
        public static int Run(string oldPolicy, string newPolicy, string file, string mode)
        {
            bool sequential = mode == "sequential";
            long allocatedBefore = GC.GetTotalAllocatedBytes(true);
            var clock = Stopwatch.StartNew();
            PolicyDefinition reference = PolicyLoader.Load(oldPolicy);
            PolicyDefinition difference = PolicyLoader.Load(newPolicy);
            ReplaySession session = ReplaySession.ForComparison(reference, difference, new ReplayOptions());
            long loaded = clock.ElapsedMilliseconds;
            long items = 0, changed = 0;
            ReplaySummary summary = mode == "compare" ? new ReplaySummary() : session.Summary;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan))
            {
                session.BeginInput();
                if (mode == "compare")
                {
                    foreach (ReplayItem item in PolicyComparison.Run(reference, difference, EventStreamReader.ReadAll(stream, file, new EventStreamOptions { DeferValidation = true }), null, summary))
                    {
                        items++;
                        changed += item.Result != null && item.Result.Flip != FlipKind.None ? 1 : 0;
                    }
                }
                else if (sequential)
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
                    foreach (var pair in session.AddInput(EventStreamReader.ReadAll(stream, file, new EventStreamOptions { DeferValidation = true }), recordsOfErrorsOnly: true))
                    {
                        items++;
                        changed += pair.Value.Result != null && pair.Value.Result.Flip != FlipKind.None ? 1 : 0;
                    }
                }
            }

            long allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
            Console.WriteLine($"session ({(mode == "compare" ? "policysim compare" : sequential ? "record by record" : "whole input")}): items={items} changed={changed} summary_changed={summary.Changed} load_ms={loaded} total_ms={clock.ElapsedMilliseconds} allocated_bytes_per_item={(items > 0 ? allocated / items : 0)} collections={GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} peak_working_set_mb={Process.GetCurrentProcess().PeakWorkingSet64 >> 20}");
            GCMemoryInfo last = GC.GetGCMemoryInfo(GCKind.Ephemeral);
            Console.WriteLine($"last ephemeral gc: gen0_before_kb={last.GenerationInfo[0].SizeBeforeBytes >> 10} promoted_kb={last.PromotedBytes >> 10} heap_kb={last.HeapSizeBytes >> 10} committed_kb={last.TotalCommittedBytes >> 10} pinned={last.PinnedObjectsCount} pause_pct={GC.GetGCMemoryInfo(GCKind.Any).PauseTimePercentage}");
            return 0;
        }
    }
}
