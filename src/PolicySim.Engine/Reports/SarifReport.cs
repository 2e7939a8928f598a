using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using PolicySim.Replay;
using PolicySim.Serialization;

namespace PolicySim.Reports
{
    /// <summary>
    /// The SARIF 2.1.0 report: <c>tool.driver</c> PolicySim with one rule per flip kind; one result per gated group
    /// (level <c>error</c>) and per widening group that is not gated (level <c>warning</c>), located at the policy
    /// file and line of the responsible rule when known (<see cref="RuleAttribution"/>). Other groups are left out.
    /// </summary>
    internal static class SarifReport
    {
        public const string Version = "2.1.0";

        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

        public static void Write(ReplayReportData data, TextWriter output)
        {
            PolicyGate gate = data.EffectiveGate;
            var kinds = new List<FlipKind>();
            for (var k = FlipKind.AllowToDeny; k <= FlipKind.StateDependent; k++)
            {
                kinds.Add(k);
            }

            var w = new SerdeJsonWriter(pretty: true);
            w.WriteStartObject();
            w.WriteString("$schema", SchemaUri);
            w.WriteString("version", Version);
            w.WritePropertyName("runs");
            w.WriteStartArray();
            w.WriteStartObject();
            w.WritePropertyName("tool");
            w.WriteStartObject();
            w.WritePropertyName("driver");
            w.WriteStartObject();
            w.WriteString("name", "PolicySim");
            w.WriteString("version", typeof(SarifReport).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            w.WritePropertyName("rules");
            w.WriteStartArray();
            foreach (FlipKind k in kinds)
            {
                FlipClass cls = FlipClassifier.ClassOf(k);
                w.WriteStartObject();
                w.WriteString("id", k.ToString());
                w.WriteString("name", k.ToString());
                Text(w, "shortDescription", k + ": " + ReportText.Describe(k));
                Text(w, "fullDescription", "Decisions that flip " + k + " (" + cls + "): " + ReportText.Describe(k) + ".");
                w.WritePropertyName("defaultConfiguration");
                w.WriteStartObject();
                w.WriteString("level", gate.IsGated(k) ? "error" : cls == FlipClass.Widening ? "warning" : "note");
                w.WriteEndObject();
                w.WritePropertyName("properties");
                w.WriteStartObject();
                w.WriteString("class", cls.ToString());
                w.WritePropertyName("tags");
                w.WriteStartArray();
                w.WriteString("policy");
                w.WriteString(cls.ToString().ToLowerInvariant());
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();

            w.WritePropertyName("results");
            w.WriteStartArray();
            foreach (FlipGroup g in data.Summary.Groups)
            {
                bool gated = gate.IsGated(g.Kind);
                if (!gated && g.Class != FlipClass.Widening)
                {
                    continue;
                }

                RuleAttribution? rule = RuleAttribution.Find(g, data);
                w.WriteStartObject();
                w.WriteString("ruleId", g.Kind.ToString());
                w.WriteInteger("ruleIndex", kinds.IndexOf(g.Kind));
                w.WriteString("level", gated ? "error" : "warning");
                Text(w, "message", ReportText.GroupMessage(g, rule));
                if (rule != null)
                {
                    w.WritePropertyName("locations");
                    w.WriteStartArray();
                    w.WriteStartObject();
                    if (rule.File != null)
                    {
                        w.WritePropertyName("physicalLocation");
                        w.WriteStartObject();
                        w.WritePropertyName("artifactLocation");
                        w.WriteStartObject();
                        w.WriteString("uri", UriOf(rule.File));
                        w.WriteEndObject();
                        w.WritePropertyName("region");
                        w.WriteStartObject();
                        w.WriteInteger("startLine", rule.Line);
                        if (rule.Rule.Location != null && rule.Rule.Location.Column > 0)
                        {
                            w.WriteInteger("startColumn", rule.Rule.Location.Column);
                        }

                        w.WriteEndObject();
                        w.WriteEndObject();
                    }

                    w.WritePropertyName("logicalLocations");
                    w.WriteStartArray();
                    w.WriteStartObject();
                    w.WriteString("name", rule.Rule.Id);
                    w.WriteString("kind", "policyRule");
                    w.WriteEndObject();
                    w.WriteEndArray();
                    w.WriteEndObject();
                    w.WriteEndArray();
                }

                w.WritePropertyName("partialFingerprints");
                w.WriteStartObject();
                w.WriteString("policysimGroup/v1", g.Kind + "|" + g.EventType + "|" + g.TargetPattern + "|" + (g.BaselineGuard ?? string.Empty) + "|" + (g.CandidateGuard ?? string.Empty));
                w.WriteEndObject();
                w.WritePropertyName("properties");
                w.WriteStartObject();
                w.WriteString("class", g.Class.ToString());
                w.WriteInteger("count", g.Count);
                w.WriteString("event_type", g.EventType);
                w.WriteString("target", g.TargetPattern);
                w.WriteString("baseline", g.BaselineDecision);
                w.WriteString("candidate", g.CandidateDecision);
                w.WriteString("first_seen", ReportText.Time(g.FirstSeen));
                w.WriteString("last_seen", ReportText.Time(g.LastSeen));
                w.WritePropertyName("sample_event_ids");
                w.WriteStartArray();
                foreach (string id in g.SampleEventIds)
                {
                    w.WriteString(id);
                }

                w.WriteEndArray();
                if (rule != null)
                {
                    w.WriteString("rule_change", rule.Change);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WritePropertyName("properties");
            w.WriteStartObject();
            w.WriteString("command", data.Command);
            w.WriteString("candidate_policy", data.CandidatePolicy);
            w.WriteString("baseline", data.BaselineName);
            w.WriteInteger("total", data.Summary.Total);
            w.WriteInteger("changed", data.Summary.Changed);
            w.WriteInteger("widening", data.Summary.Widening);
            w.WriteInteger("breaking", data.Summary.Breaking);
            w.WriteInteger("unknown", data.Summary.Unknown);
            w.WriteInteger("errors", data.Summary.Errors);
            GateResult verdict = data.EvaluateGate();
            w.WriteBool("gate_passed", verdict.Passed);
            w.WritePropertyName("gate_reasons");
            w.WriteStartArray();
            foreach (string reason in verdict.Reasons)
            {
                w.WriteString(reason);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            output.Write(w.ToString());
            output.Write('\n');
        }

        /// <summary>A URI reference for a file: relative paths percent-encoded per segment; absolute paths as <c>file://</c> URIs.</summary>
        internal static string UriOf(string path)
        {
            string p = path.Replace('\\', '/');
            bool drive = p.Length >= 2 && p[1] == ':' && char.IsLetter(p[0]);
            var sb = new StringBuilder();
            if (drive)
            {
                sb.Append("file:///").Append(p, 0, 2);
                p = p.Substring(2);
            }
            else if (p.Length > 0 && p[0] == '/')
            {
                sb.Append("file://");
            }

            string[] segments = p.Split('/');
            for (int i = 0; i < segments.Length; i++)
            {
                if (i > 0)
                {
                    sb.Append('/');
                }

                sb.Append(Uri.EscapeDataString(segments[i]));
            }

            return sb.ToString();
        }

        private static void Text(SerdeJsonWriter w, string name, string text)
        {
            w.WritePropertyName(name);
            w.WriteStartObject();
            w.WriteString("text", text);
            w.WriteEndObject();
        }
    }
}
