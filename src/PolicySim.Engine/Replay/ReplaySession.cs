using System;
using System.Collections.Generic;
using System.Text.Json;
using PolicySim.Events;
using PolicySim.Policies;

namespace PolicySim.Replay
{
    /// <summary>
    /// A replay (or comparison) fed one record at a time, for hosts that receive input by push rather than by pull —
    /// a PowerShell pipeline hands the cmdlet one item per <c>ProcessRecord</c>. Gives exactly the items and summary that
    /// <see cref="PolicyReplay.Run"/> / <see cref="PolicyComparison.Run"/> give for the same records in the same order,
    /// posture state included.
    /// </summary>
    public sealed class ReplaySession
    {
        private readonly PolicyDefinition _candidate;
        private readonly ReplayOptions _options;
        private readonly PolicyReplay.Trackers _trackers;
        private readonly RecordedDecisionFormat _givenFormat;
        private RecordedDecisionFormat _format;

        /// <summary>Starts a replay of recorded decisions under <paramref name="candidate"/>.</summary>
        /// <param name="candidate">The candidate policy.</param>
        /// <param name="options">Baseline, filters, sampling, strictness; null for defaults.</param>
        /// <param name="format">The shape of raw records given to <see cref="Add(EventReadResult)"/>; <see cref="RecordedDecisionFormat.Auto"/> detects it from the first readable one.</param>
        public ReplaySession(PolicyDefinition candidate, ReplayOptions? options, RecordedDecisionFormat format = RecordedDecisionFormat.Auto)
        {
            Require.NotNull(candidate, nameof(candidate));
            _candidate = candidate;
            _options = options ?? new ReplayOptions();
            _format = format;
            _givenFormat = format;
            _trackers = new PolicyReplay.Trackers(candidate, _options);
        }

        /// <summary>Gets the counts and groups so far.</summary>
        public ReplaySummary Summary { get; } = new ReplaySummary();

        /// <summary>Gets the candidate policy.</summary>
        public PolicyDefinition Candidate => _candidate;

        /// <summary>Gets the options.</summary>
        public ReplayOptions Options => _options;

        /// <summary>Gets the format of raw records: as given, or as detected (<see cref="RecordedDecisionFormat.Auto"/> until a readable record arrived).</summary>
        public RecordedDecisionFormat Format => _format;

        /// <summary>Gets whether the session is strict and has reported an error: later records are ignored, as <see cref="PolicyReplay.Run"/> stops there.</summary>
        public bool Stopped { get; private set; }

        /// <summary>Starts a comparison of two policies on PolicyEvents (recorded outcomes ignored), like <see cref="PolicyComparison.Run"/>.</summary>
        /// <param name="referencePolicy">The baseline ("old") policy.</param>
        /// <param name="differencePolicy">The candidate ("new") policy.</param>
        /// <param name="options">Filters, sampling, strictness; its <see cref="ReplayOptions.BaselinePolicy"/> is ignored. Null for defaults.</param>
        /// <returns>The session.</returns>
        public static ReplaySession ForComparison(PolicyDefinition referencePolicy, PolicyDefinition differencePolicy, ReplayOptions? options)
        {
            Require.NotNull(referencePolicy, nameof(referencePolicy));
            Require.NotNull(differencePolicy, nameof(differencePolicy));
            options ??= new ReplayOptions();
            ReplayOptions effective = options.WithBaseline(referencePolicy);
            return new ReplaySession(differencePolicy, effective, RecordedDecisionFormat.PolicyEvents);
        }

        /// <summary>Replays one recorded decision (e.g. from <see cref="RecordedDecisionReader.Read"/>).</summary>
        /// <param name="read">The record or read error.</param>
        /// <returns>The result or error to report, or null when the record was filtered, sampled out, not a decision, or the session has <see cref="Stopped"/>.</returns>
        public ReplayItem? Add(RecordedDecisionReadResult read)
        {
            if (Stopped)
            {
                return null;
            }

            ReplayItem? item = PolicyReplay.Step(_candidate, read, _options, Summary, _trackers);
            if (item?.Error != null && _options.Strict)
            {
                Stopped = true;
            }

            return item;
        }

