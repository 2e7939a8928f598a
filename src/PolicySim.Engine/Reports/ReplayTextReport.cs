using System;
using System.Globalization;
using System.Text;
using PolicySim.Replay;

namespace PolicySim.Reports
{
    /// <summary>The plain-text replay/compare report: totals, a table by flip kind, then the top groups (widening first).</summary>
    public static class ReplayTextReport
    {
        /// <summary>Formats a summary.</summary>
        /// <param name="title">The first line, e.g. <c>Policy replay: candidate.yaml vs recorded decisions</c>.</param>
        /// <param name="summary">The summary.</param>
        /// <param name="topGroups">How many groups to list.</param>
        /// <returns>The text, lines ending in <c>\n</c>.</returns>
        public static string Format(string title, ReplaySummary summary, int topGroups = 10)
        {
            Require.NotNull(summary, nameof(summary));

            var sb = new StringBuilder();
            void Line(string format, params object?[] args) => sb.Append(string.Format(CultureInfo.InvariantCulture, format, args)).Append('\n');
            Line("{0}", title);
            Line("{0}", new string('=', Math.Max(20, title.Length)));
            Line("Events: {0}", summary.Total);
            Line("Changed: {0} (widening: {1}, breaking: {2})", summary.Changed, summary.Widening, summary.Breaking);
            Line("Unknown: {0}", summary.Unknown);
            Line("Errors: {0}", summary.Errors);
            if (summary.SampledOut > 0 || summary.FilteredOut > 0)
            {
                Line("Sampled out: {0}, filtered out: {1}", summary.SampledOut, summary.FilteredOut);
            }

            sb.Append('\n');
            Line("{0,-16} {1,-9} {2,10}", "Flip", "Class", "Count");
            Line("{0,-16} {1,-9} {2,10}", new string('-', 16), new string('-', 9), new string('-', 10));
            foreach (FlipKind kind in new[]
            {
                FlipKind.DenyToAllow, FlipKind.DenyToWarn, FlipKind.WarnToAllow,
                FlipKind.AllowToDeny, FlipKind.AllowToWarn, FlipKind.WarnToDeny,
                FlipKind.ReasonChanged, FlipKind.ToUnknown, FlipKind.FromUnknown, FlipKind.StateDependent, FlipKind.None,
            })
            {
                Line("{0,-16} {1,-9} {2,10}", kind, FlipClassifier.ClassOf(kind), summary.Count(kind));
            }

            var groups = summary.Groups;
            if (groups.Count > 0)
            {
                sb.Append('\n');
                Line("Top groups ({0} of {1}):", Math.Min(topGroups, groups.Count), groups.Count);
                for (int i = 0; i < groups.Count && i < topGroups; i++)
                {
                    FlipGroup g = groups[i];
                    Line("{0}. {1} x{2} {3} {4}", i + 1, g.Kind, g.Count, g.EventType, g.TargetPattern);
                    Line("   {0} -> {1}", g.BaselineDecision, g.CandidateDecision);
                    Line("   e.g. {0}", string.Join(", ", g.SampleEventIds));
                    foreach (string cause in g.Causes)
                    {
                        Line("   caused by: {0}", cause);
                    }
                }
            }

            return sb.ToString();
        }
    }
}
