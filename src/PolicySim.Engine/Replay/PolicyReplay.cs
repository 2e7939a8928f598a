using System;
using System.Collections.Generic;
using System.Linq;
using PolicySim.Evaluation;
using PolicySim.Evaluation.Posture;
using PolicySim.Events;
using PolicySim.Policies;

namespace PolicySim.Replay
{
    /// <summary>
    /// Replays recorded decisions under a candidate policy, one record at a time (a streaming fold): each record is
    /// re-decided and compared with its recorded decision, or with the decision of
    /// <see cref="ReplayOptions.BaselinePolicy"/> when one is given.
    /// </summary>
    public static class PolicyReplay
    {
        /// <summary>Replays every record; <paramref name="summary"/> is updated as items are yielded.</summary>
        /// <param name="candidate">The candidate policy.</param>
        /// <param name="records">Recorded decisions from <see cref="RecordedDecisionReader"/>.</param>
        /// <param name="options">Baseline, filters, sampling; null for defaults.</param>
        /// <param name="summary">Receives counts and groups.</param>
        /// <returns>One item per record kept (results and errors), in input order; filtered and sampled-out records are only counted.</returns>
        public static IEnumerable<ReplayItem> Run(PolicyDefinition candidate, IEnumerable<RecordedDecisionReadResult> records, ReplayOptions? options, ReplaySummary summary)
        {
            Require.NotNull(candidate, nameof(candidate));

            Require.NotNull(records, nameof(records));

            Require.NotNull(summary, nameof(summary));

            return RunIterator(candidate, records, options ?? new ReplayOptions(), summary);
        }

        /// <summary>Decides one event under a policy and returns the facts replay compares (Unknown when a needed field is missing or redacted).</summary>
        /// <param name="policy">The policy.</param>
        /// <param name="record">The record.</param>
        /// <returns>The facts.</returns>
        /// <exception cref="PolicyEventMappingException">The event cannot be mapped to an action.</exception>
        public static ComparedDecision Decide(PolicyDefinition policy, RecordedDecision record) => Decide(policy, record, null);

        /// <summary>As <see cref="Decide(PolicyDefinition, RecordedDecision)"/>, threading posture state through <paramref name="posture"/>.</summary>
        /// <param name="policy">The policy.</param>
        /// <param name="record">The record.</param>
        /// <param name="posture">The run's tracker for this policy (when it defines posture), or null.</param>
        /// <returns>The facts.</returns>
        public static ComparedDecision Decide(PolicyDefinition policy, RecordedDecision record, PostureTracker? posture)
        {
            Require.NotNull(policy, nameof(policy));

            Require.NotNull(record, nameof(record));

            PolicyEvent? ev = record.Event;
            if (ev == null)
            {
                return ComparedDecision.Unknown(record.MissingFields, DecisionInputs.Describe(record.MissingFields, record.MissingFields));
            }

            string? redacted = DecisionInputs.RedactedBeforeMapping(ev);
            if (redacted != null)
            {
                return ComparedDecision.Unknown(new[] { redacted }, "redacted field " + redacted);
            }

            PolicyDecision decision = PolicyDecider.Decide(policy, ev, posture);
            IReadOnlyList<string> unknown = DecisionInputs.UnknownFields(ev, record.MissingFields, decision);
            return unknown.Count > 0
                ? ComparedDecision.Unknown(unknown, DecisionInputs.Describe(unknown, record.MissingFields))
                : ComparedDecision.FromDecision(decision);
        }

        /// <summary>Whether records can be decided independently (no posture state threads through them).</summary>
        internal static bool CanRunParallel(PolicyDefinition candidate, ReplayOptions options) =>
            OrderedParallel.Enabled && !candidate.HasPosture && options.BaselinePolicy is not { HasPosture: true };

        /// <summary>
        /// The stateless part of one record's replay: read result plus, when the record passes the filters and sampling,
        /// its compared item. <see cref="FoldIterator"/> does the counting in input order.
        /// </summary>
        internal static PreparedRecord Prepare(PolicyDefinition candidate, RecordedDecisionReadResult read, ReplayOptions options)
        {
            PreparedRecord prepared = Prepare(candidate, read, options, Trackers.None);
            if (prepared.Item?.Result is ReplayResult result && options.ResultLineFormatter != null)
            {
                prepared.Item.FormattedLine = options.ResultLineFormatter(result);
            }

            return prepared;
        }

        private static PreparedRecord Prepare(PolicyDefinition candidate, RecordedDecisionReadResult read, ReplayOptions options, Trackers trackers)
        {
            if (read.Skipped || read.IsError)
            {
                return new PreparedRecord(read, null);
            }

            RecordedDecision record = read.Record!;
            if (!InWindow(record, options) || !TypeSelected(record, options) || !ReplaySampler.Keep(options.Seed, record.EventId, options.SampleRate))
            {
                return new PreparedRecord(read, null);
            }

            return new PreparedRecord(read, Compare(candidate, record, options, trackers));
        }

        internal static IEnumerable<ReplayItem> RunIterator(PolicyDefinition candidate, IEnumerable<RecordedDecisionReadResult> records, ReplayOptions options, ReplaySummary summary)
        {
            if (CanRunParallel(candidate, options))
            {
                return FoldIterator(OrderedParallel.Map(records, read => Prepare(candidate, read, options)), options, summary);
            }

            return SequentialIterator(candidate, records, options, summary);
        }

