using System;
using System.Collections.Generic;
using PolicySim.Policies;
using PolicySim.Replay;

namespace PolicySim.Reports
{
    /// <summary>
    /// Finds the policy rule most likely responsible for a flip group, so reports can point at a file and line:
    /// (1) a candidate rule of the group's guards whose pattern is the group's target pattern; (2) such a baseline
    /// rule (a removed entry); (3) the first candidate rule of those guards that the baseline lacks or writes
    /// differently (an added or edited rule), preferring rules whose kind names the event's verb (<c>file_write</c> →
    /// <c>file_write_allow</c>); (4) the first baseline rule of those guards the candidate lacks.
    /// Steps 3 and 4 need a baseline policy. Rules without a written location (built-in defaults) are skipped.
    /// </summary>
    internal sealed class RuleAttribution
    {
        private RuleAttribution(PolicyRule rule, string change, string? file)
        {
            Rule = rule;
            Change = change;
            File = file;
        }

        /// <summary>Gets the rule.</summary>
        public PolicyRule Rule { get; }

        /// <summary>Gets <c>matched</c>, <c>added</c>, <c>edited</c> or <c>removed</c>.</summary>
        public string Change { get; }

        /// <summary>Gets the rule's file, relative to the report's base directory when under it (forward slashes), or null when the rule is not in a file.</summary>
        public string? File { get; }

        /// <summary>Gets the 1-based line of the rule, or 0.</summary>
        public int Line => File == null ? 0 : Rule.Line;

        /// <summary>Finds the rule for a group, or null.</summary>
        public static RuleAttribution? Find(FlipGroup group, ReplayReportData data)
        {
            IReadOnlyList<PolicyRule> candidate = data.Candidate?.Rules ?? Array.Empty<PolicyRule>();

            // Attribution (re-deciding with single changes) is authoritative when the group has it; the rule matching
            // below is the fallback for replays against recorded decisions, where no old policy exists.
            RuleAttribution? attributed = FromCauses(group, candidate, data);
            if (attributed != null)
            {
                return attributed;
            }

            IReadOnlyList<PolicyRule>? baseline = data.Baseline?.Rules;
            var baselineById = new Dictionary<string, PolicyRule>(StringComparer.Ordinal);
            foreach (PolicyRule r in baseline ?? Array.Empty<PolicyRule>())
            {
                baselineById[r.Id] = r;
            }

            bool OfGroup(PolicyRule r) => r.Location != null
                && (string.Equals(r.Guard, group.CandidateGuard, StringComparison.Ordinal) || string.Equals(r.Guard, group.BaselineGuard, StringComparison.Ordinal));

            string ChangeOf(PolicyRule r) => baseline == null ? "matched"
                : !baselineById.TryGetValue(r.Id, out PolicyRule? b) ? "added"
                : string.Equals(b.Pattern, r.Pattern, StringComparison.Ordinal) ? "matched"
                : "edited";

            foreach (PolicyRule r in candidate)
            {
                if (OfGroup(r) && string.Equals(r.Pattern, group.TargetPattern, StringComparison.Ordinal))
                {
                    return Make(r, ChangeOf(r), data);
                }
            }

            var candidateIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (PolicyRule r in candidate)
            {
                candidateIds.Add(r.Id);
            }

            foreach (PolicyRule r in baseline ?? Array.Empty<PolicyRule>())
            {
                if (OfGroup(r) && string.Equals(r.Pattern, group.TargetPattern, StringComparison.Ordinal))
                {
                    return Make(r, candidateIds.Contains(r.Id) ? "matched" : "removed", data);
                }
            }

            if (baseline == null)
            {
                return null;
            }

            // Prefer a rule whose kind names the event's verb (file_write -> file_write_allow), then the earliest.
            string verb = group.EventType.Substring(group.EventType.LastIndexOf('_') + 1);
            bool Fits(PolicyRule r) => verb.Length > 0 && r.Kind.Contains(verb);
            PolicyRule? best = null;
            string bestChange = "added";
            foreach (PolicyRule r in candidate)
            {
                string change = ChangeOf(r);
                if (OfGroup(r) && change != "matched" && (best == null || (Fits(r) && !Fits(best)) || (Fits(r) == Fits(best) && Earlier(r, best))))
                {
                    best = r;
                    bestChange = change;
                }
            }

            if (best != null)
            {
                return Make(best, bestChange, data);
            }

            foreach (PolicyRule r in baseline)
            {
                if (OfGroup(r) && !candidateIds.Contains(r.Id) && (best == null || Earlier(r, best)))
                {
                    best = r;
                }
            }

            return best == null ? null : Make(best, "removed", data);
        }

