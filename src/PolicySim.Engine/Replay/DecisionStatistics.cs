using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PolicySim.Evaluation;

namespace PolicySim.Replay
{
    /// <summary>
    /// Aggregates decisions (<see cref="PolicyDecision"/>) and replay results (<see cref="ReplayResult"/>, counted by their
    /// candidate decision) as they stream by: counts by outcome, by guard, by flip kind, and the most frequent targets.
    /// Memory grows with the number of distinct guards and targets, and the target table is capped (see
    /// <see cref="MaxTrackedTargets"/>).
    /// </summary>
    public sealed class DecisionStatistics
    {
        /// <summary>The number of targets <see cref="TopTargets"/> lists.</summary>
        public const int TopCount = 10;

        /// <summary>
        /// The most distinct targets counted exactly. Past it, the table is cut back to its most frequent half and
        /// <see cref="TopTargetsApproximate"/> is set: counts of targets seen again after a cut start from zero.
        /// </summary>
        public const int MaxTrackedTargets = 100_000;

        /// <summary>The guard name counted for decisions that no guard made (plain allows).</summary>
        public const string NoGuard = "(none)";

        private static readonly FlipKind[] AllKinds = Enumerable.Range(0, (int)FlipKind.StateDependent + 1).Select(i => (FlipKind)i).ToArray();
        private static readonly DecisionOutcome[] AllOutcomes = { DecisionOutcome.Allowed, DecisionOutcome.Warned, DecisionOutcome.Denied, DecisionOutcome.Unknown };
        private readonly long[] _outcomes = new long[AllOutcomes.Length];
        private readonly long[] _flips = new long[AllKinds.Length];
        private readonly Dictionary<string, long> _guards = new Dictionary<string, long>(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _targets = new Dictionary<string, long>(StringComparer.Ordinal);

        /// <summary>Gets the number of items measured.</summary>
        public long Count { get; private set; }

        /// <summary>Gets the number of <see cref="PolicyDecision"/> items measured.</summary>
        public long DecisionCount { get; private set; }

        /// <summary>Gets the number of <see cref="ReplayResult"/> items measured.</summary>
        public long ReplayResultCount { get; private set; }

        /// <summary>Gets the number of Allowed outcomes.</summary>
        public long Allowed => _outcomes[(int)DecisionOutcome.Allowed];

        /// <summary>Gets the number of Warned outcomes.</summary>
        public long Warned => _outcomes[(int)DecisionOutcome.Warned];

        /// <summary>Gets the number of Denied outcomes.</summary>
        public long Denied => _outcomes[(int)DecisionOutcome.Denied];

        /// <summary>Gets the number of Unknown outcomes (missing or redacted data).</summary>
        public long Unknown => _outcomes[(int)DecisionOutcome.Unknown];

        /// <summary>Gets the number of replay results whose outcome changed (the six outcome flip kinds).</summary>
        public long Changed => AllKinds.Where(FlipClassifier.IsOutcomeChange).Sum(k => _flips[(int)k]);

        /// <summary>Gets the number of breaking flips (more restrictive).</summary>
        public long Breaking => AllKinds.Where(k => FlipClassifier.ClassOf(k) == FlipClass.Breaking).Sum(k => _flips[(int)k]);

        /// <summary>Gets the number of widening flips (less restrictive).</summary>
        public long Widening => AllKinds.Where(k => FlipClassifier.ClassOf(k) == FlipClass.Widening).Sum(k => _flips[(int)k]);

        /// <summary>Gets the count per outcome; every outcome is present.</summary>
        public IReadOnlyDictionary<DecisionOutcome, long> ByOutcome
        {
            get
            {
                var d = new SortedDictionary<DecisionOutcome, long>();
                foreach (DecisionOutcome o in AllOutcomes)
                {
                    d[o] = _outcomes[(int)o];
                }

                return d;
            }
        }

        /// <summary>Gets the count per deciding guard (<see cref="NoGuard"/> for plain allows), most frequent first, then by name.</summary>
        public IReadOnlyDictionary<string, long> ByGuard => Ordered(_guards);

        /// <summary>Gets the count per flip kind over the replay results; every kind is present (all zero when only decisions were measured).</summary>
        public IReadOnlyDictionary<FlipKind, long> ByFlip
        {
            get
            {
                var d = new SortedDictionary<FlipKind, long>();
                foreach (FlipKind k in AllKinds)
                {
                    d[k] = _flips[(int)k];
                }

                return d;
            }
        }

        /// <summary>Gets the <see cref="TopCount"/> most frequent targets, most frequent first, ties by target (ordinal).</summary>
        public IReadOnlyList<TargetCount> TopTargets => _targets
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(TopCount)
            .Select(p => new TargetCount(p.Key, p.Value))
            .ToList();

        /// <summary>Gets the most frequent target, or null when nothing was measured.</summary>
        public string? TopTarget
        {
            get
            {
                IReadOnlyList<TargetCount> top = TopTargets;
                return top.Count > 0 ? top[0].Target : null;
            }
        }

        /// <summary>Gets whether more than <see cref="MaxTrackedTargets"/> distinct targets were seen, so <see cref="TopTargets"/> may be approximate.</summary>
        public bool TopTargetsApproximate { get; private set; }

        /// <summary>Counts one decision.</summary>
        /// <param name="decision">The decision.</param>
        public void Add(PolicyDecision decision)
        {
            Require.NotNull(decision, nameof(decision));
            DecisionCount++;
            Tally(decision.Outcome, decision.Guard, decision.Target);
        }

        /// <summary>Counts one replay result by its candidate decision and its flip kind.</summary>
        /// <param name="result">The result.</param>
        public void Add(ReplayResult result)
        {
            Require.NotNull(result, nameof(result));
            ReplayResultCount++;
            _flips[(int)result.Flip]++;
            Tally(result.CandidateOutcome, result.CandidateGuard, result.Target);
        }

        /// <summary>Formats as <c>12 decisions: allowed=7, warned=1, denied=4, unknown=0; changed=3 (widening=1, breaking=2)</c>.</summary>
        /// <returns>One line.</returns>
        public override string ToString() => string.Format(
            CultureInfo.InvariantCulture,
            "{0} decisions: allowed={1}, warned={2}, denied={3}, unknown={4}; changed={5} (widening={6}, breaking={7})",
            Count,
            Allowed,
            Warned,
            Denied,
            Unknown,
            Changed,
            Widening,
            Breaking);

        private static System.Collections.ObjectModel.ReadOnlyDictionary<string, long> Ordered(Dictionary<string, long> counts)
        {
            // Insertion order of a fresh Dictionary without removals is enumeration order; expose it read-only.
            var ordered = new Dictionary<string, long>(counts.Count, StringComparer.Ordinal);
            foreach (var pair in counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
            {
                ordered.Add(pair.Key, pair.Value);
            }

            return new System.Collections.ObjectModel.ReadOnlyDictionary<string, long>(ordered);
        }

        private void Tally(DecisionOutcome outcome, string? guard, string? target)
        {
            Count++;
            _outcomes[(int)outcome]++;
            string g = string.IsNullOrEmpty(guard) ? NoGuard : guard!;
            _guards[g] = _guards.TryGetValue(g, out long n) ? n + 1 : 1;
            if (string.IsNullOrEmpty(target))
            {
                return;
            }

            if (_targets.TryGetValue(target!, out long t))
            {
                _targets[target!] = t + 1;
                return;
            }

            if (_targets.Count >= MaxTrackedTargets)
            {
                Prune();
            }

            _targets[target!] = 1;
        }

        private void Prune()
        {
            TopTargetsApproximate = true;
            var keep = _targets.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(MaxTrackedTargets / 2).ToList();
            _targets.Clear();
            foreach (var pair in keep)
            {
                _targets.Add(pair.Key, pair.Value);
            }
        }
    }
}
