using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PolicySim.Policies.Diff
{
    /// <summary>The structural difference of two resolved policies, leaf by leaf and rule by rule.</summary>
    public sealed class PolicyDiffResult
    {
        internal PolicyDiffResult(PolicyDefinition oldPolicy, PolicyDefinition newPolicy, IReadOnlyList<PolicyChange> changes, IReadOnlyList<PolicyRule> rulesAdded, IReadOnlyList<PolicyRule> rulesRemoved)
        {
            OldPolicy = oldPolicy;
            NewPolicy = newPolicy;
            Changes = changes;
            RulesAdded = rulesAdded;
            RulesRemoved = rulesRemoved;
        }

        /// <summary>Gets the old (reference) policy.</summary>
        public PolicyDefinition OldPolicy { get; }

        /// <summary>Gets the new (difference) policy.</summary>
        public PolicyDefinition NewPolicy { get; }

        /// <summary>Gets the leaf changes, sorted by path (the reference diff).</summary>
        public IReadOnlyList<PolicyChange> Changes { get; }

        /// <summary>Gets the rules only the new policy has.</summary>
        public IReadOnlyList<PolicyRule> RulesAdded { get; }

        /// <summary>Gets the rules only the old policy has.</summary>
        public IReadOnlyList<PolicyRule> RulesRemoved { get; }

        /// <summary>Gets whether the policies are structurally equal.</summary>
        public bool IsEmpty => Changes.Count == 0;

        /// <summary>The reference's summary line: <c>Found n change(s): c changed, a added, r removed</c> or <c>No changes.</c>.</summary>
        /// <returns>One line.</returns>
        public override string ToString() => IsEmpty
            ? "No changes."
            : string.Format(
                CultureInfo.InvariantCulture,
                "Found {0} change(s): {1} changed, {2} added, {3} removed",
                Changes.Count,
                Changes.Count(c => c.Kind == PolicyChangeKind.Changed),
                Changes.Count(c => c.Kind == PolicyChangeKind.Added),
                Changes.Count(c => c.Kind == PolicyChangeKind.Removed));
    }
}
