using System;
using PolicySim.Evaluation.Posture;
using PolicySim.Events;
using PolicySim.Policies;

namespace PolicySim.Evaluation
{
    /// <summary>Decides events under a policy: map the event to its action, evaluate, classify the outcome.</summary>
    public static class PolicyDecider
    {
        /// <summary>Decides one event.</summary>
        /// <param name="policy">The compiled policy.</param>
        /// <param name="policyEvent">The event.</param>
        /// <returns>The decision.</returns>
        /// <exception cref="PolicyEventMappingException">The event cannot be mapped to an action (spec §2.3).</exception>
        public static PolicyDecision Decide(PolicyDefinition policy, PolicyEvent policyEvent) => Decide(policy, policyEvent, null);

        /// <summary>Decides one event, threading posture state through <paramref name="posture"/> when given.</summary>
        /// <param name="policy">The compiled policy.</param>
        /// <param name="policyEvent">The event.</param>
        /// <param name="posture">The session-state tracker of this run (for a policy with posture), or null for stateless decisions.</param>
        /// <returns>The decision.</returns>
        /// <exception cref="PolicyEventMappingException">The event cannot be mapped to an action (spec §2.3).</exception>
        public static PolicyDecision Decide(PolicyDefinition policy, PolicyEvent policyEvent, PostureTracker? posture)
        {
            if (policy is null)
            {
                throw new ArgumentNullException(nameof(policy));
            }

            if (policyEvent is null)
            {
                throw new ArgumentNullException(nameof(policyEvent));
            }

            MappedEvent mapped = policyEvent.Mapped();
            if (posture == null)
            {
                EvaluationReport report = policy.Evaluate(mapped.Action);
                return new PolicyDecision(policyEvent, PolicyDecision.OutcomeOf(report), report, mapped.Reason, policy.ToString());
            }

            var (postureReport, state) = posture.Evaluate(mapped.Action, policyEvent.SessionId, policyEvent.Timestamp, policy.Evaluate);
            return new PolicyDecision(policyEvent, PolicyDecision.OutcomeOf(postureReport), postureReport, mapped.Reason, policy.ToString(), state);
        }

        /// <summary>Parses one PolicyEvent JSON document.</summary>
        /// <param name="json">The JSON text.</param>
        /// <returns>The event.</returns>
        /// <exception cref="PolicyEventFormatException">The JSON is not a valid PolicyEvent.</exception>
        public static PolicyEvent ParseEvent(string json) => PolicyEventParser.Parse(json);
    }
}
