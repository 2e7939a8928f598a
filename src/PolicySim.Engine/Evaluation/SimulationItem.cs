using PolicySim.Events;

namespace PolicySim.Evaluation
{
    /// <summary>One item of a simulation: a decision, or a record that could not be decided and why.</summary>
    public sealed class SimulationItem
    {
        internal SimulationItem(PolicyDecision decision, string source, long line)
        {
            Decision = decision;
            Source = source;
            Line = line;
        }

        internal SimulationItem(RecordError error)
        {
            Error = error;
            Source = error.Source;
            Line = error.Line;
        }

        /// <summary>Gets the decision, or null for an error.</summary>
        public PolicyDecision? Decision { get; }

        /// <summary>Gets the error, or null for a decision.</summary>
        public RecordError? Error { get; }

        /// <summary>Gets the line the run's line formatter made for the decision, or null.</summary>
        public string? FormattedLine { get; internal set; }

        /// <summary>Gets the input source.</summary>
        public string Source { get; }

        /// <summary>Gets the 1-based line the record starts on.</summary>
        public long Line { get; }
    }
}
