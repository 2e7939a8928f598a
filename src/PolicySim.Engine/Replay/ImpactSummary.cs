using System;

namespace PolicySim.Replay
{
    /// <summary>The reference <c>policy impact</c> summary (Clawdstrike spec §5.5), derived from a <see cref="ReplaySummary"/>.</summary>
    public sealed class ImpactSummary
    {
        private ImpactSummary(ReplaySummary s)
        {
            Total = s.Total;
            AllowToWarn = s.Count(FlipKind.AllowToWarn);
            AllowToBlock = s.Count(FlipKind.AllowToDeny);
            WarnToAllow = s.Count(FlipKind.WarnToAllow);
            WarnToBlock = s.Count(FlipKind.WarnToDeny);
            BlockToAllow = s.Count(FlipKind.DenyToAllow);
            BlockToWarn = s.Count(FlipKind.DenyToWarn);
        }

        /// <summary>Gets the number of events compared.</summary>
        public long Total { get; }

        /// <summary>Gets the number of events whose outcome differs (the sum of the six counters).</summary>
        public long Changed => AllowToWarn + AllowToBlock + WarnToAllow + WarnToBlock + BlockToAllow + BlockToWarn;

        /// <summary>Gets allow → warn.</summary>
        public long AllowToWarn { get; }

        /// <summary>Gets allow → block (the reference's only "breaking" count for <c>--fail-on-breaking</c>).</summary>
        public long AllowToBlock { get; }

        /// <summary>Gets warn → allow.</summary>
        public long WarnToAllow { get; }

        /// <summary>Gets warn → block.</summary>
        public long WarnToBlock { get; }

        /// <summary>Gets block → allow.</summary>
        public long BlockToAllow { get; }

        /// <summary>Gets block → warn.</summary>
        public long BlockToWarn { get; }

        /// <summary>Derives the impact counters.</summary>
        /// <param name="summary">The replay or compare summary.</param>
        /// <returns>The counters.</returns>
        public static ImpactSummary From(ReplaySummary summary) => new ImpactSummary(summary ?? throw new ArgumentNullException(nameof(summary)));
    }
}
