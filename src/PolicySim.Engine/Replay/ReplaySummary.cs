using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PolicySim.Events;

namespace PolicySim.Replay
{
    /// <summary>
    /// Counts and groups of a replay or compare, updated as results stream by. Memory grows with the number of
    /// groups, never with the number of events. Mergeable: <see cref="Merge"/> of the summaries of consecutive
    /// shards equals the summary of the whole input, provided the shards are merged in input order (sample ids
    /// are the first ones in input order; a group's representative decisions are those of its first member).
    /// </summary>
    public sealed class ReplaySummary
    {
        private static readonly FlipKind[] AllKinds = AllFlipKinds();
        private readonly long[] _flips = new long[AllKinds.Length];
        private readonly Dictionary<GroupKey, GroupAccumulator> _groups = new Dictionary<GroupKey, GroupAccumulator>();

        /// <summary>Gets the number of events compared (not counting errors, sampled-out or filtered-out records).</summary>
        public long Total { get; private set; }

        /// <summary>Gets the number of events whose outcome changed (the six outcome flip kinds).</summary>
        public long Changed
        {
            get
            {
                long n = 0;
                foreach (FlipKind k in AllKinds)
                {
                    if (FlipClassifier.IsOutcomeChange(k))
                    {
                        n += Count(k);
                    }
                }

                return n;
            }
        }

        /// <summary>Gets the number of breaking flips (more restrictive).</summary>
        public long Breaking => Count(FlipKind.AllowToDeny) + Count(FlipKind.AllowToWarn) + Count(FlipKind.WarnToDeny);

        /// <summary>Gets the number of widening flips (less restrictive).</summary>
        public long Widening => Count(FlipKind.DenyToAllow) + Count(FlipKind.DenyToWarn) + Count(FlipKind.WarnToAllow);

        /// <summary>Gets the number of events with an Unknown decision on either side.</summary>
        public long Unknown { get; private set; }

        /// <summary>Gets the number of records that could not be read or replayed.</summary>
        public long Errors { get; private set; }

        /// <summary>Gets the number of events left out by sampling.</summary>
        public long SampledOut { get; private set; }

        /// <summary>Gets the number of records left out by the time window, event-type or guard filters (and records that are not decisions).</summary>
        public long FilteredOut { get; private set; }

        /// <summary>Gets the count per flip kind; every kind is present (zero when none).</summary>
        public IReadOnlyDictionary<FlipKind, long> Flips
        {
            get
            {
                var d = new SortedDictionary<FlipKind, long>();
                foreach (FlipKind k in AllKinds)
                {
                    d[k] = Count(k);
                }

                return d;
            }
        }

        /// <summary>Gets the number of flip groups.</summary>
        public int GroupCount => _groups.Count;

        /// <summary>Gets the groups, widening first, then breaking, then the rest; then by count (descending), then by key.</summary>
        public IReadOnlyList<FlipGroup> Groups
        {
            get
            {
                var list = new List<FlipGroup>(_groups.Count);
                foreach (var g in _groups.Values)
                {
                    list.Add(g.ToGroup());
                }

                list.Sort(FlipGroup.Compare);
                return list;
            }
        }

        private static FlipKind[] AllFlipKinds()
        {
            var kinds = new FlipKind[(int)FlipKind.StateDependent + 1];
            for (int i = 0; i < kinds.Length; i++)
            {
                kinds[i] = (FlipKind)i;
            }

            return kinds;
        }

        /// <summary>Gets the count of one flip kind.</summary>
        /// <param name="kind">The kind.</param>
        /// <returns>The count.</returns>
        public long Count(FlipKind kind) => _flips[(int)kind];

        /// <summary>Merges two summaries: counts add; groups with the same key add their counts, widen their time range and keep the first sample ids (<paramref name="first"/>'s before <paramref name="second"/>'s).</summary>
        /// <param name="first">The summary of the earlier part of the input.</param>
        /// <param name="second">The summary of the later part.</param>
        /// <returns>A new summary.</returns>
        public static ReplaySummary Merge(ReplaySummary first, ReplaySummary second)
        {
            Require.NotNull(first, nameof(first));

            Require.NotNull(second, nameof(second));

            var merged = new ReplaySummary();
            merged.Absorb(first);
            merged.Absorb(second);
            return merged;
        }

