using PolicySim.Replay;
using PolicySim.Reports;

namespace PolicySim.Tests.Reports
{
    public class PolicyGateTests
    {
        [Fact]
        public void Words_expand_to_flip_kinds()
        {
            Assert.Equal(new[] { FlipKind.AllowToDeny, FlipKind.AllowToWarn, FlipKind.WarnToDeny }, PolicyGate.ParseKinds("breaking"));
            Assert.Equal(new[] { FlipKind.WarnToAllow, FlipKind.DenyToAllow, FlipKind.DenyToWarn }, PolicyGate.ParseKinds("Widening"));
            Assert.Equal(new[] { FlipKind.AllowToDeny, FlipKind.DenyToAllow }, PolicyGate.ParseKinds("denytoallow, AllowToDeny,,allowtodeny"));
            Assert.Equal(10, PolicyGate.ParseKinds("any").Count);
            Assert.Equal(new[] { FlipKind.ToUnknown, FlipKind.FromUnknown }, PolicyGate.ParseKinds("unknown"));
            Assert.Throws<FormatException>(() => PolicyGate.ParseKinds("AllowToMaybe"));
        }

        [Theory]
        [InlineData("5%", 0.05)]
        [InlineData("0.05", 0.05)]
        [InlineData("5", 0.05)]
        [InlineData("1", 1.0)]
        [InlineData("0", 0.0)]
        [InlineData("12.5 %", 0.125)]
        public void Rates_are_fractions_or_percents(string text, double expected)
        {
            Assert.Equal(expected, PolicyGate.ParseRate(text), 10);
        }

        [Theory]
        [InlineData("-1")]
        [InlineData("abc")]
        [InlineData("150%")]
        [InlineData("101")]
        public void Bad_rates_are_rejected(string text)
        {
            Assert.Throws<FormatException>(() => PolicyGate.ParseRate(text));
        }

        [Fact]
        public void Gate_fails_on_present_kinds_only()
        {
            ReplaySummary s = ReportTestData.Changed().Summary;
            Assert.True(new PolicyGate(new[] { FlipKind.WarnToDeny }).Evaluate(s).Passed);
            GateResult r = new PolicyGate(PolicyGate.ParseKinds("AllowToDeny,widening")).Evaluate(s);
            Assert.False(r.Passed);
            Assert.Equal(new[] { "4 AllowToDeny flips (fail on AllowToDeny)", "1 DenyToAllow flip (fail on DenyToAllow)" }, r.Reasons);
        }

        [Fact]
        public void Thresholds_count_outcome_changes()
        {
            ReplaySummary s = ReportTestData.Changed().Summary;
            Assert.True(new PolicyGate(null, maxChanges: 6).Evaluate(s).Passed);
            Assert.False(new PolicyGate(null, maxChanges: 5).Evaluate(s).Passed);
            Assert.True(new PolicyGate(null, maxChangeRate: 0.2).Evaluate(s).Passed);
            GateResult r = new PolicyGate(null, maxChangeRate: 0.1).Evaluate(s);
            Assert.Equal("6 of 36 events changed outcome (16.67%), above the maximum of 10%", Assert.Single(r.Reasons));
            Assert.True(new PolicyGate(null, 0, 0).Evaluate(ReportTestData.Unchanged().Summary).Passed);
            Assert.Throws<ArgumentOutOfRangeException>(() => new PolicyGate(null, maxChangeRate: 2));
        }

        [Fact]
        public void Default_gate_fails_on_any_outcome_change()
        {
            Assert.False(PolicyGate.Default.Evaluate(ReportTestData.Changed().Summary).Passed);
            Assert.True(PolicyGate.Default.Evaluate(ReportTestData.Unchanged().Summary).Passed);
            Assert.False(PolicyGate.Default.IsGated(FlipKind.ReasonChanged));
        }

        [Fact]
        public void Gate_failure_exception_carries_the_verdict()
        {
            GateResult r = new PolicyGate(new[] { FlipKind.AllowToDeny }).Evaluate(ReportTestData.Changed().Summary);
            var ex = new PolicyGateFailedException(r);
            Assert.IsAssignableFrom<PolicySimException>(ex);
            Assert.Same(r, ex.Result);
            Assert.Equal("Gate failed: 4 AllowToDeny flips (fail on AllowToDeny)", ex.Message);
        }
    }
}
