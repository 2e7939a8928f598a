using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using PolicySim.Replay;

namespace PolicySim.Reports
{
    /// <summary>
    /// The Markdown report: a pull-request comment a reviewer reads in 30 seconds. Title with the policies, totals,
    /// the gate, a table of flip kinds (count and share of events), the top groups (widening first) with old and new
    /// decision and the responsible rule, then recommendations. Deterministic: no times but those of events.
    /// </summary>
    internal static class MarkdownReport
    {
        public static void Write(ReplayReportData data, TextWriter output)
        {
            ReplaySummary s = data.Summary;
            var sb = new StringBuilder();
            void Line(string text) => sb.Append(text).Append('\n');

            Line("## PolicySim " + data.Command + ": " + PolicyLabel(data.Baseline?.Name, data.BaselineName) + " → " + PolicyLabel(data.Candidate?.Name, data.CandidatePolicy));
            Line(string.Empty);
            Line(ReportText.Invariant($"**{s.Total}** events · **{s.Changed}** changed ({ReportText.Percent(s.Changed, s.Total)}) · **{s.Widening}** widening · **{s.Breaking}** breaking · {s.Unknown} unknown · {s.Errors} errors"));
            Line(string.Empty);
            GateResult gate = data.EvaluateGate();
            Line(gate.Passed
                ? "**Gate: passed** (" + Text(data.EffectiveGate.ToString()) + ")"
                : "**Gate: failed** (" + Text(data.EffectiveGate.ToString()) + "): " + Text(string.Join("; ", gate.Reasons)));
            Line(string.Empty);

            Line("| Flip | Class | Events | % of events |");
            Line("|---|---|---:|---:|");
            foreach (FlipKind kind in ReportText.KindOrder)
            {
                long n = s.Count(kind);
                if (kind == FlipKind.None || n > 0)
                {
                    string name = kind == FlipKind.None ? "None (unchanged)" : kind.ToString();
                    string cls = kind == FlipKind.None ? "—" : FlipClassifier.ClassOf(kind).ToString();
                    if (FlipClassifier.ClassOf(kind) == FlipClass.Widening)
                    {
                        name = "**" + name + "**";
                    }

                    Line(ReportText.Invariant($"| {name} | {cls} | {n} | {ReportText.Percent(n, s.Total)} |"));
                }
            }

            IReadOnlyList<FlipGroup> groups = s.Groups;
            if (groups.Count > 0)
            {
                int shown = Math.Min(Math.Max(0, data.TopGroups), groups.Count);
                Line(string.Empty);
                Line(ReportText.Invariant($"### Top groups ({shown} of {groups.Count}, widening first)"));
                Line(string.Empty);
                Line("| # | Flip | Events | Event type | Target | Old → new | Rule | Examples |");
                Line("|---:|---|---:|---|---|---|---|---|");
                for (int i = 0; i < shown; i++)
                {
                    FlipGroup g = groups[i];
                    RuleAttribution? rule = RuleAttribution.Find(g, data);
                    string kind = g.Class == FlipClass.Widening ? "**" + g.Kind + "**" : g.Kind.ToString();
                    if (data.EffectiveGate.IsGated(g.Kind))
                    {
                        kind += " (gated)";
                    }

                    string ruleCell = rule == null ? "—" : Code(rule.Rule.Id) + " " + rule.Change + (rule.File != null ? " at " + Code(rule.File + ":" + rule.Line.ToString(CultureInfo.InvariantCulture)) : string.Empty);
                    Line(ReportText.Invariant($"| {i + 1} | {kind} | {g.Count} | {Code(g.EventType)} | {Code(g.TargetPattern)} | {Code(g.BaselineDecision)} → {Code(g.CandidateDecision)} | {ruleCell} | {Code(string.Join(", ", g.SampleEventIds))} |"));
                }

                if (groups.Count > shown)
                {
                    Line(string.Empty);
                    Line(ReportText.Invariant($"{groups.Count - shown} more groups are in the JSON report (`--format json`)."));
                }
            }

            Line(string.Empty);
            Line("### Recommendations");
            Line(string.Empty);
            foreach (string r in ReportText.Recommendations(data))
            {
                Line("- " + Text(r));
            }

            if (s.SampledOut > 0 || s.FilteredOut > 0)
            {
                Line(string.Empty);
                Line(ReportText.Invariant($"_Not compared: {s.SampledOut} sampled out, {s.FilteredOut} filtered out._"));
            }

            output.Write(sb.ToString());
        }

        private static string PolicyLabel(string? name, string reference) =>
            string.IsNullOrEmpty(name) ? Code(reference) : Text(name!) + " (" + Code(reference) + ")";

        /// <summary>An inline code span safe inside a table cell: pipes escaped, line breaks flattened, backticks fenced.</summary>
        internal static string Code(string? text)
        {
            string t = (text ?? string.Empty).Replace("\r", " ").Replace("\n", " ").Replace("|", "\\|");
            if (t.Length == 0)
            {
                return "` `";
            }

            string fence = "`";
            while (t.Contains(fence))
            {
                fence += "`";
            }

            bool pad = t[0] == '`' || t[t.Length - 1] == '`' || t[0] == ' ';
            return pad ? fence + " " + t + " " + fence : fence + t + fence;
        }

        /// <summary>Plain text with Markdown and HTML specials escaped and line breaks flattened.</summary>
        internal static string Text(string? text)
        {
            var sb = new StringBuilder();
            foreach (char c in text ?? string.Empty)
            {
                switch (c)
                {
                    case '\r':
                    case '\n':
                        sb.Append(' ');
                        break;
                    case '\\':
                    case '`':
                    case '*':
                    case '_':
                    case '[':
                    case ']':
                    case '|':
                    case '#':
                    case '~':
                        sb.Append('\\').Append(c);
                        break;
                    case '<':
                        sb.Append("&lt;");
                        break;
                    case '>':
                        sb.Append("&gt;");
                        break;
                    case '&':
                        sb.Append("&amp;");
                        break;
                    default:
                        sb.Append(c);
                        break;
                }
            }

            return sb.ToString();
        }
    }
}
