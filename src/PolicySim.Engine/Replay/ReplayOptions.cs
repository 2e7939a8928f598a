using System;
using System.Collections.Generic;
using PolicySim.Policies;

namespace PolicySim.Replay
{
    /// <summary>What to replay and how: baseline, time window, filters, sampling, strictness.</summary>
    /// <remarks>
    /// Order of application: read errors are counted first; then the time window and event-type filter (counted as
    /// filtered out); then sampling (sampled out); then the record is decided and the guard filter applied (filtered out).
    /// </remarks>
    public sealed class ReplayOptions
    {
        private double _sampleRate = 1.0;

        /// <summary>Gets or sets the policy that decides the baseline; null to compare with the recorded outcomes.</summary>
        public PolicyDefinition? BaselinePolicy { get; set; }

        /// <summary>Gets or sets the inclusive lower bound of event times, or null.</summary>
        public DateTimeOffset? Since { get; set; }

        /// <summary>Gets or sets the exclusive upper bound of event times, or null.</summary>
        public DateTimeOffset? Until { get; set; }

        /// <summary>Gets or sets the event types to keep (exact, ordinal), or null/empty for all.</summary>
        public IReadOnlyCollection<string>? EventTypes { get; set; }

        /// <summary>Gets or sets the guards to keep: a result is kept when its baseline or candidate guard is one of them. Null/empty for all.</summary>
        public IReadOnlyCollection<string>? Guards { get; set; }

        /// <summary>Gets or sets the fraction of events kept, 0..1 (default 1: all). Which events are kept depends only on (<see cref="Seed"/>, event id).</summary>
        public double SampleRate
        {
            get => _sampleRate;
            set => _sampleRate = value >= 0 && value <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "must be between 0 and 1");
        }

        /// <summary>Gets or sets the sampling seed (default 0).</summary>
        public long Seed { get; set; }

        /// <summary>Gets or sets whether the first bad record ends the run.</summary>
        public bool Strict { get; set; }

        /// <summary>
        /// Gets or sets a formatter for each result's output line (null: none). It runs where the result is decided, on
        /// every core when records are decided in parallel, and its line is on <see cref="ReplayItem.FormattedLine"/>.
        /// It must be pure; returning null means "no line".
        /// </summary>
        public Func<ReplayResult, string?>? ResultLineFormatter { get; set; }

        /// <summary>A copy of these options with <paramref name="baseline"/> as the baseline policy (how compare is a replay).</summary>
        internal ReplayOptions WithBaseline(Policies.PolicyDefinition baseline) => new ReplayOptions
        {
            BaselinePolicy = baseline,
            Since = Since,
            Until = Until,
            EventTypes = EventTypes,
            Guards = Guards,
            SampleRate = SampleRate,
            Seed = Seed,
            Strict = Strict,
            ResultLineFormatter = ResultLineFormatter,
        };
    }
}