        /// <summary>Formats as <c>Replay complete: total=…, changed=…, widening=…, breaking=…, unknown=…, errors=…</c>.</summary>
        /// <returns>One line.</returns>
        public override string ToString() => string.Format(
            CultureInfo.InvariantCulture,
            "Replay complete: total={0}, changed={1}, widening={2}, breaking={3}, unknown={4}, errors={5}",
            Total,
            Changed,
            Widening,
            Breaking,
            Unknown,
            Errors);

        internal void Add(ReplayResult result)
        {
            Total++;
            _flips[(int)result.Flip]++;
            if (result.BaselineOutcome == Evaluation.DecisionOutcome.Unknown || result.CandidateOutcome == Evaluation.DecisionOutcome.Unknown)
            {
                Unknown++;
            }

            if (result.Flip == FlipKind.None)
            {
                return;
            }

            var key = new GroupKey(result.Flip, result.EventType, result.MatchedPattern ?? result.Target, result.BaselineGuard, result.CandidateGuard);
            if (!_groups.TryGetValue(key, out GroupAccumulator? acc))
            {
                acc = new GroupAccumulator(key, result.Baseline.ToString(), result.Candidate.ToString(), result.Timestamp);
                _groups.Add(key, acc);
            }

            acc.Add(result.Timestamp, result.EventId, result.Event);
        }

        /// <summary>
        /// Sets the causes of the groups to attribute (the <paramref name="maxGroups"/> largest that have an example
        /// event): <paramref name="causesOf"/> gets their examples, largest group first, and returns one list of causes
        /// per example, in that order.
        /// </summary>
        internal void AttributeGroups(Func<IReadOnlyList<PolicyEvent>, IReadOnlyList<IReadOnlyList<FlipCause>>> causesOf, int maxGroups)
        {
            List<GroupAccumulator> groups = _groups.Values.OrderByDescending(a => a.Count).Take(maxGroups).Where(a => a.Exemplar != null).ToList();
            IReadOnlyList<IReadOnlyList<FlipCause>> causes = causesOf(groups.ConvertAll(a => a.Exemplar!));
            if (causes.Count != groups.Count)
            {
                throw new InvalidOperationException("One list of causes per example is needed.");
            }

            for (int i = 0; i < groups.Count; i++)
            {
                groups[i].Causes = causes[i];
            }
        }

        internal void AddError() => Errors++;

        internal void AddSampledOut() => SampledOut++;

        internal void AddFilteredOut() => FilteredOut++;

        /// <summary>Restores a summary from a report (see <c>ReplayJsonReport</c>).</summary>
        internal static ReplaySummary Restore(long total, long unknown, long errors, long sampledOut, long filteredOut, IReadOnlyDictionary<FlipKind, long> flips, IEnumerable<FlipGroup> groups)
        {
            var s = new ReplaySummary { Total = total, Unknown = unknown, Errors = errors, SampledOut = sampledOut, FilteredOut = filteredOut };
            foreach (var pair in flips)
            {
                s._flips[(int)pair.Key] = pair.Value;
            }

            foreach (FlipGroup g in groups)
            {
                s.AbsorbGroup(g);
            }

            return s;
        }

        private void Absorb(ReplaySummary other)
        {
            Total += other.Total;
            Unknown += other.Unknown;
            Errors += other.Errors;
            SampledOut += other.SampledOut;
            FilteredOut += other.FilteredOut;
            for (int i = 0; i < _flips.Length; i++)
            {
                _flips[i] += other._flips[i];
            }

            // Dictionary enumeration order does not matter here: each key is absorbed once per summary.
            foreach (var acc in other._groups.Values)
            {
                AbsorbGroup(acc.ToGroup());
            }
        }

