using System;
using System.Collections.Generic;
using PolicySim.Evaluation.Posture;
using PolicySim.Events;
using PolicySim.Policies;

namespace PolicySim.Evaluation
{
    /// <summary>
    /// Streams records through a policy, one decision per event (spec §5.3 simulate). Malformed records become
    /// <see cref="RecordError"/> items and the run goes on, unless <c>strict</c>, where the first one ends it.
    /// </summary>
    public static class Simulation
    {
        /// <summary>Decides every record; <paramref name="summary"/> is updated as items are yielded.</summary>
        /// <param name="policy">The policy.</param>
        /// <param name="records">Records from <see cref="EventStreamReader"/>.</param>
        /// <param name="summary">Receives the counts.</param>
        /// <param name="strict">Stop after the first bad record.</param>
        /// <returns>The items, in input order.</returns>
        public static IEnumerable<SimulationItem> Run(PolicyDefinition policy, IEnumerable<EventReadResult> records, SimulationSummary summary, bool strict) =>
            Run(policy, records, summary, strict, trackPosture: false);

        /// <summary>
        /// Decides every record; with <paramref name="trackPosture"/> and a policy that defines posture, session state is
        /// threaded through the events in order (reference <c>--track-posture</c>) and each decision carries it.
        /// </summary>
        /// <param name="policy">The policy.</param>
        /// <param name="records">Records from <see cref="EventStreamReader"/>.</param>
        /// <param name="summary">Receives the counts.</param>
        /// <param name="strict">Stop after the first bad record.</param>
        /// <param name="trackPosture">Thread posture state.</param>
        /// <returns>The items, in input order.</returns>
        public static IEnumerable<SimulationItem> Run(PolicyDefinition policy, IEnumerable<EventReadResult> records, SimulationSummary summary, bool strict, bool trackPosture) =>
            Run(policy, records, summary, strict, trackPosture, null);

        /// <summary>
        /// Decides every record as <see cref="Run(PolicyDefinition, IEnumerable{EventReadResult}, SimulationSummary, bool, bool)"/>,
        /// and formats each decision's output line with <paramref name="lineFormatter"/> where it is decided (on every core
        /// when decisions run in parallel); the line is on <see cref="SimulationItem.FormattedLine"/>.
        /// </summary>
        /// <param name="policy">The policy.</param>
        /// <param name="records">Records from <see cref="EventStreamReader"/>.</param>
        /// <param name="summary">Receives the counts.</param>
        /// <param name="strict">Stop after the first bad record.</param>
        /// <param name="trackPosture">Thread posture state.</param>
        /// <param name="lineFormatter">A pure formatter, or null.</param>
        /// <returns>The items, in input order.</returns>
        public static IEnumerable<SimulationItem> Run(PolicyDefinition policy, IEnumerable<EventReadResult> records, SimulationSummary summary, bool strict, bool trackPosture, Func<PolicyDecision, string>? lineFormatter)
        {
            if (policy is null)
            {
                throw new ArgumentNullException(nameof(policy));
            }

            if (records is null)
            {
                throw new ArgumentNullException(nameof(records));
            }

            if (summary is null)
            {
                throw new ArgumentNullException(nameof(summary));
            }

            return RunIterator(policy, records, summary, strict, trackPosture && policy.HasPosture ? new PostureTracker(policy) : null, lineFormatter);
        }

        private static IEnumerable<SimulationItem> RunIterator(PolicyDefinition policy, IEnumerable<EventReadResult> records, SimulationSummary summary, bool strict, PostureTracker? posture, Func<PolicyDecision, string>? lineFormatter)
        {
            // Stateless decisions are independent: decide them on every core, count and yield them in input order.
            IEnumerable<SimulationItem> decided = posture == null && OrderedParallel.Enabled
                ? OrderedParallel.MapRecords(records, record => Format(Decide(policy, record, null), lineFormatter))
                : Sequential(policy, records, posture, lineFormatter);
            foreach (SimulationItem item in decided)
            {
                if (item.Error != null)
                {
                    summary.Errors++;
                }
                else
                {
                    summary.Count(item.Decision!.Outcome);
                }

                yield return item;
                if (item.Error != null && strict)
                {
                    yield break;
                }
            }
        }

        private static IEnumerable<SimulationItem> Sequential(PolicyDefinition policy, IEnumerable<EventReadResult> records, PostureTracker? posture, Func<PolicyDecision, string>? lineFormatter)
        {
            foreach (EventReadResult record in records)
            {
                yield return Format(Decide(policy, record, posture), lineFormatter);
            }
        }

        private static SimulationItem Format(SimulationItem item, Func<PolicyDecision, string>? lineFormatter)
        {
            if (lineFormatter != null && item.Decision != null)
            {
                item.FormattedLine = lineFormatter(item.Decision);
            }

            return item;
        }

        /// <summary>Decides one read record (or turns its read error into an item).</summary>
        /// <param name="policy">The policy.</param>
        /// <param name="record">The record.</param>
        /// <returns>The item.</returns>
        public static SimulationItem Decide(PolicyDefinition policy, EventReadResult record) => Decide(policy, record, null);

        private static SimulationItem Decide(PolicyDefinition policy, EventReadResult record, PostureTracker? posture)
        {
            if (record.IsError)
            {
                var e = record.Error!;
                return new SimulationItem(new RecordError(e.Source, e.Line, RecordErrorKind.InvalidJson, e.Message));
            }

            EventRecord r = record.Record;
            PolicyEvent ev;
            try
            {
                ev = r.Validated ? PolicyEventParser.ParseValidated(r.Json.Span) : PolicyEventParser.Parse(r.Json.Span);
            }
            catch (PolicyEventFormatException ex)
            {
                return new SimulationItem(new RecordError(r.Source, r.Line, RecordErrorKind.InvalidJson, ex.Message));
            }

            try
            {
                return new SimulationItem(PolicyDecider.Decide(policy, ev, posture), r.Source, r.Line);
            }
            catch (PolicyEventMappingException ex)
            {
                return new SimulationItem(new RecordError(r.Source, r.Line, RecordErrorKind.Unmappable, ex.Message));
            }
        }
    }
}
