using System.Collections.Generic;
using System.Globalization;

namespace PolicySim.Policies.Diff
{
    /// <summary>
    /// A rule present in only one of two compared policies (a flat view of <see cref="PolicyDiffResult.RulesAdded"/> and
    /// <see cref="PolicyDiffResult.RulesRemoved"/>), so rule-level changes filter and export like structural ones.
    /// </summary>
    public sealed class RuleChange
    {
        /// <summary>Creates a rule change.</summary>
        /// <param name="change"><see cref="PolicyChangeKind.Added"/> (only in the new policy) or <see cref="PolicyChangeKind.Removed"/> (only in the old one).</param>
        /// <param name="rule">The rule.</param>
        public RuleChange(PolicyChangeKind change, PolicyRule rule)
        {
            Rule = rule ?? throw new System.ArgumentNullException(nameof(rule));
            Change = change;
        }

        /// <summary>Gets whether the rule was added or removed.</summary>
        public PolicyChangeKind Change { get; }

        /// <summary>Gets the rule id.</summary>
        public string RuleId => Rule.Id;

        /// <summary>Gets the guard the rule belongs to.</summary>
        public string Guard => Rule.Guard;

        /// <summary>Gets the kind of rule (e.g. <c>forbidden_path</c> pattern, egress <c>allow</c> entry).</summary>
        public string Kind => Rule.Kind;

        /// <summary>Gets the rule's pattern or value.</summary>
        public string Pattern => Rule.Pattern;

        /// <summary>Gets the file the rule was written in, or null.</summary>
        public string? SourceFile => Rule.SourceFile;

        /// <summary>Gets the 1-based line the rule was written on (0 when unknown).</summary>
        public int Line => Rule.Line;

        /// <summary>Gets the rule.</summary>
        public PolicyRule Rule { get; }

        /// <summary>The rule changes of a diff: removed rules first, then added ones, each in the diff's order.</summary>
        /// <param name="diff">The diff.</param>
        /// <returns>The rule changes.</returns>
        public static IReadOnlyList<RuleChange> From(PolicyDiffResult diff)
        {
            if (diff is null)
            {
                throw new System.ArgumentNullException(nameof(diff));
            }

            var list = new List<RuleChange>(diff.RulesAdded.Count + diff.RulesRemoved.Count);
            foreach (PolicyRule r in diff.RulesRemoved)
            {
                list.Add(new RuleChange(PolicyChangeKind.Removed, r));
            }

            foreach (PolicyRule r in diff.RulesAdded)
            {
                list.Add(new RuleChange(PolicyChangeKind.Added, r));
            }

            return list;
        }

        /// <summary>Formats as <c>+ egress_allowlist/allow *.example.com</c> (or <c>-</c> for a removal).</summary>
        /// <returns>One line.</returns>
        public override string ToString() => string.Format(
            CultureInfo.InvariantCulture,
            "{0} {1} {2}",
            Change == PolicyChangeKind.Removed ? "-" : "+",
            RuleId,
            Pattern);
    }
}
