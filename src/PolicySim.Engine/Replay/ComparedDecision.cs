using System;
using System.Collections.Generic;
using PolicySim.Evaluation;

namespace PolicySim.Replay
{
    /// <summary>
    /// One side of a comparison: the facts of a decision that replay and compare look at. Made from a decision the
    /// engine took (<see cref="FromDecision"/>) or from a decision recorded in a log (<see cref="Recorded"/>), where
    /// some facts may not have been recorded (null).
    /// </summary>
    public sealed class ComparedDecision
    {
        private static readonly IReadOnlyList<string> NoFields = Array.Empty<string>();

        private ComparedDecision(DecisionOutcome outcome, string? guard, string? severity, string? message, string? reason, bool reasonKnown, string? matchedPattern, IReadOnlyList<string> unknownFields)
        {
            Outcome = outcome;
            Guard = guard;
            Severity = severity;
            Message = message;
            Reason = reason;
            ReasonKnown = reasonKnown;
            MatchedPattern = matchedPattern;
            UnknownFields = unknownFields;
        }

        /// <summary>Gets whether session posture state decided this side (see <see cref="FlipKind.StateDependent"/>).</summary>
        public bool StateDependent { get; private set; }

        /// <summary>Gets the outcome.</summary>
        public DecisionOutcome Outcome { get; }

        /// <summary>Gets the deciding guard (null for plain allows, or when not recorded).</summary>
        public string? Guard { get; }

        /// <summary>Gets the canonical severity <c>low|medium|high|critical</c>, or null.</summary>
        public string? Severity { get; }

        /// <summary>Gets the message, or null when not recorded (or unknown).</summary>
        public string? Message { get; }

        /// <summary>Gets the reason code (e.g. <c>missing_content_bytes</c>), or null.</summary>
        public string? Reason { get; }

        /// <summary>Gets whether <see cref="Reason"/> is known (a recorded log may not carry reason codes at all).</summary>
        public bool ReasonKnown { get; }

        /// <summary>Gets the policy entry that decided, when known.</summary>
        public string? MatchedPattern { get; }

        /// <summary>Gets the fields a rule needed that the record lacks or redacts (non-empty only when <see cref="Outcome"/> is Unknown).</summary>
        public IReadOnlyList<string> UnknownFields { get; }

        /// <summary>Takes the facts of a decision the engine made.</summary>
        /// <param name="decision">The decision.</param>
        /// <returns>The compared facts.</returns>
        public static ComparedDecision FromDecision(PolicyDecision decision)
        {
            Require.NotNull(decision, nameof(decision));

            return new ComparedDecision(decision.Outcome, decision.Guard, decision.Severity, decision.Message, decision.Reason, true, decision.MatchedPattern, NoFields)
            {
                StateDependent = decision.IsStateDependent,
            };
        }

        /// <summary>Takes the facts of a recorded decision; null means "not recorded" and is never compared.</summary>
        /// <param name="outcome">The enforced outcome.</param>
        /// <param name="guard">The guard, or null.</param>
        /// <param name="severity">The canonical severity, or null.</param>
        /// <param name="message">The message, or null.</param>
        /// <param name="reason">The reason code, or null.</param>
        /// <param name="reasonKnown">Whether the record carries reason codes (a null reason then means "none").</param>
        /// <returns>The compared facts.</returns>
        public static ComparedDecision Recorded(DecisionOutcome outcome, string? guard, string? severity, string? message, string? reason, bool reasonKnown) =>
            new ComparedDecision(outcome, guard, severity, message, reason, reasonKnown, null, NoFields);

        /// <summary>An unknown decision naming the fields that were missing or redacted.</summary>
        /// <param name="unknownFields">The fields, e.g. <c>data.content</c>.</param>
        /// <param name="message">Why, e.g. <c>missing field data.content</c>.</param>
        /// <returns>The compared facts.</returns>
        public static ComparedDecision Unknown(IReadOnlyList<string> unknownFields, string message) =>
            new ComparedDecision(DecisionOutcome.Unknown, null, null, message, null, false, null, unknownFields ?? NoFields);

        /// <summary>Formats as <c>blocked [guard] message</c>.</summary>
        /// <returns>One line.</returns>
        public override string ToString() =>
            PolicyDecision.OutcomeWord(Outcome) + (Guard != null ? " [" + Guard + "]" : string.Empty) + (Message != null ? " " + Message : string.Empty);
    }
}