        /// <summary>The counting fold over prepared records: the same bookkeeping, in the same order, as <see cref="SequentialIterator"/>.</summary>
        internal static IEnumerable<ReplayItem> FoldIterator(IEnumerable<PreparedRecord> prepared, ReplayOptions options, ReplaySummary summary)
        {
            foreach (PreparedRecord p in prepared)
            {
                ReplayItem? item = Fold(p, options, summary);
                if (item == null)
                {
                    continue;
                }

                yield return item;
                if (item.Error != null && options.Strict)
                {
                    yield break;
                }
            }
        }

        /// <summary>Counts one prepared record in input order: the item to report, or null when it is only counted.</summary>
        internal static ReplayItem? Fold(PreparedRecord p, ReplayOptions options, ReplaySummary summary)
        {
            RecordedDecisionReadResult read = p.Read;
            if (read.Skipped)
            {
                summary.AddFilteredOut();
                return null;
            }

            if (read.IsError)
            {
                summary.AddError();
                return new ReplayItem(read.Error!);
            }

            RecordedDecision record = read.Record!;
            if (!InWindow(record, options) || !TypeSelected(record, options))
            {
                summary.AddFilteredOut();
                return null;
            }

            if (p.Item == null)
            {
                summary.AddSampledOut();
                return null;
            }

            ReplayItem item = p.Item;
            if (item.Error != null)
            {
                summary.AddError();
                return item;
            }

            if (!GuardSelected(item.Result!, options))
            {
                summary.AddFilteredOut();
                return null;
            }

            summary.Add(item.Result!);
            return item;
        }

        private static IEnumerable<ReplayItem> SequentialIterator(PolicyDefinition candidate, IEnumerable<RecordedDecisionReadResult> records, ReplayOptions options, ReplaySummary summary)
        {
            // Posture state is threaded per session in record order, separately for each policy that defines one:
            // each record is prepared only when the fold asks for it.
            var trackers = new Trackers(candidate, options);
            foreach (ReplayItem item in FoldIterator(records.Select(read => Prepare(candidate, read, options, trackers)), options, summary))
            {
                yield return item;
            }
        }

        /// <summary>Replays one record: the item to report, or null when the record is filtered, sampled out or not a decision (only counted).</summary>
        /// <remarks>The same preparation and counting as the parallel path (<see cref="Prepare(PolicyDefinition, RecordedDecisionReadResult, ReplayOptions)"/>
        /// then <see cref="Fold"/>), with this run's posture state.</remarks>
        internal static ReplayItem? Step(PolicyDefinition candidate, RecordedDecisionReadResult read, ReplayOptions options, ReplaySummary summary, Trackers trackers) =>
            Fold(Prepare(candidate, read, options, trackers), options, summary);

        private static ReplayItem Compare(PolicyDefinition candidate, RecordedDecision record, ReplayOptions options, Trackers trackers)
        {
            try
            {
                ComparedDecision? baseline = options.BaselinePolicy != null ? Decide(options.BaselinePolicy, record, trackers.Baseline) : record.Baseline;
                if (baseline == null)
                {
                    return new ReplayItem(new ReplayError(record.Source, record.Line, ReplayErrorKind.MissingOutcome, "record " + record.EventId + " has no recorded outcome and no baseline policy was given"));
                }

                ComparedDecision decided = Decide(candidate, record, trackers.Candidate);
                return new ReplayItem(new ReplayResult(record.EventId, record.EventType, record.Timestamp, record.Target, baseline, decided, record.Source, record.Line) { Event = record.Event });
            }
            catch (PolicyEventMappingException ex)
            {
                return new ReplayItem(new ReplayError(record.Source, record.Line, ReplayErrorKind.Unmappable, ex.Message));
            }
        }

        private static bool InWindow(RecordedDecision r, ReplayOptions o) =>
            (o.Since is not DateTimeOffset since || r.Timestamp >= since) && (o.Until is not DateTimeOffset until || r.Timestamp < until);

        private static bool TypeSelected(RecordedDecision r, ReplayOptions o) =>
            o.EventTypes == null || o.EventTypes.Count == 0 || Contains(o.EventTypes, r.EventType);

        private static bool GuardSelected(ReplayResult r, ReplayOptions o) =>
            o.Guards == null || o.Guards.Count == 0
            || (r.BaselineGuard != null && Contains(o.Guards, r.BaselineGuard))
            || (r.CandidateGuard != null && Contains(o.Guards, r.CandidateGuard));

        private static bool Contains(IReadOnlyCollection<string> set, string value)
        {
            foreach (string s in set)
            {
                if (string.Equals(s, value, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A record read and, when it passed filters and sampling, compared.</summary>
        internal readonly struct PreparedRecord
        {
            public PreparedRecord(RecordedDecisionReadResult read, ReplayItem? item)
            {
                Read = read;
                Item = item;
            }

            public RecordedDecisionReadResult Read { get; }

            public ReplayItem? Item { get; }
        }

        /// <summary>The posture state of one run, per policy that defines posture.</summary>
        internal sealed class Trackers
        {
            /// <summary>No posture state: for policies without posture, which the parallel path requires.</summary>
            public static readonly Trackers None = new Trackers();

            public Trackers(PolicyDefinition candidate, ReplayOptions options)
            {
                Candidate = candidate.HasPosture ? new PostureTracker(candidate) : null;
                Baseline = options.BaselinePolicy is { HasPosture: true } b ? new PostureTracker(b) : null;
            }

            private Trackers()
            {
            }

            public PostureTracker? Candidate { get; }

            public PostureTracker? Baseline { get; }
        }
    }
}
