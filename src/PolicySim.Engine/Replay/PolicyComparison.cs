using System;
using System.Collections.Generic;
using PolicySim.Events;
using PolicySim.Policies;

namespace PolicySim.Replay
{
    /// <summary>
    /// Decides the same events under two policies and compares the decisions (a streaming fold, like
    /// <see cref="PolicyReplay"/> with a baseline policy). Outcomes recorded in the events are ignored.
    /// </summary>
    public static class PolicyComparison
    {
        /// <summary>Compares every event; <paramref name="summary"/> is updated as items are yielded.</summary>
        /// <param name="referencePolicy">The baseline ("old") policy.</param>
        /// <param name="differencePolicy">The candidate ("new") policy.</param>
        /// <param name="events">Raw PolicyEvent records from <see cref="EventStreamReader"/>.</param>
        /// <param name="options">Filters and sampling; its <see cref="ReplayOptions.BaselinePolicy"/> is ignored. Null for defaults.</param>
        /// <param name="summary">Receives counts and groups.</param>
        /// <returns>One item per event kept, in input order.</returns>
        public static IEnumerable<ReplayItem> Run(PolicyDefinition referencePolicy, PolicyDefinition differencePolicy, IEnumerable<EventReadResult> events, ReplayOptions? options, ReplaySummary summary)
        {
            Require.NotNull(referencePolicy, nameof(referencePolicy));

            Require.NotNull(differencePolicy, nameof(differencePolicy));

            Require.NotNull(events, nameof(events));

            Require.NotNull(summary, nameof(summary));

            options ??= new ReplayOptions();
            ReplayOptions effective = options.WithBaseline(referencePolicy);

            if (PolicyReplay.CanRunParallel(differencePolicy, effective))
            {
                // Parse each record once and decide it under both policies, on every core, in input order.
                return PolicyReplay.FoldIterator(
                    Evaluation.OrderedParallel.MapRecords(events, raw => PolicyReplay.Prepare(differencePolicy, RecordedDecisionReader.ReadPolicyEventRecord(raw), effective)),
                    effective,
                    summary);
            }

            return PolicyReplay.RunIterator(differencePolicy, RecordedDecisionReader.Read(events, RecordedDecisionFormat.PolicyEvents), effective, summary);
        }
    }
}
