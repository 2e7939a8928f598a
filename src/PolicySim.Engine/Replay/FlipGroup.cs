using System;
using System.Collections.Generic;
using System.Globalization;

namespace PolicySim.Replay
{
    /// <summary>
    /// Flips that share a kind, event type, target pattern and guard pair, so a reviewer reads one line instead of
    /// thousands. The target pattern is the candidate's matched policy entry, else the baseline's, else the target itself.
    /// </summary>
    public sealed class FlipGroup
    {
        /// <summary>The number of sample event ids a group keeps: the first ones in input order.</summary>
        public const int MaxSamples = 5;

        /// <summary>Creates a group.</summary>
        /// <param name="kind">The flip kind.</param>
        /// <param name="eventType">The event type.</param>
        /// <param name="targetPattern">The target pattern.</param>
        /// <param name="baselineGuard">The baseline guard, or null.</param>
        /// <param name="candidateGuard">The candidate guard, or null.</param>
        /// <param name="baselineDecision">The first member's baseline decision, as text.</param>
        /// <param name="candidateDecision">The first member's candidate decision, as text.</param>
        /// <param name="count">The number of flips.</param>
        /// <param name="firstSeen">The earliest event time.</param>
        /// <param name="lastSeen">The latest event time.</param>
        /// <param name="sampleEventIds">Up to <see cref="MaxSamples"/> event ids, first in input order.</param>
        /// <param name="causes">The policy changes responsible, when attributed.</param>
        public FlipGroup(
            FlipKind kind,
            string eventType,
            string targetPattern,
            string? baselineGuard,
            string? candidateGuard,
            string baselineDecision,
            string candidateDecision,
            long count,
            DateTimeOffset firstSeen,
            DateTimeOffset lastSeen,
            IReadOnlyList<string> sampleEventIds,
            IReadOnlyList<FlipCause>? causes = null)
        {
            Kind = kind;
            EventType = eventType ?? string.Empty;
            TargetPattern = targetPattern ?? string.Empty;
            BaselineGuard = baselineGuard;
            CandidateGuard = candidateGuard;
            BaselineDecision = baselineDecision ?? string.Empty;
            CandidateDecision = candidateDecision ?? string.Empty;
            Count = count;
            FirstSeen = firstSeen;
            LastSeen = lastSeen;
            SampleEventIds = sampleEventIds ?? Array.Empty<string>();
            CauseDetails = causes ?? Array.Empty<FlipCause>();
            var text = new string[CauseDetails.Count];
            for (int i = 0; i < text.Length; i++)
            {
                text[i] = CauseDetails[i].ToString();
            }

            Causes = text;
        }

        /// <summary>
        /// Gets the policy changes that cause this group, found by re-deciding an example event under the old policy with
        /// one change applied at a time (empty when not attributed, e.g. replay against recorded decisions).
        /// </summary>
        public IReadOnlyList<string> Causes { get; }

        /// <summary>Gets the causes with the structural change and its source location (see <see cref="Causes"/> for text).</summary>
        public IReadOnlyList<FlipCause> CauseDetails { get; }

        /// <summary>Gets the flip kind.</summary>
        public FlipKind Kind { get; }

        /// <summary>Gets the direction of the flips.</summary>
        public FlipClass Class => FlipClassifier.ClassOf(Kind);

        /// <summary>Gets the event type.</summary>
        public string EventType { get; }

        /// <summary>Gets the target pattern: the matched policy entry, or the target.</summary>
        public string TargetPattern { get; }

        /// <summary>Gets the baseline guard, or null.</summary>
        public string? BaselineGuard { get; }

        /// <summary>Gets the candidate guard, or null.</summary>
        public string? CandidateGuard { get; }

        /// <summary>Gets the first member's baseline decision, e.g. <c>blocked [egress_allowlist] Egress to … blocked</c>.</summary>
        public string BaselineDecision { get; }

        /// <summary>Gets the first member's candidate decision.</summary>
        public string CandidateDecision { get; }

        /// <summary>Gets the number of flips in the group.</summary>
        public long Count { get; }

        /// <summary>Gets the earliest event time.</summary>
        public DateTimeOffset FirstSeen { get; }

        /// <summary>Gets the latest event time.</summary>
        public DateTimeOffset LastSeen { get; }

        /// <summary>Gets up to <see cref="MaxSamples"/> event ids, the first ones in input order.</summary>
        public IReadOnlyList<string> SampleEventIds { get; }

        /// <summary>Formats as <c>DenyToAllow x3 network_egress *.docs-cdn.example: blocked … -> allowed</c>.</summary>
        /// <returns>One line.</returns>
        public override string ToString() => string.Format(
            CultureInfo.InvariantCulture,
            "{0} x{1} {2} {3}: {4} -> {5}",
            Kind,
            Count,
            EventType,
            TargetPattern,
            BaselineDecision,
            CandidateDecision);

        /// <summary>Orders groups: widening first, then breaking, then the rest; then by count (descending); then by key.</summary>
        internal static int Compare(FlipGroup a, FlipGroup b)
        {
            int c = Rank(a.Class).CompareTo(Rank(b.Class));
            if (c != 0)
            {
                return c;
            }

            c = b.Count.CompareTo(a.Count);
            if (c != 0)
            {
                return c;
            }

            c = ((int)a.Kind).CompareTo((int)b.Kind);
            if (c != 0)
            {
                return c;
            }

            c = string.CompareOrdinal(a.EventType, b.EventType);
            if (c != 0)
            {
                return c;
            }

            c = string.CompareOrdinal(a.TargetPattern, b.TargetPattern);
            if (c != 0)
            {
                return c;
            }

            c = string.CompareOrdinal(a.BaselineGuard, b.BaselineGuard);
            return c != 0 ? c : string.CompareOrdinal(a.CandidateGuard, b.CandidateGuard);
        }

        private static int Rank(FlipClass c) => c switch
        {
            FlipClass.Widening => 0,
            FlipClass.Breaking => 1,
            _ => 2,
        };
    }
}
