namespace PolicySim.Replay
{
    /// <summary>Either a recorded decision or an error, in input order.</summary>
    public readonly struct RecordedDecisionReadResult
    {
        /// <summary>Creates a successful result.</summary>
        /// <param name="record">The record.</param>
        public RecordedDecisionReadResult(RecordedDecision record)
        {
            Record = record;
            Error = null;
            Skipped = false;
        }

        /// <summary>Creates a failed result.</summary>
        /// <param name="error">The error.</param>
        public RecordedDecisionReadResult(ReplayError error)
        {
            Record = null;
            Error = error;
            Skipped = false;
        }

        private RecordedDecisionReadResult(bool skipped)
        {
            Record = null;
            Error = null;
            Skipped = skipped;
        }

        /// <summary>Gets the record, or null.</summary>
        public RecordedDecision? Record { get; }

        /// <summary>Gets the error, or null.</summary>
        public ReplayError? Error { get; }

        /// <summary>Gets whether the input held a record that is not a decision (e.g. a daemon <c>session_start</c>); counted as filtered out.</summary>
        public bool Skipped { get; }

        /// <summary>Gets whether this is an error.</summary>
        public bool IsError => Error != null;

        /// <summary>A result for a record that is not a decision.</summary>
        /// <returns>The result.</returns>
        public static RecordedDecisionReadResult NotADecision() => new RecordedDecisionReadResult(true);
    }
}
