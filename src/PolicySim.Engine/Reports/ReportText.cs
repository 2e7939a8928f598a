using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PolicySim.Replay;

namespace PolicySim.Reports
{
    /// <summary>Wording and formatting shared by the report writers, so every format says the same thing.</summary>
    internal static class ReportText
    {
        /// <summary>Flip kinds in report order: widening first, then breaking, then the rest (None last).</summary>
        public static readonly FlipKind[] KindOrder =
        {
            FlipKind.DenyToAllow, FlipKind.DenyToWarn, FlipKind.WarnToAllow,
            FlipKind.AllowToDeny, FlipKind.AllowToWarn, FlipKind.WarnToDeny,
            FlipKind.ReasonChanged, FlipKind.ToUnknown, FlipKind.FromUnknown, FlipKind.StateDependent, FlipKind.None,
        };

        /// <summary>Breaking flips above this share of events make the recommendation "shadow first".</summary>
        public const double ShadowFirstRate = 0.01;

        /// <summary>Breaking flips above this count make the recommendation "shadow first".</summary>
        public const long ShadowFirstCount = 50;

        public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

        /// <summary><c>n</c> as a percent of <c>total</c> with up to two decimals (<c>0%</c> when total is 0).</summary>
        public static string Percent(long n, long total) => PolicyGate.Percent(total == 0 ? 0 : (double)n / total);

        public static string Plural(long n, string one, string many) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);

        /// <summary><c>DenyToAllow network_egress *.docs-cdn.example</c>.</summary>
        public static string GroupTitle(FlipGroup g) => g.Kind + " " + g.EventType + " " + g.TargetPattern;

        /// <summary>What the flip means in words, e.g. <c>blocked before, allowed now</c>.</summary>
        public static string Describe(FlipKind kind) => kind switch
        {
            FlipKind.AllowToDeny => "allowed before, blocked now",
            FlipKind.AllowToWarn => "allowed before, warned now",
            FlipKind.WarnToDeny => "warned before, blocked now",
            FlipKind.WarnToAllow => "warned before, allowed now",
            FlipKind.DenyToAllow => "blocked before, allowed now",
            FlipKind.DenyToWarn => "blocked before, warned now",
            FlipKind.ReasonChanged => "same outcome, another guard, reason or message",
            FlipKind.ToUnknown => "the candidate decision is unknown (missing or redacted fields)",
            FlipKind.FromUnknown => "the baseline decision was unknown",
            FlipKind.StateDependent => "the decision depends on replay order (rate limits, posture)",
            _ => "unchanged",
        };

        /// <summary>
        /// The one-paragraph message of a group used by SARIF, CI annotations, JUnit and NUnit:
        /// <c>1 event DenyToAllow (blocked before, allowed now): network_egress *.docs-cdn.example: old -&gt; new. Rule: … e.g. evt-0020</c>.
        /// </summary>
        public static string GroupMessage(FlipGroup g, RuleAttribution? rule)
        {
            var sb = new StringBuilder();
            sb.Append(Plural(g.Count, "event", "events")).Append(' ').Append(g.Kind)
                .Append(" (").Append(Describe(g.Kind)).Append("): ")
                .Append(g.EventType).Append(' ').Append(g.TargetPattern).Append(": ")
                .Append(g.BaselineDecision).Append(" -> ").Append(g.CandidateDecision).Append('.');
            if (rule != null)
            {
                sb.Append(" Rule: ").Append(rule).Append('.');
            }

            if (g.SampleEventIds.Count > 0)
            {
                sb.Append(" e.g. ").Append(string.Join(", ", g.SampleEventIds));
            }

            return sb.ToString();
        }

        /// <summary>UTC time as <c>2026-11-02T09:00:20Z</c>.</summary>
        public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        /// <summary>The time XML reports carry: the data's, else the latest event time, else the Unix epoch (deterministic).</summary>
        public static DateTimeOffset ReportTime(ReplayReportData data)
        {
            if (data.Timestamp != null)
            {
                return data.Timestamp.Value.ToUniversalTime();
            }

            if (data.Tally?.LastEventTime != null)
            {
                return data.Tally.LastEventTime.Value;
            }

            DateTimeOffset? last = null;
            foreach (FlipGroup g in data.Summary.Groups)
            {
                if (last == null || g.LastSeen > last.Value)
                {
                    last = g.LastSeen;
                }
            }

            return (last ?? new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero)).ToUniversalTime();
        }

        /// <summary>Recommendations in report order (never empty).</summary>
        public static IReadOnlyList<string> Recommendations(ReplayReportData data)
        {
            ReplaySummary s = data.Summary;
            var list = new List<string>();
            long others = s.Total - s.Count(FlipKind.None);
            if (s.Widening > 0)
            {
                list.Add(Invariant($"Review widening: {Plural(s.Widening, "event is", "events are")} less restricted than before (blocked or warned, now allowed or warned). Widening is the security risk: confirm each group is intended."));
            }

            if (s.Breaking > 0 && (s.Breaking > ShadowFirstCount || (double)s.Breaking / Math.Max(1, s.Total) > ShadowFirstRate))
            {
                list.Add(Invariant($"Shadow first: {Plural(s.Breaking, "breaking flip", "breaking flips")} ({Percent(s.Breaking, s.Total)} of events; the threshold is {PolicyGate.Percent(ShadowFirstRate)} or {ShadowFirstCount} events). Run the candidate in shadow mode before enforcing it."));
            }
            else if (s.Breaking > 0)
            {
                list.Add(Invariant($"Check breaking flips: {Plural(s.Breaking, "event is", "events are")} more restricted than before; tell the owners of the affected agents."));
            }

            if (s.Unknown > 0)
            {
                list.Add(Invariant($"{Plural(s.Unknown, "decision is", "decisions are")} Unknown (missing or redacted fields): replay richer logs before trusting the totals."));
            }

            if (s.Errors > 0)
            {
                list.Add(Invariant($"{Plural(s.Errors, "record", "records")} could not be replayed: fix the input; they are not in the totals."));
            }

            if (others == 0 && s.Errors == 0)
            {
                list.Add(s.Total == 0
                    ? "No events were compared: check the input and filters."
                    : "No changes: the candidate decides every event exactly as the baseline does.");
            }
            else if (s.Changed == 0 && s.Unknown == 0 && others > 0)
            {
                list.Add("No outcome changes: only reasons or messages differ.");
            }

            return list;
        }

        /// <summary>Replaces characters XML 1.0 cannot carry with U+FFFD.</summary>
        public static string XmlClean(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return string.Empty;
            }

            StringBuilder? sb = null;
            for (int i = 0; i < text!.Length; i++)
            {
                char c = text[i];
                bool ok;
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb?.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }

                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
                if (!ok && sb == null)
                {
                    sb = new StringBuilder(text.Length);
                    sb.Append(text, 0, i);
                }

                sb?.Append(ok ? c : '\uFFFD');
            }

            return sb?.ToString() ?? text;
        }
    }
}
