using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text;
using PolicySim.Evaluation;
using PolicySim.Replay;

namespace PolicySim.Reports
{
    /// <summary>
    /// The HTML report: one self-contained page (inline CSS and inline SVG charts; no scripts, no external
    /// resources, no links) with totals, the gate, flips by kind, decisions by guard (from the
    /// <see cref="DecisionTally"/>; without one, flips by guard from the groups), flips over time (hourly, daily
    /// or monthly buckets; without a tally, each group counted at its first-seen time), the top groups and
    /// recommendations. Every text is HTML-encoded.
    /// </summary>
    internal static class HtmlReport
    {
        private const int ChartWidth = 720;
        private const int LabelWidth = 200;
        private const int RowHeight = 22;

        private static readonly string[] OutcomeColors = { "#2e7d32", "#ef8f00", "#c62828", "#757575" };

        public static void Write(ReplayReportData data, TextWriter output)
        {
            ReplaySummary s = data.Summary;
            var sb = new StringBuilder();
            sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            sb.Append("<title>").Append(E(data.Title)).Append("</title>\n");
            sb.Append("<style>\n")
                .Append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}\n")
                .Append("h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}\n")
                .Append("table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}\n")
                .Append("th{background:#f4f4f4}td.n{text-align:right}code{font-family:ui-monospace,Consolas,monospace;font-size:.95em;word-break:break-all}\n")
                .Append(".cards{display:flex;flex-wrap:wrap;gap:.8em}.card{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;min-width:7em}\n")
                .Append(".card b{display:block;font-size:1.6em}.widening{color:#c62828}.breaking{color:#ef8f00}\n")
                .Append(".gate{padding:.6em 1em;border-radius:6px}.pass{background:#e8f5e9}.fail{background:#ffebee}\n")
                .Append("svg text{font-size:12px;fill:#222}.legend span{display:inline-block;width:.9em;height:.9em;margin:0 .3em 0 1em;vertical-align:middle}\n")
                .Append("</style>\n</head>\n<body>\n");
            sb.Append("<h1>").Append(E(data.Title)).Append("</h1>\n");
            sb.Append("<p>Inputs: ").Append(E(string.Join(", ", data.Inputs))).Append("</p>\n");

            sb.Append("<div class=\"cards\">\n");
            Card(sb, "events", s.Total, null);
            Card(sb, "changed (" + ReportText.Percent(s.Changed, s.Total) + ")", s.Changed, null);
            Card(sb, "widening", s.Widening, "widening");
            Card(sb, "breaking", s.Breaking, "breaking");
            Card(sb, "unknown", s.Unknown, null);
            Card(sb, "errors", s.Errors, null);
            sb.Append("</div>\n");

            GateResult gate = data.EvaluateGate();
            sb.Append("<p class=\"gate ").Append(gate.Passed ? "pass" : "fail").Append("\"><strong>Gate ").Append(gate.Passed ? "passed" : "failed")
                .Append("</strong> (").Append(E(data.EffectiveGate.ToString())).Append(')');
            if (!gate.Passed)
            {
                sb.Append(": ").Append(E(string.Join("; ", gate.Reasons)));
            }

            sb.Append("</p>\n");

            sb.Append("<h2>Flips by kind</h2>\n");
            var kindBars = new List<Bar>();
            foreach (FlipKind k in ReportText.KindOrder)
            {
                if (k != FlipKind.None)
                {
                    kindBars.Add(new Bar(k.ToString(), s.Count(k), ColorOf(FlipClassifier.ClassOf(k))));
                }
            }

            HorizontalBars(sb, "Flips by kind", kindBars);

            if (data.Tally != null)
            {
                sb.Append("<h2>Decisions by guard (candidate)</h2>\n");
                sb.Append("<p class=\"legend\">");
                for (var o = DecisionOutcome.Allowed; o <= DecisionOutcome.Unknown; o++)
                {
                    sb.Append("<span style=\"background:").Append(OutcomeColors[(int)o]).Append("\"></span>").Append(E(o.ToString()));
                }

                sb.Append("</p>\n");
                StackedBars(sb, data.Tally);
            }
            else
            {
                sb.Append("<h2>Flips by guard</h2>\n");
                var byGuard = new SortedDictionary<string, long>(StringComparer.Ordinal);
                foreach (FlipGroup g in s.Groups)
                {
                    string guard = g.CandidateGuard ?? g.BaselineGuard ?? DecisionTally.NoGuard;
                    byGuard.TryGetValue(guard, out long n);
                    byGuard[guard] = n + g.Count;
                }

                var bars = new List<Bar>();
                foreach (var pair in byGuard)
                {
                    bars.Add(new Bar(pair.Key, pair.Value, "#455a64"));
                }

                HorizontalBars(sb, "Flips by guard", bars);
            }

