using System.Collections;
using System.Collections.Generic;
using PolicySim.Evaluation;
using PolicySim.Evaluation.Posture;
using PolicySim.Policies;
using PolicySim.Serialization;

namespace PolicySim.Reports
{
    /// <summary>Writes decisions, reports and policy sources in the reference CLI's JSON shapes (spec §5.2).</summary>
    internal static class ClawdstrikeJson
    {
        private const string BuiltInPrefix = "clawdstrike:";

        /// <summary>Writes <c>{kind: ruleset, name}</c> or <c>{kind: policy_file, path}</c> (spec §5.1), even when loading failed.</summary>
        public static void WritePolicySource(SerdeJsonWriter w, PolicyDefinition? policy, string reference)
        {
            w.WriteStartObject();
            bool ruleset = policy != null ? policy.SourceKind == PolicySourceKind.Ruleset : PolicyLoader.IsBuiltInRuleset(reference);
            if (ruleset)
            {
                w.WriteString("kind", "ruleset");
                w.WriteString("name", policy?.Reference ?? (reference.StartsWith(BuiltInPrefix, System.StringComparison.Ordinal) ? reference.Substring(BuiltInPrefix.Length) : reference));
            }
            else
            {
                w.WriteString("kind", "policy_file");
                w.WriteString("path", policy?.Reference ?? reference);
            }

            w.WriteEndObject();
        }

        public static void WriteError(SerdeJsonWriter w, string kind, string message)
        {
            w.WritePropertyName("error");
            w.WriteStartObject();
            w.WriteString("kind", kind);
            w.WriteString("message", message);
            w.WriteEndObject();
        }

        /// <summary>The canonical decision object (ADR 0003).</summary>
        public static void WriteDecision(SerdeJsonWriter w, PolicyDecision d)
        {
            GuardResult overall = d.Report.Overall;
            w.WriteStartObject();
            w.WriteBool("allowed", overall.Allowed);
            w.WriteBool("denied", !overall.Allowed);
            w.WriteBool("warn", overall.IsWarning);
            w.WriteString("guard", d.Guard);
            w.WriteString("severity", d.Severity);
            w.WriteString("message", overall.Message);
            w.WriteString("reason", d.Reason);
            w.WriteEndObject();
        }

        public static void WriteReport(SerdeJsonWriter w, EvaluationReport report)
        {
            w.WriteStartObject();
            w.WritePropertyName("overall");
            WriteGuardResult(w, report.Overall);
            w.WritePropertyName("per_guard");
            w.WriteStartArray();
            foreach (GuardResult r in report.PerGuard)
            {
                WriteGuardResult(w, r);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        public static void WriteGuardResult(SerdeJsonWriter w, GuardResult r)
        {
            w.WriteStartObject();
            w.WriteBool("allowed", r.Allowed);
            w.WriteString("guard", r.Guard);
            w.WriteString("severity", Details.SeverityName(r.Severity));
            w.WriteString("message", r.Message);
            if (r.Details != null)
            {
                w.WritePropertyName("details");
                WriteValue(w, r.Details);
            }

            w.WriteEndObject();
        }

        /// <summary>One simulate result entry: <c>{eventId, outcome, decision, report}</c>.</summary>
        public static void WriteResult(SerdeJsonWriter w, PolicyDecision d)
        {
            w.WriteStartObject();
            w.WriteString("eventId", d.EventId);
            w.WriteString("outcome", d.OutcomeName);
            w.WritePropertyName("decision");
            WriteDecision(w, d);
            w.WritePropertyName("report");
            WriteReport(w, d.Report);
            if (d.Posture != null)
            {
                w.WritePropertyName("posture");
                WritePosture(w, d.Posture);
            }

            w.WriteEndObject();
        }

        /// <summary><c>{state, budgets: {name: {used, limit}}, transition?: {from, to, trigger, at}}</c> (spec §5.3).</summary>
        public static void WritePosture(SerdeJsonWriter w, PostureResult posture)
        {
            w.WriteStartObject();
            w.WriteString("state", posture.State);
            w.WritePropertyName("budgets");
            w.WriteStartObject();
            foreach (PostureBudget b in posture.Budgets)
            {
                w.WritePropertyName(b.Name);
                w.WriteStartObject();
                w.WriteInteger("used", b.Used);
                w.WriteInteger("limit", b.Limit);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            if (posture.Transition != null)
            {
                w.WritePropertyName("transition");
                w.WriteStartObject();
                w.WriteString("from", posture.Transition.From);
                w.WriteString("to", posture.Transition.To);
                w.WriteString("trigger", posture.Transition.Trigger);
                w.WriteString("at", Events.PolicyEventMapper.FormatTimestamp(posture.Transition.At));
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        /// <summary>Writes a detail value; dictionaries print with their keys sorted, like serde_json::Value.</summary>
        public static void WriteValue(SerdeJsonWriter w, object? value) => ValueJson.Write(w, value);
    }
}
