using System.IO;
using System.Linq;
using PolicySim.Policies;

namespace PolicySim.Tests.Policies
{
    /// <summary>Our own built-in rulesets must have exactly the reference rulesets' lists, patterns and numbers.</summary>
    public class BuiltInRulesetEquivalenceTests
    {
        [Theory]
        [InlineData("default")]
        [InlineData("strict")]
        [InlineData("ai-agent")]
        [InlineData("cicd")]
        [InlineData("permissive")]
        public void Built_in_ruleset_equals_reference(string name)
        {
            var ours = PolicyLoader.Load(name);
            var reference = PolicyLoader.Load(TestPolicies.ReferenceRulesetPath(name));
            Assert.Equal(reference.Name, ours.Name);
            Assert.Equal(reference.Description, ours.Description);
            Assert.Equal(reference.Version, ours.Version);
            Assert.Equal(reference.FailFast, ours.FailFast);
            Assert.Equal(reference.Guards, ours.Guards);
            Assert.Equal(
                reference.Rules.Select(r => r.Id + "=" + r.Pattern),
                ours.Rules.Select(r => r.Id + "=" + r.Pattern));
            Assert.Equal(reference.Document!.Settings.SessionTimeoutSecs, ours.Document!.Settings.SessionTimeoutSecs);
            Assert.Equal(reference.Document!.Settings.VerboseLogging, ours.Document!.Settings.VerboseLogging);
        }
    }
}
