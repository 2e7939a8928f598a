using System.Collections.Generic;
using PolicySim.Evaluation.Guards;

namespace PolicySim.Evaluation
{
    /// <summary>
    /// A compiled policy's guards in evaluation order, with <c>fail_fast</c> (spec §4). Immutable and thread-safe.
    /// </summary>
    internal sealed class PolicyEvaluator
    {
        private readonly IGuard[] _fast;
        private readonly IGuard[] _standard;
        private readonly bool _failFast;

        public PolicyEvaluator(IEnumerable<IGuard> guards, bool failFast)
        {
            var fast = new List<IGuard>();
            var std = new List<IGuard>();
            foreach (var g in guards)
            {
                (g.Stage == GuardStage.Fast ? fast : std).Add(g);
            }

            _fast = fast.ToArray();
            _standard = std.ToArray();
            _failFast = failFast;
        }

        public bool FailFast => _failFast;

        public IEnumerable<IGuard> Guards
        {
            get
            {
                foreach (var g in _fast)
                {
                    yield return g;
                }

                foreach (var g in _standard)
                {
                    yield return g;
                }
            }
        }

        public EvaluationReport Evaluate(PolicyAction action)
        {
            // Results gather in a per-thread scratch array and are copied out at their exact count (most actions meet
            // one guard): a list per evaluation cost two objects and room for four. The scratch is taken while in use,
            // so an evaluation inside a guard gets its own.
            int capacity = _fast.Length + _standard.Length;
            GuardResult[]? scratch = t_scratch;
            t_scratch = null;
            if (scratch == null || scratch.Length < capacity)
            {
                scratch = new GuardResult[capacity];
            }

            int count = 0;
            if (RunStage(_fast, action, scratch, ref count))
            {
                RunStage(_standard, action, scratch, ref count);
            }

            var results = count == 0 ? System.Array.Empty<GuardResult>() : new GuardResult[count];
            System.Array.Copy(scratch, results, count);
            System.Array.Clear(scratch, 0, count);
            t_scratch = scratch;
            return EvaluationReport.Aggregate(results);
        }

        [System.ThreadStatic]
        private static GuardResult[]? t_scratch;

        /// <summary>Runs one stage; returns false when fail_fast stopped it (later stages are skipped then).</summary>
        private bool RunStage(IGuard[] stage, PolicyAction action, GuardResult[] results, ref int count)
        {
            foreach (var guard in stage)
            {
                if (!guard.Handles(action))
                {
                    continue;
                }

                GuardResult r = GuardResultMemo.Evaluate(guard, action);
                results[count++] = r;
                if (_failFast && !r.Allowed)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
