using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PolicySim.Policies;

namespace PolicySim.Evaluation.Posture
{
    /// <summary>
    /// Threads posture state (spec Appendix A) through events in record order, one state per session id. Not
    /// thread-safe: one tracker per policy per run. Memory grows with the number of sessions, not events.
    /// </summary>
    public sealed class PostureTracker
    {
        private readonly PostureMachine _machine;
        private readonly Dictionary<string, Session> _sessions = new Dictionary<string, Session>(StringComparer.Ordinal);

        /// <summary>Creates a tracker for a policy that defines posture.</summary>
        /// <param name="policy">The policy.</param>
        /// <exception cref="ArgumentException">The policy has no posture block.</exception>
        public PostureTracker(PolicyDefinition policy)
        {
            if (policy is null)
            {
                throw new ArgumentNullException(nameof(policy));
            }

            _machine = policy.Posture ?? throw new ArgumentException("policy defines no posture: " + policy, nameof(policy));
        }

        /// <summary>Gets the number of sessions seen.</summary>
        public int SessionCount => _sessions.Count;

        /// <summary>Decides one action with posture: timeouts, the capability and budget pre-check, then the guards, then triggers.</summary>
        internal (EvaluationReport Report, PostureResult Posture) Evaluate(PolicyAction action, string? sessionId, DateTimeOffset at, Func<PolicyAction, EvaluationReport> runGuards)
        {
            string key = sessionId ?? string.Empty;
            if (!_sessions.TryGetValue(key, out Session? s))
            {
                s = new Session(_machine.Initial, at);
                _sessions.Add(key, s);
            }

            PostureTransition? transition = ApplyTimeouts(s, at);
            string capability = PostureMachine.CapabilityOf(action.Kind);
            string? budget = PostureMachine.BudgetOf(capability);
            var state = _machine.States[s.State];

            if (!state.Capabilities.Contains(capability))
            {
                var blocked = GuardResult.Block("posture", GuardSeverity.Error, "action '" + capability + "' is not allowed in posture state '" + s.State + "'");
                return (new EvaluationReport(blocked, new[] { blocked }), Result(s, transition, decidedByPosture: true));
            }

            long limit = Limit(state.Budgets, budget);
            if (budget != null && limit >= 0 && s.Used(budget) >= limit)
            {
                var blocked = GuardResult.Block(
                    "posture_budget",
                    GuardSeverity.Error,
                    "budget '" + budget + "' exhausted (" + s.Used(budget).ToString(CultureInfo.InvariantCulture) + "/" + limit.ToString(CultureInfo.InvariantCulture) + ")");
                transition = Fire(s, "budget_exhausted", at) ?? transition;
                return (new EvaluationReport(blocked, new[] { blocked }), Result(s, transition, decidedByPosture: true));
            }

            EvaluationReport report = runGuards(action);
            if (report.Overall.Allowed)
            {
                if (budget != null && limit >= 0)
                {
                    long used = s.Consume(budget);
                    if (used >= limit)
                    {
                        transition = Fire(s, "budget_exhausted", at) ?? transition;
                    }
                }
            }
            else
            {
                // A critical violation does not also match any_violation transitions.
                transition = Fire(s, report.Overall.Severity == GuardSeverity.Critical ? "critical_violation" : "any_violation", at) ?? transition;
            }

            return (report, Result(s, transition, decidedByPosture: false));
        }

        private static long Limit(List<KeyValuePair<string, long>> budgets, string? budget)
        {
            foreach (var b in budgets)
            {
                if (b.Key == budget)
                {
                    return b.Value;
                }
            }

            return -1;
        }

        private PostureTransition? ApplyTimeouts(Session s, DateTimeOffset at)
        {
            PostureTransition? last = null;

            // One hop per due timeout; at most one hop per state so a cycle of zero-length timeouts cannot spin.
            for (int hops = 0; hops < _machine.States.Count; hops++)
            {
                var t = _machine.Transitions.FirstOrDefault(x => x.On == "timeout" && x.After.HasValue && (x.From == "*" || x.From == s.State) && at - s.EnteredAt >= x.After.Value);
                if (t == null)
                {
                    break;
                }

                last = Move(s, t.To, "timeout", s.EnteredAt + t.After!.Value);
            }

            return last;
        }

        private PostureTransition? Fire(Session s, string trigger, DateTimeOffset at)
        {
            var t = _machine.Find(s.State, trigger);
            return t == null ? null : Move(s, t.To, trigger, at);
        }

        private static PostureTransition Move(Session s, string to, string trigger, DateTimeOffset at)
        {
            var transition = new PostureTransition(s.State, to, trigger, at);
            s.Enter(to, at);
            return transition;
        }

        private PostureResult Result(Session s, PostureTransition? transition, bool decidedByPosture)
        {
            var budgets = _machine.States[s.State].Budgets
                .OrderBy(b => b.Key, StringComparer.Ordinal)
                .Select(b => new PostureBudget(b.Key, s.Used(b.Key), b.Value))
                .ToList();
            return new PostureResult(s.State, budgets, transition, decidedByPosture);
        }

        private sealed class Session
        {
            private readonly Dictionary<string, long> _used = new Dictionary<string, long>(StringComparer.Ordinal);

            public Session(string state, DateTimeOffset enteredAt)
            {
                State = state;
                EnteredAt = enteredAt;
            }

            public string State { get; private set; }

            public DateTimeOffset EnteredAt { get; private set; }

            public long Used(string budget) => _used.TryGetValue(budget, out long u) ? u : 0;

            public long Consume(string budget) => _used[budget] = Used(budget) + 1;

            /// <summary>Enters a state; budgets reset to the new state's limits.</summary>
            public void Enter(string state, DateTimeOffset at)
            {
                State = state;
                EnteredAt = at;
                _used.Clear();
            }
        }
    }
}