            sb.Append("<h2>Flips over time (UTC)</h2>\n");
            OverTime(sb, data);

            IReadOnlyList<FlipGroup> groups = s.Groups;
            int shown = Math.Min(Math.Max(0, data.TopGroups), groups.Count);
            sb.Append("<h2>Top groups (").Append(shown.ToString(CultureInfo.InvariantCulture)).Append(" of ").Append(groups.Count.ToString(CultureInfo.InvariantCulture)).Append(", widening first)</h2>\n");
            if (groups.Count == 0)
            {
                sb.Append("<p>No flips.</p>\n");
            }
            else
            {
                sb.Append("<table>\n<thead><tr><th>#</th><th>Flip</th><th>Events</th><th>Event type</th><th>Target</th><th>Old</th><th>New</th><th>Rule</th><th>First / last seen</th><th>Examples</th></tr></thead>\n<tbody>\n");
                for (int i = 0; i < shown; i++)
                {
                    FlipGroup g = groups[i];
                    RuleAttribution? rule = RuleAttribution.Find(g, data);
                    string cls = g.Class == FlipClass.Widening ? "widening" : g.Class == FlipClass.Breaking ? "breaking" : string.Empty;
                    sb.Append("<tr><td class=\"n\">").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append("</td>");
                    sb.Append("<td class=\"").Append(cls).Append("\">").Append(E(g.Kind.ToString())).Append(data.EffectiveGate.IsGated(g.Kind) ? " (gated)" : string.Empty).Append("</td>");
                    sb.Append("<td class=\"n\">").Append(g.Count.ToString(CultureInfo.InvariantCulture)).Append("</td>");
                    sb.Append("<td><code>").Append(E(g.EventType)).Append("</code></td>");
                    sb.Append("<td><code>").Append(E(g.TargetPattern)).Append("</code></td>");
                    sb.Append("<td>").Append(E(g.BaselineDecision)).Append("</td>");
                    sb.Append("<td>").Append(E(g.CandidateDecision)).Append("</td>");
                    sb.Append("<td>").Append(rule == null ? "&mdash;" : "<code>" + E(rule.ToString()) + "</code>").Append("</td>");
                    sb.Append("<td>").Append(E(ReportText.Time(g.FirstSeen))).Append("<br>").Append(E(ReportText.Time(g.LastSeen))).Append("</td>");
                    sb.Append("<td><code>").Append(E(string.Join(", ", g.SampleEventIds))).Append("</code></td></tr>\n");
                }

                sb.Append("</tbody>\n</table>\n");
            }

            sb.Append("<h2>Recommendations</h2>\n<ul>\n");
            foreach (string r in ReportText.Recommendations(data))
            {
                sb.Append("<li>").Append(E(r)).Append("</li>\n");
            }

            sb.Append("</ul>\n");
            if (data.Errors.Count > 0)
            {
                sb.Append("<h2>Records that could not be replayed</h2>\n<ul>\n");
                foreach (ReplayError e in data.Errors)
                {
                    sb.Append("<li><code>").Append(E(e.ToString())).Append("</code></li>\n");
                }

                sb.Append("</ul>\n");
            }

            sb.Append("</body>\n</html>\n");
            output.Write(sb.ToString());
        }

        /// <summary>HTML-encodes text (also quotes), for element content and attribute values.</summary>
        internal static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

        private static void Card(StringBuilder sb, string label, long value, string? cls)
        {
            sb.Append("<div class=\"card\"><b");
            if (cls != null)
            {
                sb.Append(" class=\"").Append(cls).Append('"');
            }

            sb.Append('>').Append(value.ToString(CultureInfo.InvariantCulture)).Append("</b>").Append(E(label)).Append("</div>\n");
        }

        private static string ColorOf(FlipClass c) => c switch
        {
            FlipClass.Widening => "#c62828",
            FlipClass.Breaking => "#ef8f00",
            _ => "#757575",
        };

        private static string Label(string text) => text.Length <= 28 ? text : text.Remove(27) + "…";

