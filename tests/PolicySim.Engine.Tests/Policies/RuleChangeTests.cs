using System.IO;
using PolicySim.Policies;
using PolicySim.Policies.Diff;

namespace PolicySim.Tests.Policies
{
    public class RuleChangeTests
    {
        private static PolicyDefinition Policy(string name) => PolicyLoader.Load(Path.Combine(AppContext.BaseDirectory, "examples", "policies", name));

        [Fact]
        public void Rule_changes_list_removed_then_added_rules_of_the_diff()
        {
            PolicyDiffResult diff = PolicyDiff.Compare(Policy("current.yaml"), Policy("candidate.yaml"));
            var changes = RuleChange.From(diff);
            Assert.Equal(diff.RulesAdded.Count + diff.RulesRemoved.Count, changes.Count);
            Assert.NotEmpty(changes);
            Assert.Equal(diff.RulesRemoved.Select(r => r.Id).Concat(diff.RulesAdded.Select(r => r.Id)), changes.Select(c => c.RuleId));
            Assert.All(changes.Take(diff.RulesRemoved.Count), c => Assert.Equal(PolicyChangeKind.Removed, c.Change));
            Assert.All(changes.Skip(diff.RulesRemoved.Count), c => Assert.Equal(PolicyChangeKind.Added, c.Change));
            RuleChange first = changes[0];
            Assert.Equal(first.Rule.Guard, first.Guard);
            Assert.Equal(first.Rule.Pattern, first.Pattern);
            Assert.StartsWith(first.Change == PolicyChangeKind.Removed ? "- " : "+ ", first.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public void The_same_policy_has_no_rule_changes()
        {
            Assert.Empty(RuleChange.From(PolicyDiff.Compare(Policy("current.yaml"), Policy("current.yaml"))));
        }
    }
}
