using System;
using System.Collections.Generic;
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
        public static IEnumerable<SimulationItem> Run(PolicyDefinition policy, IEnumerable<EventReadResult> records, SimulationSummary summary, bool strict)
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

            return RunIterator(policy, records, summary, strict);
        }

        private static IEnumerable<SimulationItem> RunIterator(PolicyDefinition policy, IEnumerable<EventReadResult> records, SimulationSummary summary, bool strict)
        {
            foreach (EventReadResult record in records)
            {
                SimulationItem item = Decide(policy, record);
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

        /// <summary>Decides one read record (or turns its read error into an item).</summary>
        /// <param name="policy">The policy.</param>
        /// <param name="record">The record.</param>
        /// <returns>The item.</returns>
        public static SimulationItem Decide(PolicyDefinition policy, EventReadResult record)
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
                ev = PolicyEventParser.Parse(r.Json.Span);
            }
            catch (PolicyEventFormatException ex)
            {
                return new SimulationItem(new RecordError(r.Source, r.Line, RecordErrorKind.InvalidJson, ex.Message));
            }

            try
            {
                return new SimulationItem(PolicyDecider.Decide(policy, ev), r.Source, r.Line);
            }
            catch (PolicyEventMappingException ex)
            {
                return new SimulationItem(new RecordError(r.Source, r.Line, RecordErrorKind.Unmappable, ex.Message));
            }
        }
    }
}
