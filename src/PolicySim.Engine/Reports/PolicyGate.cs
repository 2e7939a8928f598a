using System;
using System.Collections.Generic;
using System.Globalization;
using PolicySim.Replay;

namespace PolicySim.Reports
{
    /// <summary>
    /// A CI gate on a replay or compare: fail when flips of chosen kinds occur (<see cref="FailOn"/>), when more
    /// than <see cref="MaxChanges"/> outcomes change, or when the share of changed outcomes exceeds
    /// <see cref="MaxChangeRate"/>. "Changes" are outcome changes (<see cref="ReplaySummary.Changed"/>: the breaking
    /// and widening kinds); the rate is changes divided by <see cref="ReplaySummary.Total"/> (0 when no events).
    /// </summary>
    public sealed class PolicyGate
    {
        private static readonly FlipKind[] OutcomeKinds =
        {
            FlipKind.AllowToDeny, FlipKind.AllowToWarn, FlipKind.WarnToDeny,
            FlipKind.WarnToAllow, FlipKind.DenyToAllow, FlipKind.DenyToWarn,
        };

        private readonly bool[] _gated = new bool[(int)FlipKind.StateDependent + 1];

        /// <summary>Creates a gate.</summary>
        /// <param name="failOn">Flip kinds that fail the gate when any occurs (null or empty: none).</param>
        /// <param name="maxChanges">The most outcome changes allowed, or null.</param>
        /// <param name="maxChangeRate">The largest allowed fraction (0..1) of events whose outcome changes, or null.</param>
        /// <exception cref="ArgumentOutOfRangeException">A limit is negative or the rate is above 1.</exception>
        public PolicyGate(IEnumerable<FlipKind>? failOn, long? maxChanges = null, double? maxChangeRate = null)
        {
            if (maxChanges < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(maxChanges), "the maximum number of changes must not be negative");
            }

            if (maxChangeRate != null && (double.IsNaN(maxChangeRate.Value) || maxChangeRate < 0 || maxChangeRate > 1))
            {
                throw new ArgumentOutOfRangeException(nameof(maxChangeRate), "the maximum change rate must be a fraction between 0 and 1");
            }

            var kinds = new List<FlipKind>();
            foreach (FlipKind k in failOn ?? Array.Empty<FlipKind>())
            {
                if (k != FlipKind.None && !_gated[(int)k])
                {
                    _gated[(int)k] = true;
                }
            }

            for (int i = 0; i < _gated.Length; i++)
            {
                if (_gated[i])
                {
                    kinds.Add((FlipKind)i);
                }
            }

            FailOn = kinds;
            MaxChanges = maxChanges;
            MaxChangeRate = maxChangeRate;
        }

        /// <summary>Gets the gate used when none is configured: fail on any outcome change (breaking or widening), as the CLI's exit code 2 does.</summary>
        public static PolicyGate Default { get; } = new PolicyGate(OutcomeKinds);

        /// <summary>Gets the flip kinds that fail the gate, in enum order.</summary>
        public IReadOnlyList<FlipKind> FailOn { get; }

        /// <summary>Gets the most outcome changes allowed, or null.</summary>
        public long? MaxChanges { get; }

        /// <summary>Gets the largest allowed fraction (0..1) of events whose outcome changes, or null.</summary>
        public double? MaxChangeRate { get; }

        /// <summary>Gets whether a threshold (<see cref="MaxChanges"/> or <see cref="MaxChangeRate"/>) is set.</summary>
        public bool HasThresholds => MaxChanges != null || MaxChangeRate != null;

        /// <summary>Whether flips of a kind fail the gate.</summary>
        /// <param name="kind">The kind.</param>
        /// <returns>True when the kind is in <see cref="FailOn"/>.</returns>
        public bool IsGated(FlipKind kind) => kind >= FlipKind.None && kind <= FlipKind.StateDependent && _gated[(int)kind];

        /// <summary>Evaluates the gate on a summary.</summary>
        /// <param name="summary">The replay or compare summary.</param>
        /// <returns>Passed, or failed with one reason per failed check.</returns>
        public GateResult Evaluate(ReplaySummary summary)
        {
            Require.NotNull(summary, nameof(summary));

            var reasons = new List<string>();
            foreach (FlipKind k in FailOn)
            {
                long n = summary.Count(k);
                if (n > 0)
                {
                    reasons.Add(string.Format(CultureInfo.InvariantCulture, "{0} {1} flip{2} (fail on {1})", n, k, n == 1 ? string.Empty : "s"));
                }
            }

            if (MaxChanges != null && summary.Changed > MaxChanges.Value)
            {
                reasons.Add(string.Format(CultureInfo.InvariantCulture, "{0} outcome changes exceed the maximum of {1}", summary.Changed, MaxChanges.Value));
            }

            if (MaxChangeRate != null)
            {
                double rate = RateOf(summary);
                if (rate > MaxChangeRate.Value)
                {
                    reasons.Add(string.Format(CultureInfo.InvariantCulture, "{0} of {1} events changed outcome ({2}), above the maximum of {3}", summary.Changed, summary.Total, Percent(rate), Percent(MaxChangeRate.Value)));
                }
            }

            return new GateResult(reasons.Count == 0, reasons);
        }