        /// <summary>Replays one raw record (e.g. from <see cref="LineFragmentAssembler"/>), read in <see cref="Format"/>.</summary>
        /// <param name="raw">The raw record or read error.</param>
        /// <returns>As <see cref="Add(RecordedDecisionReadResult)"/>.</returns>
        public ReplayItem? Add(EventReadResult raw)
        {
            if (Stopped)
            {
                return null;
            }

            if (_format == RecordedDecisionFormat.Auto && !raw.IsError
                && RecordedDecisionReader.TryParseJson(raw.Record, out JsonElement root, out _))
            {
                _format = RecordedDecisionReader.Detect(root);
            }

            ReplayItem? last = null;
            foreach (RecordedDecisionReadResult read in RecordedDecisionReader.Read(new[] { raw }, _format))
            {
                last = Add(read) ?? last;
            }

            return last;
        }

        /// <summary>
        /// Starts another input (e.g. the next file): with <see cref="RecordedDecisionFormat.Auto"/> its format is detected
        /// again from its first readable record. Counts, groups and posture state go on.
        /// </summary>
        public void BeginInput() => _format = _givenFormat;

        /// <summary>
        /// Replays one whole input in order (after <see cref="BeginInput"/>), yielding each reported item with the raw
        /// record it came from. Items, counts, format detection and the strict stop are exactly those of calling
        /// <see cref="Add(EventReadResult)"/> record by record; when records are independent (no posture state) they
        /// are parsed and decided on every core while the caller consumes results in order, as the CLI does.
        /// </summary>
        /// <param name="raws">The records of the input (e.g. from <see cref="EventStreamReader"/>).</param>
        /// <returns>The reported items with their raw records, in input order.</returns>
        public IEnumerable<KeyValuePair<EventReadResult, ReplayItem>> AddInput(IEnumerable<EventReadResult> raws)
            => AddInput(raws, recordsOfErrorsOnly: false);

        /// <summary>
        /// Replays one whole input as <see cref="AddInput(IEnumerable{EventReadResult})"/> does, for callers that read a
        /// record's bytes only when it could not be replayed (to show the offending record with the error).
        /// </summary>
        /// <param name="raws">The records of the input (e.g. from <see cref="EventStreamReader"/>).</param>
        /// <param name="recordsOfErrorsOnly">
        /// True to keep the bytes of error items' records only: result items then come with their record's source and
        /// line but empty <see cref="EventRecord.Json"/>, and records from
        /// <see cref="EventStreamReader.ReadAll(System.IO.Stream, string, EventStreamOptions?)"/> are decided without a
        /// private copy each (the parallel pipeline recycles their bytes once decided; a sixth of what a large replay
        /// allocates). False gives every item its record, as the overload without this parameter does.
        /// </param>
        /// <returns>The reported items with their records, in input order.</returns>
        public IEnumerable<KeyValuePair<EventReadResult, ReplayItem>> AddInput(IEnumerable<EventReadResult> raws, bool recordsOfErrorsOnly)
        {
            Require.NotNull(raws, nameof(raws));
            return AddInputIterator(raws, recordsOfErrorsOnly);
        }

