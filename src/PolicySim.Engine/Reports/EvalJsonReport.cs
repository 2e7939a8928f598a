using PolicySim.Events;
using PolicySim.Evaluation;
using PolicySim.Policies;
using PolicySim.Serialization;

namespace PolicySim.Reports
{
    /// <summary>The reference CLI's <c>eval --json</c> output (spec §5.4).</summary>
    public static class EvalJsonReport
    {
        /// <summary>Formats a decided event.</summary>
        /// <param name="policyReference">The policy argument as given.</param>
        /// <param name="policy">The policy.</param>
        /// <param name="decision">The decision.</param>
        /// <param name="exitCode">The exit code.</param>
        /// <returns>Pretty JSON (no trailing newline).</returns>
        public static string Format(string policyReference, PolicyDefinition policy, PolicyDecision decision, int exitCode)
        {
            var w = Envelope(policyReference, policy, decision.Event);
            w.WriteString("outcome", decision.OutcomeName);
            w.WriteInteger("exit_code", exitCode);
            w.WritePropertyName("decision");
            ClawdstrikeJson.WriteDecision(w, decision);
            w.WritePropertyName("report");
            ClawdstrikeJson.WriteReport(w, decision.Report);
            w.WriteEndObject();
            return w.ToString();
        }

        /// <summary>Formats a failure (policy, read, parse or mapping error).</summary>
        /// <param name="policyReference">The policy argument as given.</param>
        /// <param name="policy">The policy, or null when it failed to load.</param>
        /// <param name="policyEvent">The event, when it parsed.</param>
        /// <param name="exitCode">The exit code (3 or 4).</param>
        /// <param name="message">The error message.</param>
        /// <param name="errorKind"><c>config_error</c> or <c>runtime_error</c>.</param>
        /// <returns>Pretty JSON (no trailing newline).</returns>
        public static string FormatError(string policyReference, PolicyDefinition? policy, PolicyEvent? policyEvent, int exitCode, string message, string errorKind)
        {
            var w = Envelope(policyReference, policy, policyEvent);
            w.WriteString("outcome", "error");
            w.WriteInteger("exit_code", exitCode);
            w.WritePropertyName("decision");
            w.WriteStartObject();
            w.WriteBool("allowed", false);
            w.WriteBool("denied", false);
            w.WriteBool("warn", false);
            w.WriteNull("guard");
            w.WriteNull("severity");
            w.WriteNull("message");
            w.WriteNull("reason");
            w.WriteEndObject();
            w.WritePropertyName("report");
            w.WriteStartObject();
            w.WritePropertyName("overall");
            w.WriteStartObject();
            w.WriteBool("allowed", false);
            w.WriteString("guard", "engine");
            w.WriteString("severity", "error");
            w.WriteString("message", message);
            w.WriteEndObject();
            w.WritePropertyName("per_guard");
            w.WriteStartArray();
            w.WriteEndArray();
            w.WriteEndObject();
            ClawdstrikeJson.WriteError(w, errorKind, message);
            w.WriteEndObject();
            return w.ToString();
        }

        private static SerdeJsonWriter Envelope(string policyReference, PolicyDefinition? policy, PolicyEvent? policyEvent)
        {
            var w = new SerdeJsonWriter(pretty: true);
            w.WriteStartObject();
            w.WriteInteger("version", 1);
            w.WriteString("command", "policy_eval");
            w.WritePropertyName("policy");
            ClawdstrikeJson.WritePolicySource(w, policy, policyReference);
            if (policyEvent != null)
            {
                w.WritePropertyName("event");
                PolicyEventMapper.WriteNormalizedEvent(w, policyEvent);
            }

            return w;
        }
    }
}
