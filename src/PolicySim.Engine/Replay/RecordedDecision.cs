using System;
using System.Collections.Generic;
using PolicySim.Evaluation;
using PolicySim.Events;

namespace PolicySim.Replay
{
    /// <summary>
    /// One record of an audit log: the event (when the log carries enough of it) and the decision that was enforced.
    /// </summary>
    public sealed class RecordedDecision
    {
        private static readonly IReadOnlyList<string> NoFields = Array.Empty<string>();

        /// <summary>Creates a record.</summary>
        /// <param name="policyEvent">The event, or null when the log lacks what is needed to rebuild it.</param>
        /// <param name="eventId">The event id.</param>
        /// <param name="eventType">The event type (PolicyEvent vocabulary, e.g. <c>file_write</c>).</param>
        /// <param name="timestamp">The event time.</param>
        /// <param name="target">The path, host, tool or custom kind acted on.</param>
        /// <param name="baseline">The enforced decision, or null when the record carries none.</param>
        /// <param name="missingFields">Payload fields the log does not carry (e.g. <c>data.content</c>); decisions that need them are Unknown.</param>
        /// <param name="source">The input name.</param>
        /// <param name="line">The physical 1-based line.</param>
        public RecordedDecision(
            PolicyEvent? policyEvent,
            string eventId,
            string eventType,
            DateTimeOffset timestamp,
            string target,
            ComparedDecision? baseline,
            IReadOnlyList<string>? missingFields,
            string source,
            long line)
        {
            Event = policyEvent;
            EventId = eventId ?? throw new ArgumentNullException(nameof(eventId));
            EventType = eventType ?? throw new ArgumentNullException(nameof(eventType));
            Timestamp = timestamp;
            Target = target ?? string.Empty;
            Baseline = baseline;
            MissingFields = missingFields ?? NoFields;
            Source = source ?? string.Empty;
            Line = line;
        }

        /// <summary>Gets the event, or null when it could not be rebuilt from the record.</summary>
        public PolicyEvent? Event { get; }

        /// <summary>Gets the event id.</summary>
        public string EventId { get; }

        /// <summary>Gets the event type.</summary>
        public string EventType { get; }

        /// <summary>Gets the event time.</summary>
        public DateTimeOffset Timestamp { get; }

        /// <summary>Gets what the event acts on.</summary>
        public string Target { get; }

        /// <summary>Gets the recorded (enforced) decision, or null when the record has none.</summary>
        public ComparedDecision? Baseline { get; }

        /// <summary>Gets the recorded outcome, or null.</summary>
        public DecisionOutcome? Outcome => Baseline?.Outcome;

        /// <summary>Gets the payload fields the log does not carry.</summary>
        public IReadOnlyList<string> MissingFields { get; }

        /// <summary>Gets the input name.</summary>
        public string Source { get; }

        /// <summary>Gets the physical 1-based line.</summary>
        public long Line { get; }

        /// <summary>Formats as <c>blocked evt-1 file_read /etc/shadow</c>.</summary>
        /// <returns>One line.</returns>
        public override string ToString() =>
            (Outcome is DecisionOutcome o ? PolicyDecision.OutcomeWord(o) : "unrecorded") + " " + EventId + " " + EventType + (Target.Length > 0 ? " " + Target : string.Empty);
    }
}
