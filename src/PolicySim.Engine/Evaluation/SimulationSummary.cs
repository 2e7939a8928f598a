using System.Globalization;

namespace PolicySim.Evaluation
{
    /// <summary>Counts of a simulation run (reference <c>summary</c>, plus the records that could not be read).</summary>
    public sealed class SimulationSummary
    {
        /// <summary>Gets the number of events decided.</summary>
        public long Total { get; internal set; }

        /// <summary>Gets the number allowed without warning.</summary>
        public long Allowed { get; internal set; }

        /// <summary>Gets the number allowed with a warning.</summary>
        public long Warn { get; internal set; }

        /// <summary>Gets the number blocked.</summary>
        public long Blocked { get; internal set; }

        /// <summary>Gets the number of records that could not be read, parsed or mapped (skipped, never silently).</summary>
        public long Errors { get; internal set; }

        internal void Count(DecisionOutcome outcome)
        {
            Total++;
            switch (outcome)
            {
                case DecisionOutcome.Denied:
                    Blocked++;
                    break;
                case DecisionOutcome.Warned:
                    Warn++;
                    break;
                default:
                    Allowed++;
                    break;
            }
        }

        /// <summary>Formats as the reference's completion line.</summary>
        /// <returns><c>Simulation complete: total=…, allowed=…, warn=…, blocked=…</c>.</returns>
        public override string ToString() => string.Format(
            CultureInfo.InvariantCulture,
            "Simulation complete: total={0}, allowed={1}, warn={2}, blocked={3}",
            Total,
            Allowed,
            Warn,
            Blocked);
    }
}
