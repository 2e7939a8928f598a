using System;
using System.Collections.Generic;
using System.Globalization;
using PolicySim.Evaluation;
using PolicySim.Events;

namespace PolicySim.Replay
{
    /// <summary>
    /// One replayed event: the baseline and candidate decisions side by side and how they differ. Flat and
    /// scalar-first so it filters, groups, sorts and exports without tricks.
    /// </summary>
    public sealed class ReplayResult
    {
        internal ReplayResult(string eventId, string eventType, DateTimeOffset timestamp, string target, ComparedDecision baseline, ComparedDecision candidate, string source, long line)
        {
            EventId = eventId;
            EventType = eventType;
            Timestamp = timestamp;
            Target = target;
            Baseline = baseline;
            Candidate = candidate;
            Flip = FlipClassifier.Classify(baseline, candidate);
            Source = source;
            Line = line;
            UnknownFieldList = MergeUnknown(candidate.UnknownFields, baseline.UnknownFields);
        }

        /// <summary>The candidate's unknown fields, then the baseline's not already listed; no list when both are empty (most results).</summary>
        private static IReadOnlyList<string> MergeUnknown(IReadOnlyList<string> candidate, IReadOnlyList<string> baseline)
        {
            if (baseline.Count == 0)
            {
                return candidate.Count == 0 ? Array.Empty<string>() : new List<string>(candidate);
            }

            var unknown = new List<string>(candidate);
            foreach (string f in baseline)
            {
                if (!unknown.Contains(f))
                {
                    unknown.Add(f);
                }
            }

            return unknown;
        }

        /// <summary>Gets the event id.</summary>
        public string EventId { get; }

        /// <summary>Gets the decided event when the record carried one (kept as a group's example for attribution).</summary>
        internal PolicyEvent? Event { get; init; }

        /// <summary>Gets the event type.</summary>
        public string EventType { get; }

        /// <summary>Gets the event time.</summary>
        public DateTimeOffset Timestamp { get; }

        /// <summary>Gets what the event acts on (path, host:port, tool, custom kind).</summary>
        public string Target { get; }

        /// <summary>Gets the baseline outcome.</summary>
        public DecisionOutcome BaselineOutcome => Baseline.Outcome;

        /// <summary>Gets the candidate outcome.</summary>
        public DecisionOutcome CandidateOutcome => Candidate.Outcome;

        /// <summary>Gets how the decisions differ.</summary>
        public FlipKind Flip { get; }

        /// <summary>Gets the direction of the flip.</summary>
        public FlipClass FlipClass => FlipClassifier.ClassOf(Flip);

        /// <summary>Gets the baseline guard, or null.</summary>
        public string? BaselineGuard => Baseline.Guard;

        /// <summary>Gets the candidate guard, or null.</summary>
        public string? CandidateGuard => Candidate.Guard;

        /// <summary>Gets the baseline severity (<c>low|medium|high|critical</c>), or null.</summary>
        public string? BaselineSeverity => Baseline.Severity;

        /// <summary>Gets the candidate severity, or null.</summary>
        public string? CandidateSeverity => Candidate.Severity;

        /// <summary>Gets the baseline message, or null.</summary>
        public string? BaselineMessage => Baseline.Message;

        /// <summary>Gets the candidate message, or null.</summary>
        public string? CandidateMessage => Candidate.Message;

        /// <summary>Gets the baseline reason code, or null.</summary>
        public string? BaselineReason => Baseline.Reason;

        /// <summary>Gets the candidate reason code, or null.</summary>
        public string? CandidateReason => Candidate.Reason;

        /// <summary>Gets the fields that made a side Unknown, comma-separated (empty when none).</summary>
        public string UnknownFields => string.Join(",", UnknownFieldList);

        /// <summary>Gets the fields that made a side Unknown.</summary>
        public IReadOnlyList<string> UnknownFieldList { get; }

        /// <summary>Gets the policy entry responsible, if known: the candidate's matched pattern, else the baseline's.</summary>
        public string? MatchedPattern => Candidate.MatchedPattern ?? Baseline.MatchedPattern;

        /// <summary>Gets the input name.</summary>
        public string Source { get; }

        /// <summary>Gets the physical 1-based line of the record.</summary>
        public long Line { get; }

        /// <summary>Gets the baseline decision's facts.</summary>
        public ComparedDecision Baseline { get; }

        /// <summary>Gets the candidate decision's facts.</summary>
        public ComparedDecision Candidate { get; }

        /// <summary>Formats as <c>DenyToAllow evt-19 network_egress paste.example:443: blocked [egress_allowlist] … -> allowed</c>.</summary>
        /// <returns>One line.</returns>
        public override string ToString() => string.Format(
            CultureInfo.InvariantCulture,
            "{0} {1} {2} {3}: {4} -> {5}",
            Flip,
            EventId,
            EventType,
            Target,
            Baseline,
            Candidate);
    }
}
