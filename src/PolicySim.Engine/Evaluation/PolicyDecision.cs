using System;
using PolicySim.Evaluation.Posture;
using PolicySim.Events;

namespace PolicySim.Evaluation
{
    /// <summary>
    /// The decision a policy makes for one event: flat and scalar-first, so it filters, groups, sorts and exports
    /// without tricks; the per-guard results are one property away (<see cref="Report"/>).
    /// </summary>
    public sealed class PolicyDecision
    {
        /// <summary>Creates a decision.</summary>
        /// <param name="policyEvent">The event decided.</param>
        /// <param name="outcome">The outcome.</param>
        /// <param name="report">The overall and per-guard results.</param>
        /// <param name="reason">The decision reason code (e.g. <c>missing_content_bytes</c>), or null.</param>
        /// <param name="policyName">The deciding policy's display name.</param>
        /// <param name="posture">The posture state after the event, when posture was tracked.</param>
        public PolicyDecision(PolicyEvent policyEvent, DecisionOutcome outcome, EvaluationReport report, string? reason, string policyName, PostureResult? posture = null)
        {
            Posture = posture;
            Event = policyEvent ?? throw new ArgumentNullException(nameof(policyEvent));
            Outcome = outcome;
            Report = report ?? throw new ArgumentNullException(nameof(report));
            Reason = reason;
            PolicyName = policyName;
        }

        /// <summary>Gets the event id.</summary>
        public string EventId => Event.EventId;

        /// <summary>Gets the event type, e.g. <c>file_read</c>.</summary>
        public string EventType => Event.EventType;

        /// <summary>Gets the event time.</summary>
        public DateTimeOffset Timestamp => Event.Timestamp;

        /// <summary>Gets the outcome.</summary>
        public DecisionOutcome Outcome { get; }

        /// <summary>Gets whether the action is allowed (warnings are allowed).</summary>
        public bool Allowed => Outcome == DecisionOutcome.Allowed || Outcome == DecisionOutcome.Warned;

        /// <summary>
        /// Gets the deciding guard as the reference decision reports it: null for a plain allow (spec §5.2).
        /// </summary>
        public string? Guard => IsPlainAllow ? null : Report.Overall.Guard;

        /// <summary>Gets the canonical severity <c>low|medium|high|critical</c>, or null for a plain allow.</summary>
        public string? Severity => IsPlainAllow ? null : CanonicalSeverity(Report.Overall.Severity);

        /// <summary>Gets the message (<c>Allowed</c> for plain allows).</summary>
        public string Message => Report.Overall.Message;

        /// <summary>Gets the decision reason code, e.g. <c>missing_content_bytes</c>, or null.</summary>
        public string? Reason { get; }

        /// <summary>Gets the policy pattern or list entry that decided, when one did.</summary>
        public string? MatchedPattern => Report.Overall.MatchedPattern;

        /// <summary>Gets what the event acts on: the path, host, tool or custom kind.</summary>
        public string Target => Event.Target;

        /// <summary>Gets the posture state after this event when posture was tracked, else null.</summary>
        public PostureResult? Posture { get; }

        /// <summary>Gets whether session posture state (not the guards) decided this event.</summary>
        public bool IsStateDependent => Posture?.DecidedByPosture == true;

        /// <summary>Gets the deciding policy's display name.</summary>
        public string PolicyName { get; }

        /// <summary>Gets the overall and per-guard results.</summary>
        public EvaluationReport Report { get; }

        /// <summary>Gets the event.</summary>
        public PolicyEvent Event { get; }

        /// <summary>Gets the Clawdstrike outcome word: <c>allowed</c>, <c>warn</c>, <c>blocked</c> (or <c>unknown</c>).</summary>
        public string OutcomeName => OutcomeWord(Outcome);

        private bool IsPlainAllow => Report.Overall.Allowed && Report.Overall.Severity == GuardSeverity.Info;

        /// <summary>The ADR 0003 canonical severity: info→low, warning→medium, error→high, critical→critical.</summary>
        /// <param name="severity">The severity.</param>
        /// <returns>The canonical word.</returns>
        public static string CanonicalSeverity(GuardSeverity severity) => severity switch
        {
            GuardSeverity.Info => "low",
            GuardSeverity.Warning => "medium",
            GuardSeverity.Error => "high",
            _ => "critical",
        };

        /// <summary>The Clawdstrike outcome word for an outcome.</summary>
        /// <param name="outcome">The outcome.</param>
        /// <returns><c>allowed</c>, <c>warn</c>, <c>blocked</c> or <c>unknown</c>.</returns>
        public static string OutcomeWord(DecisionOutcome outcome) => outcome switch
        {
            DecisionOutcome.Allowed => "allowed",
            DecisionOutcome.Warned => "warn",
            DecisionOutcome.Denied => "blocked",
            _ => "unknown",
        };

        /// <summary>Outcome of a report (spec §0): blocked if not allowed; warn if severity Warning; else allowed.</summary>
        /// <param name="report">The report.</param>
        /// <returns>The outcome.</returns>
        public static DecisionOutcome OutcomeOf(EvaluationReport report) =>
            !report.Overall.Allowed ? DecisionOutcome.Denied
            : report.Overall.Severity == GuardSeverity.Warning ? DecisionOutcome.Warned
            : DecisionOutcome.Allowed;

        /// <summary>Formats as <c>BLOCKED e1 file_read /etc/shadow [forbidden_path] Access to forbidden path: ...</c>.</summary>
        /// <returns>One line.</returns>
        public override string ToString() =>
            OutcomeName.ToUpperInvariant() + " " + EventId + " " + EventType + " " + Target + (Guard != null ? " [" + Guard + "]" : string.Empty) + " " + Message;
    }
}
