using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PolicySim.Replay;

namespace PolicySim.Reports
{
    /// <summary>The outcome of a test case in the JUnit and NUnit reports.</summary>
    internal enum ReportCaseStatus
    {
        Passed,
        Failed,
        Error,
    }

    /// <summary>
    /// One test case of the JUnit and NUnit reports: a flip group (failed when its kind is gated), the gate's
    /// thresholds (when set), unreadable records (an error), or <c>no changes</c>.
    /// </summary>
    internal sealed class ReportCase
    {
        private ReportCase(string name, string className, ReportCaseStatus status, string message, string type, string details)
        {
            Name = name;
            ClassName = className;
            Status = status;
            Message = message;
            Type = type;
            Details = details;
        }

        public string Name { get; }

        public string ClassName { get; }

        public ReportCaseStatus Status { get; }

        public string Message { get; }

        public string Type { get; }

        public string Details { get; }

        /// <summary>Gets the text for standard output: the details of a passing case (failures carry them in the failure).</summary>
        public string Output => Status == ReportCaseStatus.Passed ? Details : string.Empty;

        public static List<ReportCase> From(ReplayReportData data)
        {
            var cases = new List<ReportCase>();
            PolicyGate gate = data.EffectiveGate;
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (FlipGroup g in data.Summary.Groups)
            {
                RuleAttribution? rule = RuleAttribution.Find(g, data);
                string name = ReportText.GroupTitle(g);
                string unique = name;
                for (int i = 2; !names.Add(unique); i++)
                {
                    unique = name + " [" + (g.BaselineGuard ?? "-") + " -> " + (g.CandidateGuard ?? "-") + (i > 2 ? " #" + i.ToString(CultureInfo.InvariantCulture) : string.Empty) + "]";
                }

                var details = new StringBuilder();
                details.Append("Flip: ").Append(g.Kind).Append(" (").Append(g.Class).Append(": ").Append(ReportText.Describe(g.Kind)).Append(")\n");
                details.Append("Events: ").Append(g.Count.ToString(CultureInfo.InvariantCulture)).Append(" (").Append(ReportText.Percent(g.Count, data.Summary.Total)).Append(" of events)\n");
                details.Append("Event type: ").Append(g.EventType).Append('\n');
                details.Append("Target: ").Append(g.TargetPattern).Append('\n');
                details.Append("Old: ").Append(g.BaselineDecision).Append('\n');
                details.Append("New: ").Append(g.CandidateDecision).Append('\n');
                if (rule != null)
                {
                    details.Append("Rule: ").Append(rule).Append('\n');
                }

                details.Append("First seen: ").Append(ReportText.Time(g.FirstSeen)).Append(", last seen: ").Append(ReportText.Time(g.LastSeen)).Append('\n');
                details.Append("Examples: ").Append(string.Join(", ", g.SampleEventIds)).Append('\n');
                bool gated = gate.IsGated(g.Kind);
                cases.Add(new ReportCase(unique, "PolicySim." + g.Class, gated ? ReportCaseStatus.Failed : ReportCaseStatus.Passed, ReportText.GroupMessage(g, rule), g.Kind.ToString(), details.ToString()));
            }

            if (gate.HasThresholds)
            {
                GateResult thresholds = new PolicyGate(null, gate.MaxChanges, gate.MaxChangeRate).Evaluate(data.Summary);
                string text = new PolicyGate(null, gate.MaxChanges, gate.MaxChangeRate).ToString();
                string details = thresholds.Passed ? "Within " + text + "." : string.Join("\n", thresholds.Reasons) + "\n";
                cases.Add(new ReportCase("gate: " + text, "PolicySim.Gate", thresholds.Passed ? ReportCaseStatus.Passed : ReportCaseStatus.Failed, thresholds.ToString(), "Threshold", details));
            }

            if (data.Summary.Errors > 0)
            {
                var details = new StringBuilder();
                foreach (ReplayError e in data.Errors)
                {
                    details.Append(e).Append('\n');
                }

                string message = ReportText.Plural(data.Summary.Errors, "record", "records") + " could not be replayed";
                cases.Add(new ReportCase("input records", "PolicySim.Input", ReportCaseStatus.Error, message, "InvalidInput", details.Length > 0 ? details.ToString() : message));
            }

            if (data.Summary.GroupCount == 0)
            {
                cases.Add(new ReportCase("no changes", "PolicySim", ReportCaseStatus.Passed, "No changes", "None", ReportText.Plural(data.Summary.Total, "event", "events") + " compared; every decision is unchanged."));
            }

            return cases;
        }

        /// <summary>The report's properties: policies, inputs, totals.</summary>
        public static IEnumerable<KeyValuePair<string, string>> Properties(ReplayReportData data)
        {
            ReplaySummary s = data.Summary;
            yield return new KeyValuePair<string, string>("command", data.Command);
            yield return new KeyValuePair<string, string>("candidate_policy", data.CandidatePolicy);
            yield return new KeyValuePair<string, string>("baseline", data.BaselineName);
            yield return new KeyValuePair<string, string>("inputs", string.Join(", ", data.Inputs));
            yield return new KeyValuePair<string, string>("total", s.Total.ToString(CultureInfo.InvariantCulture));
            yield return new KeyValuePair<string, string>("changed", s.Changed.ToString(CultureInfo.InvariantCulture));
            yield return new KeyValuePair<string, string>("widening", s.Widening.ToString(CultureInfo.InvariantCulture));
            yield return new KeyValuePair<string, string>("breaking", s.Breaking.ToString(CultureInfo.InvariantCulture));
            yield return new KeyValuePair<string, string>("unknown", s.Unknown.ToString(CultureInfo.InvariantCulture));
            yield return new KeyValuePair<string, string>("errors", s.Errors.ToString(CultureInfo.InvariantCulture));
            yield return new KeyValuePair<string, string>("gate", data.EffectiveGate.ToString());
        }
    }
}