        private void AbsorbGroup(FlipGroup g)
        {
            var key = new GroupKey(g.Kind, g.EventType, g.TargetPattern, g.BaselineGuard, g.CandidateGuard);
            if (!_groups.TryGetValue(key, out GroupAccumulator? acc))
            {
                acc = new GroupAccumulator(key, g.BaselineDecision, g.CandidateDecision, g.FirstSeen);
                _groups.Add(key, acc);
            }

            acc.Absorb(g);
        }

        private readonly struct GroupKey : IEquatable<GroupKey>
        {
            public GroupKey(FlipKind kind, string eventType, string target, string? baselineGuard, string? candidateGuard)
            {
                Kind = kind;
                EventType = eventType;
                Target = target;
                BaselineGuard = baselineGuard;
                CandidateGuard = candidateGuard;
            }

            public FlipKind Kind { get; }

            public string EventType { get; }

            public string Target { get; }

            public string? BaselineGuard { get; }

            public string? CandidateGuard { get; }

            public bool Equals(GroupKey other) =>
                Kind == other.Kind
                && string.Equals(EventType, other.EventType, StringComparison.Ordinal)
                && string.Equals(Target, other.Target, StringComparison.Ordinal)
                && string.Equals(BaselineGuard, other.BaselineGuard, StringComparison.Ordinal)
                && string.Equals(CandidateGuard, other.CandidateGuard, StringComparison.Ordinal);

            public override bool Equals(object? obj) => obj is GroupKey k && Equals(k);

            public override int GetHashCode()
            {
                unchecked
                {
                    int h = (int)Kind;
                    h = (h * 397) ^ StringComparer.Ordinal.GetHashCode(EventType);
                    h = (h * 397) ^ StringComparer.Ordinal.GetHashCode(Target);
                    h = (h * 397) ^ (BaselineGuard == null ? 0 : StringComparer.Ordinal.GetHashCode(BaselineGuard));
                    h = (h * 397) ^ (CandidateGuard == null ? 0 : StringComparer.Ordinal.GetHashCode(CandidateGuard));
                    return h;
                }
            }
        }

        private sealed class GroupAccumulator
        {
            private readonly GroupKey _key;
            private readonly string _baseline;
            private readonly string _candidate;
            private readonly List<string> _samples = new List<string>(FlipGroup.MaxSamples);
            private long _count;
            private DateTimeOffset _first;
            private DateTimeOffset _last;

            public GroupAccumulator(GroupKey key, string baseline, string candidate, DateTimeOffset time)
            {
                _key = key;
                _baseline = baseline;
                _candidate = candidate;
                _first = time;
                _last = time;
            }

            public PolicyEvent? Exemplar { get; private set; }

            public IReadOnlyList<FlipCause>? Causes { get; set; }

            public long Count => _count;

            public void Add(DateTimeOffset time, string eventId, PolicyEvent? exemplar)
            {
                Exemplar ??= exemplar;
                _count++;
                Widen(time, time);
                if (_samples.Count < FlipGroup.MaxSamples)
                {
                    _samples.Add(eventId);
                }
            }

            public void Absorb(FlipGroup g)
            {
                bool empty = _count == 0;
                _count += g.Count;
                if (empty)
                {
                    _first = g.FirstSeen;
                    _last = g.LastSeen;
                }
                else
                {
                    Widen(g.FirstSeen, g.LastSeen);
                }

                if ((Causes == null || Causes.Count == 0) && g.CauseDetails.Count > 0)
                {
                    Causes = g.CauseDetails;
                }

                foreach (string id in g.SampleEventIds)
                {
                    if (_samples.Count >= FlipGroup.MaxSamples)
                    {
                        break;
                    }

                    _samples.Add(id);
                }
            }

            public FlipGroup ToGroup() => new FlipGroup(_key.Kind, _key.EventType, _key.Target, _key.BaselineGuard, _key.CandidateGuard, _baseline, _candidate, _count, _first, _last, _samples.ToArray(), Causes);

            private void Widen(DateTimeOffset first, DateTimeOffset last)
            {
                if (first < _first)
                {
                    _first = first;
                }

                if (last > _last)
                {
                    _last = last;
                }
            }
        }
    }
}
