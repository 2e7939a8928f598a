using PolicySim.Evaluation;

namespace PolicySim.Tests.Performance
{
    /// <summary>The per-thread memo that lets both decisions of a comparison share what they work out about one object.</summary>
    public class RecentObjectMemoTests
    {
        [Fact]
        public void Remembers_values_for_the_same_object_by_key()
        {
            var memo = new RecentObjectMemo<int>(4);
            var owner = new object();
            Assert.False(memo.TryGet(owner, "a", out _));
            memo.Add(owner, "a", 1);
            memo.Add(owner, new string('b', 1), 2);

            Assert.True(memo.TryGet(owner, "a", out int a));
            Assert.Equal(1, a);
            Assert.True(memo.TryGet(owner, "b", out int b));
            Assert.Equal(2, b);
            Assert.False(memo.TryGet(owner, "c", out _));
        }

        [Fact]
        public void Another_object_forgets_the_previous_ones_values()
        {
            var memo = new RecentObjectMemo<string>(4);
            object first = new object(), second = new object();
            memo.TryGet(first, "k", out _);
            memo.Add(first, "k", "first");

            Assert.False(memo.TryGet(second, "k", out _));
            Assert.False(memo.TryGet(first, "k", out _));
        }

        [Fact]
        public void A_value_for_an_object_the_memo_moved_past_is_not_kept()
        {
            // Work on the first object asked about the second in between: its answer must not be filed under the second.
            var memo = new RecentObjectMemo<int>(4);
            object first = new object(), second = new object();
            memo.TryGet(first, "k", out _);
            memo.TryGet(second, "other", out _);
            memo.Add(first, "k", 7);

            Assert.False(memo.TryGet(second, "k", out _));
        }

        [Fact]
        public void Values_past_the_capacity_are_not_remembered_and_Forget_clears_everything()
        {
            var memo = new RecentObjectMemo<int>(2);
            var owner = new object();
            memo.TryGet(owner, "a", out _);
            memo.Add(owner, "a", 1);
            memo.Add(owner, "b", 2);
            memo.Add(owner, "c", 3);

            Assert.True(memo.TryGet(owner, "b", out _));
            Assert.False(memo.TryGet(owner, "c", out _));

            memo.Forget();
            Assert.False(memo.TryGet(owner, "a", out _));
        }
    }
}
