using PolicySim.Evaluation;
using PolicySim.Replay;

namespace PolicySim.Tests.Replay
{
    public class FlipClassifierTests
    {
        private static ComparedDecision D(DecisionOutcome o, string? guard = null, string? message = null, string? reason = null, bool reasonKnown = true) =>
            ComparedDecision.Recorded(o, guard, null, message, reason, reasonKnown);

        [Theory]
        [InlineData(DecisionOutcome.Allowed, DecisionOutcome.Denied, FlipKind.AllowToDeny, FlipClass.Breaking)]
        [InlineData(DecisionOutcome.Allowed, DecisionOutcome.Warned, FlipKind.AllowToWarn, FlipClass.Breaking)]
        [InlineData(DecisionOutcome.Warned, DecisionOutcome.Denied, FlipKind.WarnToDeny, FlipClass.Breaking)]
        [InlineData(DecisionOutcome.Warned, DecisionOutcome.Allowed, FlipKind.WarnToAllow, FlipClass.Widening)]
        [InlineData(DecisionOutcome.Denied, DecisionOutcome.Allowed, FlipKind.DenyToAllow, FlipClass.Widening)]
        [InlineData(DecisionOutcome.Denied, DecisionOutcome.Warned, FlipKind.DenyToWarn, FlipClass.Widening)]
        [InlineData(DecisionOutcome.Denied, DecisionOutcome.Unknown, FlipKind.ToUnknown, FlipClass.Other)]
        [InlineData(DecisionOutcome.Unknown, DecisionOutcome.Unknown, FlipKind.ToUnknown, FlipClass.Other)]
        [InlineData(DecisionOutcome.Unknown, DecisionOutcome.Allowed, FlipKind.FromUnknown, FlipClass.Other)]
        [InlineData(DecisionOutcome.Allowed, DecisionOutcome.Allowed, FlipKind.None, FlipClass.None)]
        public void Outcome_changes_classify(DecisionOutcome before, DecisionOutcome after, FlipKind kind, FlipClass cls)
        {
            FlipKind actual = FlipClassifier.Classify(D(before), D(after));
            Assert.Equal(kind, actual);
            Assert.Equal(cls, FlipClassifier.ClassOf(actual));
        }

        [Fact]
        public void Same_block_by_another_guard_or_message_is_a_reason_change()
        {
            Assert.Equal(FlipKind.ReasonChanged, FlipClassifier.Classify(D(DecisionOutcome.Denied, "forbidden_path", "m"), D(DecisionOutcome.Denied, "path_allowlist", "m")));
            Assert.Equal(FlipKind.ReasonChanged, FlipClassifier.Classify(D(DecisionOutcome.Warned, "mcp_tool", "a"), D(DecisionOutcome.Warned, "mcp_tool", "b")));
            Assert.Equal(FlipKind.None, FlipClassifier.Classify(D(DecisionOutcome.Denied, "g", "m"), D(DecisionOutcome.Denied, "g", "m")));
        }

        [Fact]
        public void Reason_codes_count_for_every_outcome_but_only_when_both_sides_know_them()
        {
            Assert.Equal(FlipKind.ReasonChanged, FlipClassifier.Classify(D(DecisionOutcome.Allowed), D(DecisionOutcome.Allowed, reason: "missing_content_bytes")));
            Assert.Equal(FlipKind.None, FlipClassifier.Classify(D(DecisionOutcome.Allowed, reasonKnown: false), D(DecisionOutcome.Allowed, reason: "missing_content_bytes")));
        }

        [Fact]
        public void Unrecorded_guard_or_message_is_not_compared_and_plain_allows_ignore_them()
        {
            Assert.Equal(FlipKind.None, FlipClassifier.Classify(D(DecisionOutcome.Denied, null, null), D(DecisionOutcome.Denied, "g", "m")));
            Assert.Equal(FlipKind.None, FlipClassifier.Classify(D(DecisionOutcome.Allowed, "g", "Allowed"), D(DecisionOutcome.Allowed, null, "other")));
        }

        [Fact]
        public void Every_kind_has_a_class()
        {
            Assert.Equal(FlipClass.Other, FlipClassifier.ClassOf(FlipKind.StateDependent));
            Assert.Equal(FlipClass.Other, FlipClassifier.ClassOf(FlipKind.ReasonChanged));
        }
    }
}
