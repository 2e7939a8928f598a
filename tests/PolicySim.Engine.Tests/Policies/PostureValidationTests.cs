using PolicySim.Policies;
using static PolicySim.Tests.TestPolicies;

namespace PolicySim.Tests.Policies
{
    public class PostureValidationTests
    {
        private const string Valid = "version: \"1.2.0\"\nposture:\n  initial: work\n  states:\n    work: {capabilities: [file_access, file_write, egress], budgets: {file_writes: 10, egress_calls: 5}}\n    locked: {capabilities: [file_access]}\n  transitions:\n    - {from: work, to: locked, on: critical_violation}\n    - {from: \"*\", to: work, on: timeout, after: 30m}\n";

        [Fact]
        public void Valid_posture_loads()
        {
            Assert.NotNull(Yaml(Valid));
        }

        [Theory]
        [InlineData("initial: work", "initial: nowhere", "posture.initial")]
        [InlineData("[file_access, file_write, egress]", "[file_access, teleport]", "posture.states.work.capabilities")]
        [InlineData("egress_calls: 5", "egress_calls: -1", "posture.states.work.budgets.egress_calls")]
        [InlineData("egress_calls: 5", "coffee_breaks: 5", "posture.states.work.budgets.coffee_breaks")]
        [InlineData("to: locked", "to: \"*\"", "posture.transitions[0].to")]
        [InlineData("on: critical_violation", "on: full_moon", "posture.transitions[0].on")]
        [InlineData("after: 30m", "after: soon", "posture.transitions[1].after")]
        public void Invalid_posture_is_reported_at_its_field(string from, string to, string path)
        {
            var ex = Assert.Throws<PolicyLoadException>(() => Yaml(Valid.Replace(from, to)));
            Assert.Contains(ex.Diagnostics, d => d.FieldPath == path);
        }

        [Fact]
        public void Posture_blocks_reject_unknown_keys()
        {
            var ex = Assert.Throws<PolicyLoadException>(() => Yaml(Valid.Replace("initial: work", "initial: work\n  mood: calm")));
            Assert.Contains("unknown field `mood`", ex.Message);
        }

        [Fact]
        public void Child_posture_states_merge_by_name()
        {
            var p = Yaml("extends: default\nposture: {initial: a, states: {a: {capabilities: [shell]}}}\n");
            Assert.NotNull(p);
        }
    }
}