        private IEnumerable<KeyValuePair<EventReadResult, ReplayItem>> AddInputIterator(IEnumerable<EventReadResult> raws, bool recordsOfErrorsOnly)
        {
            // Borrowed records are valid only until the next is read: each is decided, and what is reported of it
            // copied, before the enumerator moves on (here, or in the pipeline's workers before a batch is recycled).
            bool borrowed = recordsOfErrorsOnly && raws is EventRecordSequence;
            using IEnumerator<EventReadResult> e = (borrowed ? ((EventRecordSequence)raws).Borrowed() : raws).GetEnumerator();

            // Until the format is known (auto-detection reads the first readable record), go one by one.
            while (!Stopped && (_format == RecordedDecisionFormat.Auto || !PolicyReplay.CanRunParallel(_candidate, _options) || !Evaluation.OrderedParallel.Enabled))
            {
                if (!e.MoveNext())
                {
                    yield break;
                }

                ReplayItem? item = Add(e.Current);
                if (item != null)
                {
                    EventReadResult raw = recordsOfErrorsOnly ? Reported(e.Current, item.Error != null, borrowed) : e.Current;
                    yield return new KeyValuePair<EventReadResult, ReplayItem>(raw, item);
                }
            }

            if (Stopped)
            {
                yield break;
            }

            RecordedDecisionFormat format = _format;
            Func<EventReadResult, (EventReadResult, PolicyReplay.PreparedRecord[])> work = recordsOfErrorsOnly
                ? raw =>
                {
                    PolicyReplay.PreparedRecord[] prepared = Prepare(raw, format);
                    return (Reported(raw, MayReportError(prepared), borrowed), prepared);
                }
                : raw => (raw, Prepare(raw, format));
            IEnumerable<(EventReadResult, PolicyReplay.PreparedRecord[])> decided = borrowed
                ? Evaluation.OrderedParallel.MapBorrowedRecords(Rest(e), work)
                : Evaluation.OrderedParallel.Map(Rest(e), work, r => EventReadResult.InputSize(r));
            foreach (var (raw, prepared) in decided)
            {
                // As Add: every read of the record is counted, and the last reported item is the record's item.
                ReplayItem? last = null;
                foreach (PolicyReplay.PreparedRecord p in prepared)
                {
                    if (Stopped)
                    {
                        break;
                    }

                    ReplayItem? item = PolicyReplay.Fold(p, _options, Summary);
                    if (item?.Error != null && _options.Strict)
                    {
                        Stopped = true;
                    }

                    last = item ?? last;
                }

                if (last != null)
                {
                    yield return new KeyValuePair<EventReadResult, ReplayItem>(raw, last);
                }

                if (Stopped)
                {
                    yield break;
                }
            }
        }

        /// <summary>What <see cref="AddInput(IEnumerable{EventReadResult}, bool)"/> reports of a record when only errors keep their bytes.</summary>
        private static EventReadResult Reported(EventReadResult raw, bool error, bool borrowed)
        {
            if (raw.IsError)
            {
                return raw;
            }

            if (!error)
            {
                return EventRecordSequence.Copy(raw.Record, ReadOnlyMemory<byte>.Empty);
            }

            return borrowed ? EventRecordSequence.Copy(raw.Record, raw.Record.Json.ToArray()) : raw;
        }

        /// <summary>Whether folding the prepared reads of a record can report an error (read and decision errors are known once prepared).</summary>
        private static bool MayReportError(PolicyReplay.PreparedRecord[] prepared)
        {
            foreach (PolicyReplay.PreparedRecord p in prepared)
            {
                if (p.Read.IsError || p.Item?.Error != null)
                {
                    return true;
                }
            }

            return false;
        }

        private static IEnumerable<EventReadResult> Rest(IEnumerator<EventReadResult> e)
        {
            while (e.MoveNext())
            {
                yield return e.Current;
            }
        }

        private PolicyReplay.PreparedRecord[] Prepare(EventReadResult raw, RecordedDecisionFormat format)
        {
            if (format == RecordedDecisionFormat.PolicyEvents)
            {
                // One read per record, without the general reader's iterator (what ReadIterator does for this format).
                return new[] { PolicyReplay.Prepare(_candidate, RecordedDecisionReader.ReadPolicyEventRecord(raw), _options) };
            }

            var prepared = new List<PolicyReplay.PreparedRecord>(1);
            foreach (RecordedDecisionReadResult read in RecordedDecisionReader.Read(new[] { raw }, format))
            {
                prepared.Add(PolicyReplay.Prepare(_candidate, read, _options));
            }

            return prepared.ToArray();
        }

        /// <summary>Replays several raw records in order.</summary>
        /// <param name="raws">The records.</param>
        /// <returns>The items to report, in order.</returns>
        public IEnumerable<ReplayItem> AddRange(IEnumerable<EventReadResult> raws)
        {
            Require.NotNull(raws, nameof(raws));
            foreach (EventReadResult raw in raws)
            {
                ReplayItem? item = Add(raw);
                if (item != null)
                {
                    yield return item;
                }
            }
        }
    }
}
