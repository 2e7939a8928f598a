using System;
using System.Globalization;
using System.Text;
using PolicySim.Policies;
using PolicySim.Policies.Diff;
using PolicySim.Serialization;

namespace PolicySim.Reports
{
    /// <summary>Text and JSON forms of a policy diff: the reference's (spec §5.7), plus rule-level changes on request.</summary>
    public static class PolicyDiffReport
    {
        /// <summary>
        /// The reference's JSON: an array of <c>{path, kind, old, new}</c> sorted by path. With
        /// <paramref name="includeRules"/>, an object <c>{changes: [...], rules_added: [...], rules_removed: [...]}</c>.
        /// </summary>
        /// <param name="diff">The diff.</param>
        /// <param name="includeRules">Add rule-level changes.</param>
        /// <returns>Pretty JSON (no trailing newline).</returns>
        public static string FormatJson(PolicyDiffResult diff, bool includeRules)
        {
            if (diff is null)
            {
                throw new ArgumentNullException(nameof(diff));
            }

            var w = new SerdeJsonWriter(pretty: true);
            if (includeRules)
            {
                w.WriteStartObject();
                w.WritePropertyName("changes");
            }

            w.WriteStartArray();
            foreach (PolicyChange c in diff.Changes)
            {
                w.WriteStartObject();
                w.WriteString("path", c.Path);
                w.WriteString("kind", c.Kind.ToString().ToLowerInvariant());
                w.WritePropertyName("old");
                ValueJson.Write(w, c.Kind == PolicyChangeKind.Added ? null : c.OldTree);
                w.WritePropertyName("new");
                ValueJson.Write(w, c.Kind == PolicyChangeKind.Removed ? null : c.NewTree);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (includeRules)
            {
                WriteRules(w, "rules_added", diff.RulesAdded);
                WriteRules(w, "rules_removed", diff.RulesRemoved);
                w.WriteEndObject();
            }

            return w.ToString();
        }

        /// <summary>The reference's text: header, summary line, one line per change (values truncated to 120 chars).</summary>
        /// <param name="diff">The diff.</param>
        /// <param name="leftReference">The left policy argument as given.</param>
        /// <param name="rightReference">The right policy argument as given.</param>
        /// <param name="includeRules">Add rule-level changes after the reference lines.</param>
        /// <returns>The text, each line ending in a newline.</returns>
        public static string FormatText(PolicyDiffResult diff, string leftReference, string rightReference, bool includeRules)
        {
            if (diff is null)
            {
                throw new ArgumentNullException(nameof(diff));
            }

            var sb = new StringBuilder();
            sb.Append("Diff: ").Append(SourceName(diff.OldPolicy, leftReference)).Append(" -> ").Append(SourceName(diff.NewPolicy, rightReference)).Append(" (resolved)\n");
            sb.Append(diff).Append('\n');
            foreach (PolicyChange c in diff.Changes)
            {
                sb.Append(c).Append('\n');
            }

            if (includeRules)
            {
                sb.Append(string.Format(CultureInfo.InvariantCulture, "Rules: {0} added, {1} removed\n", diff.RulesAdded.Count, diff.RulesRemoved.Count));
                foreach (PolicyRule r in diff.RulesAdded)
                {
                    sb.Append("+ ").Append(r.Id).Append(Where(r)).Append('\n');
                }

                foreach (PolicyRule r in diff.RulesRemoved)
                {
                    sb.Append("- ").Append(r.Id).Append(Where(r)).Append('\n');
                }
            }

            return sb.ToString();
        }

        private static string Where(PolicyRule r) => r.Location == null ? string.Empty : " (" + r.Location.Source + ":" + r.Line.ToString(CultureInfo.InvariantCulture) + ")";

        private static string SourceName(PolicyDefinition policy, string reference) =>
            policy.SourceKind == PolicySourceKind.Ruleset ? "ruleset:clawdstrike:" + policy.Reference : "file:" + reference;

        private static void WriteRules(SerdeJsonWriter w, string name, System.Collections.Generic.IReadOnlyList<PolicyRule> rules)
        {
            w.WritePropertyName(name);
            w.WriteStartArray();
            foreach (PolicyRule r in rules)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteString("guard", r.Guard);
                w.WriteString("kind", r.Kind);
                w.WriteString("pattern", r.Pattern);
                w.WriteString("source", r.Location?.Source);
                w.WriteInteger("line", r.Line);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
    }
}