        /// <summary>
        /// Parses a comma-separated list of flip kinds (case-insensitive) and the words <c>breaking</c>
        /// (AllowToDeny, AllowToWarn, WarnToDeny), <c>widening</c> (DenyToAllow, DenyToWarn, WarnToAllow),
        /// <c>changed</c> (both), <c>unknown</c> (ToUnknown, FromUnknown) and <c>any</c> (every kind but None).
        /// </summary>
        /// <param name="text">E.g. <c>AllowToDeny,widening</c>.</param>
        /// <returns>The kinds, without duplicates, in enum order.</returns>
        /// <exception cref="FormatException">A word is not a flip kind.</exception>
        public static IReadOnlyList<FlipKind> ParseKinds(string text)
        {
            Require.NotNull(text, nameof(text));

            var set = new SortedSet<FlipKind>();
            foreach (string raw in text.Split(','))
            {
                string word = raw.Trim();
                if (word.Length == 0)
                {
                    continue;
                }

                switch (word.ToUpperInvariant())
                {
                    case "BREAKING":
                        set.UnionWith(new[] { FlipKind.AllowToDeny, FlipKind.AllowToWarn, FlipKind.WarnToDeny });
                        continue;
                    case "WIDENING":
                        set.UnionWith(new[] { FlipKind.DenyToAllow, FlipKind.DenyToWarn, FlipKind.WarnToAllow });
                        continue;
                    case "CHANGED":
                        set.UnionWith(OutcomeKinds);
                        continue;
                    case "UNKNOWN":
                        set.UnionWith(new[] { FlipKind.ToUnknown, FlipKind.FromUnknown });
                        continue;
                    case "ANY":
                        for (var k = FlipKind.AllowToDeny; k <= FlipKind.StateDependent; k++)
                        {
                            set.Add(k);
                        }

                        continue;
                }

                bool found = false;
                for (var k = FlipKind.AllowToDeny; k <= FlipKind.StateDependent; k++)
                {
                    if (string.Equals(k.ToString(), word, StringComparison.OrdinalIgnoreCase))
                    {
                        set.Add(k);
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    throw new FormatException("unknown flip kind '" + word + "'; use flip kinds such as AllowToDeny or DenyToAllow, or breaking, widening, changed, unknown, any");
                }
            }

            return new List<FlipKind>(set);
        }

        /// <summary>
        /// Parses a change rate: <c>5%</c> is a percent; a bare number of at most 1 is a fraction (<c>0.05</c>);
        /// a bare number above 1 is a percent (<c>5</c> = 5%).
        /// </summary>
        /// <param name="text">The rate as written.</param>
        /// <returns>The fraction, 0..1.</returns>
        /// <exception cref="FormatException">Not a number between 0 and 100%.</exception>
        public static double ParseRate(string text)
        {
            Require.NotNull(text, nameof(text));

            string t = text.Trim();
            bool percent = t.Length > 0 && t[t.Length - 1] == '%';
            if (percent)
            {
                t = t.Substring(0, t.Length - 1).Trim();
            }

            if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || double.IsNaN(value) || double.IsInfinity(value) || value < 0)
            {
                throw new FormatException("the change rate must be a fraction such as 0.05 or a percent such as 5%; got '" + text + "'");
            }

            double fraction = percent || value > 1 ? value / 100 : value;
            if (fraction > 1)
            {
                throw new FormatException("the change rate must not exceed 100%; got '" + text + "'");
            }

            return fraction;
        }

        /// <summary>Formats the gate, e.g. <c>fail on AllowToDeny, DenyToAllow; max changes 10; max change rate 5%</c>.</summary>
        /// <returns>One line.</returns>
        public override string ToString()
        {
            var parts = new List<string>();
            if (FailOn.Count > 0)
            {
                parts.Add("fail on " + string.Join(", ", FailOn));
            }

            if (MaxChanges != null)
            {
                parts.Add("max changes " + MaxChanges.Value.ToString(CultureInfo.InvariantCulture));
            }

            if (MaxChangeRate != null)
            {
                parts.Add("max change rate " + Percent(MaxChangeRate.Value));
            }

            return parts.Count == 0 ? "no gate" : string.Join("; ", parts);
        }

        internal static double RateOf(ReplaySummary summary) => summary.Total == 0 ? 0 : (double)summary.Changed / summary.Total;

        internal static string Percent(double fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
    }
}
