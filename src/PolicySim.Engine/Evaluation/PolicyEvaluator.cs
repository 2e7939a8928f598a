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
            var results = new List<GuardResult>(4); // an action meets at most 4 guards: no regrowth
            if (RunStage(_fast, action, results))
            {
                RunStage(_standard, action, results);
            }

            return EvaluationReport.Aggregate(results);
        }

        /// <summary>Runs one stage; returns false when fail_fast stopped it (later stages are skipped then).</summary>
        private bool RunStage(IGuard[] stage, PolicyAction action, List<GuardResult> results)
        {
            foreach (var guard in stage)
            {
                if (!guard.Handles(action))
                {
                    continue;
                }

                GuardResult r = GuardResultMemo.Evaluate(guard, action);
                results.Add(r);
                if (_failFast && !r.Allowed)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