        /// <summary>Formats as <c>egress_allowlist/allow/*.docs-cdn.example (added, policies/candidate.yaml:14)</c>.</summary>
        private static RuleAttribution? FromCauses(FlipGroup group, IReadOnlyList<PolicyRule> candidate, ReplayReportData data)
        {
            FlipCause? cause = null;
            foreach (FlipCause c in group.CauseDetails)
            {
                if (c.Change != null && (cause == null || (c.Responsible && !cause.Responsible)))
                {
                    cause = c;
                }
            }

            if (cause?.Change is not PolicySim.Policies.Diff.PolicyChange change)
            {
                return null;
            }

            bool removed = change.Kind == PolicySim.Policies.Diff.PolicyChangeKind.Removed;
            string verb = removed ? "removed"
                : change.Kind == PolicySim.Policies.Diff.PolicyChangeKind.Added || change.OldTree == null ? "added"
                : "edited";

            // A list entry lands on the rule with that exact pattern (several rules can share a line in a flow list);
            // anything else (a whole section, a number) is named by its path.
            PolicyRule? rule = null;
            if ((removed ? change.OldTree : change.NewTree) is string value && change.Location != null)
            {
                foreach (PolicyRule r in removed ? data.Baseline?.Rules ?? Array.Empty<PolicyRule>() : candidate)
                {
                    if (r.Location != null && r.Location.Source == change.Location.Source && r.Location.Line == change.Location.Line && r.Pattern == value)
                    {
                        rule = r;
                        break;
                    }
                }
            }

            rule ??= new PolicyRule(change.Path, "clawdstrike", change.Guard ?? string.Empty, "change", change.NewValue ?? change.OldValue ?? string.Empty, change.Location);
            return Make(rule, verb, data);
        }

        public override string ToString() =>
            Rule.Id + " (" + Change + (File != null ? ", " + File + ":" + Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty) + ")";

        /// <summary>A path relative to <paramref name="baseDirectory"/> when under it, with forward slashes; else the path as is.</summary>
        internal static string RelativePath(string path, string? baseDirectory)
        {
            string p = path;
            if (!string.IsNullOrEmpty(baseDirectory))
            {
                string b = baseDirectory!.TrimEnd('/', '\\');
                if (p.Length > b.Length + 1 && p.StartsWith(b, StringComparison.Ordinal) && (p[b.Length] == '/' || p[b.Length] == '\\'))
                {
                    p = p.Substring(b.Length + 1);
                }
            }

            return p.Replace('\\', '/');
        }

        private static bool Earlier(PolicyRule a, PolicyRule b)
        {
            int c = string.CompareOrdinal(a.SourceFile, b.SourceFile);
            return c < 0 || (c == 0 && a.Line < b.Line);
        }

        private static RuleAttribution Make(PolicyRule rule, string change, ReplayReportData data)
        {
            string? source = rule.SourceFile;
            bool inFile = source != null && !source.StartsWith("ruleset:", StringComparison.Ordinal) && !(source.Length > 0 && source[0] == '<') && rule.Line > 0;
            return new RuleAttribution(rule, change, inFile ? RelativePath(source!, data.BaseDirectory) : null);
        }
    }
}
