using System;

namespace PolicySim.Evaluation.Guards
{
    /// <summary>
    /// Per-thread memory of the guard results for the action decided last. A comparison decides each event under two
    /// policies one after the other on one worker, and an event maps to one action instance (<c>PolicyEvent.Mapped</c>);
    /// a guard of the second policy whose <see cref="IGuard.ConfigKey"/> equals one the first policy ran returns that
    /// result instead of running again. A candidate policy usually changes a few rules of the current one, so most of
    /// its guards are decided once. Results are immutable and guards are pure, so decisions cannot change.
    /// </summary>
    internal static class GuardResultMemo
    {
        private const int Capacity = 16;

        [ThreadStatic]
        private static RecentObjectMemo<GuardResult>? t_memo;

        /// <summary>Gets or sets whether results are reused (tests compare decisions with it off).</summary>
        internal static bool Enabled { get; set; } = true;

        /// <summary>Evaluates <paramref name="guard"/> on <paramref name="action"/>, or returns the result an equal guard gave for the same action.</summary>
        /// <param name="guard">The guard.</param>
        /// <param name="action">The action.</param>
        /// <returns>The guard's result.</returns>
        internal static GuardResult Evaluate(IGuard guard, PolicyAction action)
        {
            if (!Enabled)
            {
                return guard.Evaluate(action);
            }

            RecentObjectMemo<GuardResult> memo = t_memo ??= new RecentObjectMemo<GuardResult>(Capacity);
            string key = guard.ConfigKey;
            if (!memo.TryGet(action, key, out GuardResult result))
            {
                result = guard.Evaluate(action);
                memo.Add(action, key, result);
            }

            return result;
        }

        /// <summary>Forgets this thread's last action (for timing one guard alone).</summary>
        internal static void Clear() => t_memo?.Forget();
    }
}