        private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        private static void HorizontalBars(StringBuilder sb, string title, List<Bar> bars)
        {
            if (bars.Count == 0)
            {
                sb.Append("<p>No flips.</p>\n");
                return;
            }

            long max = 1;
            foreach (Bar b in bars)
            {
                max = Math.Max(max, b.Value);
            }

            int height = (bars.Count * RowHeight) + 4;
            double scale = (ChartWidth - LabelWidth - 60) / (double)max;
            sb.Append("<svg role=\"img\" aria-label=\"").Append(E(title)).Append("\" width=\"").Append(ChartWidth).Append("\" height=\"").Append(height)
                .Append("\" viewBox=\"0 0 ").Append(ChartWidth).Append(' ').Append(height).Append("\">\n");
            for (int i = 0; i < bars.Count; i++)
            {
                Bar b = bars[i];
                int y = (i * RowHeight) + 2;
                double w = b.Value * scale;
                sb.Append("<text x=\"").Append(LabelWidth - 6).Append("\" y=\"").Append(y + 15).Append("\" text-anchor=\"end\"><title>").Append(E(b.Label)).Append("</title>").Append(E(Label(b.Label))).Append("</text>");
                sb.Append("<rect x=\"").Append(LabelWidth).Append("\" y=\"").Append(y + 3).Append("\" width=\"").Append(N(w)).Append("\" height=\"").Append(RowHeight - 6).Append("\" fill=\"").Append(b.Color).Append("\"/>");
                sb.Append("<text x=\"").Append(N(LabelWidth + w + 4)).Append("\" y=\"").Append(y + 15).Append("\">").Append(b.Value.ToString(CultureInfo.InvariantCulture)).Append("</text>\n");
            }

            sb.Append("</svg>\n");
        }

        private static void StackedBars(StringBuilder sb, DecisionTally tally)
        {
            IReadOnlyList<string> guards = tally.Guards;
            if (guards.Count == 0)
            {
                sb.Append("<p>No decisions.</p>\n");
                return;
            }

            long max = 1;
            foreach (string g in guards)
            {
                long total = 0;
                for (var o = DecisionOutcome.Allowed; o <= DecisionOutcome.Unknown; o++)
                {
                    total += tally.Count(g, o);
                }

                max = Math.Max(max, total);
            }

            int height = (guards.Count * RowHeight) + 4;
            double scale = (ChartWidth - LabelWidth - 170) / (double)max;
            sb.Append("<svg role=\"img\" aria-label=\"Decisions by guard\" width=\"").Append(ChartWidth).Append("\" height=\"").Append(height)
                .Append("\" viewBox=\"0 0 ").Append(ChartWidth).Append(' ').Append(height).Append("\">\n");
            for (int i = 0; i < guards.Count; i++)
            {
                string g = guards[i];
                int y = (i * RowHeight) + 2;
                double x = LabelWidth;
                long total = 0;
                var parts = new List<string>();
                sb.Append("<text x=\"").Append(LabelWidth - 6).Append("\" y=\"").Append(y + 15).Append("\" text-anchor=\"end\"><title>").Append(E(g)).Append("</title>").Append(E(Label(g))).Append("</text>");
                for (var o = DecisionOutcome.Allowed; o <= DecisionOutcome.Unknown; o++)
                {
                    long n = tally.Count(g, o);
                    if (n == 0)
                    {
                        continue;
                    }

                    total += n;
                    parts.Add(o + " " + n.ToString(CultureInfo.InvariantCulture));
                    double w = n * scale;
                    sb.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(y + 3).Append("\" width=\"").Append(N(w)).Append("\" height=\"").Append(RowHeight - 6).Append("\" fill=\"").Append(OutcomeColors[(int)o])
                        .Append("\"><title>").Append(E(g + ": " + o + " " + n.ToString(CultureInfo.InvariantCulture))).Append("</title></rect>");
                    x += w;
                }

                sb.Append("<text x=\"").Append(N(x + 4)).Append("\" y=\"").Append(y + 15).Append("\">").Append(E(string.Join(", ", parts))).Append("</text>\n");
            }

            sb.Append("</svg>\n");
        }

        private static void OverTime(StringBuilder sb, ReplayReportData data)
        {
            var flips = new SortedDictionary<DateTimeOffset, long>();
            var events = new SortedDictionary<DateTimeOffset, long>();
            if (data.Tally != null)
            {
                foreach (var p in data.Tally.FlipsByHour)
                {
                    flips[p.Key] = p.Value;
                }

                foreach (var p in data.Tally.EventsByHour)
                {
                    events[p.Key] = p.Value;
                }
            }
            else
            {
                foreach (FlipGroup g in data.Summary.Groups)
                {
                    DateTimeOffset t = g.FirstSeen.ToUniversalTime();
                    var hour = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero);
                    flips.TryGetValue(hour, out long n);
                    flips[hour] = n + g.Count;
                }
            }

