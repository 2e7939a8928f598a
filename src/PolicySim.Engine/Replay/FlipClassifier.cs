using System;
using PolicySim.Evaluation;

namespace PolicySim.Replay
{
    /// <summary>
    /// Classifies the difference between a baseline and a candidate decision (design §5).
    /// </summary>
    /// <remarks>
    /// In order: a candidate <c>Unknown</c> ⇒ <see cref="FlipKind.ToUnknown"/> (whatever the baseline); a baseline
    /// <c>Unknown</c> ⇒ <see cref="FlipKind.FromUnknown"/>; different outcomes ⇒ one of the six outcome kinds.
    /// With the same outcome the result is <see cref="FlipKind.ReasonChanged"/> when
    /// (1) the reason codes differ (compared only when both sides know their reason code),
    /// (2) for blocks and warnings, the guards differ (ordinal; compared only when both sides name one), or
    /// (3) for blocks and warnings, the messages differ (ordinal; compared only when both sides have one).
    /// Severity alone never makes a flip; plain allows compare only their reason codes (their guard and message
    /// are not meaningful). Otherwise <see cref="FlipKind.None"/>.
    /// </remarks>
    public static class FlipClassifier
    {
        /// <summary>Classifies a pair of decisions.</summary>
        /// <param name="baseline">The baseline (recorded, or decided by the reference policy).</param>
        /// <param name="candidate">The candidate.</param>
        /// <returns>The flip kind.</returns>
        public static FlipKind Classify(ComparedDecision baseline, ComparedDecision candidate)
        {
            Require.NotNull(baseline, nameof(baseline));

            Require.NotNull(candidate, nameof(candidate));

            if (candidate.Outcome == DecisionOutcome.Unknown)
            {
                return FlipKind.ToUnknown;
            }

            if (baseline.Outcome == DecisionOutcome.Unknown)
            {
                return FlipKind.FromUnknown;
            }

            FlipKind byOutcome = Classify(baseline.Outcome, candidate.Outcome);
            bool stateful = baseline.StateDependent || candidate.StateDependent;
            if (byOutcome != FlipKind.None)
            {
                // Decided by session posture state on either side: depends on replay order, so it is reported apart.
                return stateful ? FlipKind.StateDependent : byOutcome;
            }

            if (baseline.ReasonKnown && candidate.ReasonKnown && !string.Equals(baseline.Reason, candidate.Reason, StringComparison.Ordinal))
            {
                return FlipKind.ReasonChanged;
            }

            if (baseline.Outcome == DecisionOutcome.Allowed)
            {
                return FlipKind.None;
            }

            if (Differs(baseline.Guard, candidate.Guard) || Differs(baseline.Message, candidate.Message))
            {
                return stateful ? FlipKind.StateDependent : FlipKind.ReasonChanged;
            }

            return FlipKind.None;
        }

        /// <summary>The flip kind of an outcome change (<see cref="FlipKind.None"/> when equal).</summary>
        /// <param name="baseline">The baseline outcome.</param>
        /// <param name="candidate">The candidate outcome.</param>
        /// <returns>The kind.</returns>
        public static FlipKind Classify(DecisionOutcome baseline, DecisionOutcome candidate)
        {
            if (candidate == DecisionOutcome.Unknown)
            {
                return FlipKind.ToUnknown;
            }

            if (baseline == DecisionOutcome.Unknown)
            {
                return FlipKind.FromUnknown;
            }

            return (baseline, candidate) switch
            {
                (DecisionOutcome.Allowed, DecisionOutcome.Denied) => FlipKind.AllowToDeny,
                (DecisionOutcome.Allowed, DecisionOutcome.Warned) => FlipKind.AllowToWarn,
                (DecisionOutcome.Warned, DecisionOutcome.Denied) => FlipKind.WarnToDeny,
                (DecisionOutcome.Warned, DecisionOutcome.Allowed) => FlipKind.WarnToAllow,
                (DecisionOutcome.Denied, DecisionOutcome.Allowed) => FlipKind.DenyToAllow,
                (DecisionOutcome.Denied, DecisionOutcome.Warned) => FlipKind.DenyToWarn,
                _ => FlipKind.None,
            };
        }

        /// <summary>The class of a flip kind.</summary>
        /// <param name="kind">The kind.</param>
        /// <returns><see cref="FlipClass.Breaking"/>, <see cref="FlipClass.Widening"/>, <see cref="FlipClass.Other"/> or <see cref="FlipClass.None"/>.</returns>
        public static FlipClass ClassOf(FlipKind kind) => kind switch
        {
            FlipKind.None => FlipClass.None,
            FlipKind.AllowToDeny or FlipKind.WarnToDeny or FlipKind.AllowToWarn => FlipClass.Breaking,
            FlipKind.DenyToAllow or FlipKind.DenyToWarn or FlipKind.WarnToAllow => FlipClass.Widening,
            _ => FlipClass.Other,
        };

        /// <summary>Whether the kind is one of the six outcome changes.</summary>
        /// <param name="kind">The kind.</param>
        /// <returns>True for breaking and widening kinds.</returns>
        public static bool IsOutcomeChange(FlipKind kind)
        {
            FlipClass c = ClassOf(kind);
            return c == FlipClass.Breaking || c == FlipClass.Widening;
        }

        private static bool Differs(string? a, string? b) => a != null && b != null && !string.Equals(a, b, StringComparison.Ordinal);
    }
}