            if (flips.Count == 0 && events.Count == 0)
            {
                sb.Append("<p>No events.</p>\n");
                return;
            }

            DateTimeOffset first = DateTimeOffset.MaxValue, last = DateTimeOffset.MinValue;
            foreach (var d in new[] { flips, events })
            {
                foreach (DateTimeOffset k in d.Keys)
                {
                    first = k < first ? k : first;
                    last = k > last ? k : last;
                }
            }

            double hours = (last - first).TotalHours;
            Func<DateTimeOffset, DateTimeOffset> bucket;
            string format;
            string unit;
            if (hours < 72)
            {
                bucket = t => t;
                format = "MM-dd HH:00";
                unit = "hour";
            }
            else if (hours < 180 * 24)
            {
                bucket = t => new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, TimeSpan.Zero);
                format = "yyyy-MM-dd";
                unit = "day";
            }
            else
            {
                bucket = t => new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.Zero);
                format = "yyyy-MM";
                unit = "month";
            }

            var keys = new List<DateTimeOffset>();
            for (DateTimeOffset k = bucket(first); k <= bucket(last); k = unit == "hour" ? k.AddHours(1) : unit == "day" ? k.AddDays(1) : k.AddMonths(1))
            {
                keys.Add(k);
            }

            var flipCounts = new long[keys.Count];
            var eventCounts = new long[keys.Count];
            foreach (var p in flips)
            {
                flipCounts[keys.IndexOf(bucket(p.Key))] += p.Value;
            }

            foreach (var p in events)
            {
                eventCounts[keys.IndexOf(bucket(p.Key))] += p.Value;
            }

            long max = 1;
            for (int i = 0; i < keys.Count; i++)
            {
                max = Math.Max(max, Math.Max(flipCounts[i], eventCounts[i]));
            }

            const int plotHeight = 160;
            int colWidth = Math.Max(6, Math.Min(48, (ChartWidth - 40) / Math.Max(1, keys.Count)));
            int width = Math.Max(ChartWidth, 40 + (colWidth * keys.Count));
            int height = plotHeight + 40;
            sb.Append("<p class=\"legend\">Per ").Append(unit).Append(":<span style=\"background:#cfd8dc\"></span>events<span style=\"background:#c62828\"></span>flips</p>\n");
            sb.Append("<svg role=\"img\" aria-label=\"Flips over time\" width=\"").Append(width).Append("\" height=\"").Append(height)
                .Append("\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append("\">\n");
            sb.Append("<text x=\"0\" y=\"12\">").Append(max.ToString(CultureInfo.InvariantCulture)).Append("</text>");
            sb.Append("<line x1=\"30\" y1=\"").Append(plotHeight + 4).Append("\" x2=\"").Append(width).Append("\" y2=\"").Append(plotHeight + 4).Append("\" stroke=\"#999\"/>\n");
            for (int i = 0; i < keys.Count; i++)
            {
                double x = 34 + (i * colWidth);
                string label = keys[i].UtcDateTime.ToString(format, CultureInfo.InvariantCulture);
                string tip = label + ": " + eventCounts[i].ToString(CultureInfo.InvariantCulture) + " events, " + flipCounts[i].ToString(CultureInfo.InvariantCulture) + " flips";
                double eh = eventCounts[i] * (double)plotHeight / max;
                double fh = flipCounts[i] * (double)plotHeight / max;
                sb.Append("<g><title>").Append(E(tip)).Append("</title>");
                if (eh > 0)
                {
                    sb.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(N(plotHeight + 4 - eh)).Append("\" width=\"").Append(colWidth - 2).Append("\" height=\"").Append(N(eh)).Append("\" fill=\"#cfd8dc\"/>");
                }

                if (fh > 0)
                {
                    sb.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(N(plotHeight + 4 - fh)).Append("\" width=\"").Append(colWidth - 2).Append("\" height=\"").Append(N(fh)).Append("\" fill=\"#c62828\"/>");
                }

                sb.Append("</g>\n");
                if (i == 0 || i == keys.Count - 1 || keys.Count <= 12)
                {
                    sb.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(plotHeight + 20 + ((i % 2) * 12)).Append("\">").Append(E(label)).Append("</text>\n");
                }
            }

            sb.Append("</svg>\n");
        }

        private readonly struct Bar
        {
            public Bar(string label, long value, string color)
            {
                Label = label;
                Value = value;
                Color = color;
            }

            public string Label { get; }

            public long Value { get; }

            public string Color { get; }
        }
    }
}
