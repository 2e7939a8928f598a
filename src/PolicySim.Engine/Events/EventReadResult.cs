namespace PolicySim.Events
{
    /// <summary>Either a record or an error, in input order.</summary>
    public readonly struct EventReadResult
    {
        /// <summary>Creates a successful result.</summary>
        /// <param name="record">The record.</param>
        public EventReadResult(EventRecord record)
        {
            Record = record;
            Error = null;
        }

        /// <summary>Creates a failed result.</summary>
        /// <param name="error">The error.</param>
        public EventReadResult(EventReadError error)
        {
            Record = default;
            Error = error;
        }

        /// <summary>Gets the record (default when <see cref="IsError"/>).</summary>
        public EventRecord Record { get; }

        /// <summary>Gets the error, or null.</summary>
        public EventReadError? Error { get; }

        /// <summary>Gets whether this is an error.</summary>
        public bool IsError => Error != null;

        /// <summary>The record's size in bytes (0 for an error), for bounding how much input is in flight.</summary>
        internal static int InputSize(EventReadResult result) => result.Error != null ? 0 : result.Record.Json.Length;

        /// <summary>Gets the line of the record or error.</summary>
        public long Line => Error?.Line ?? Record.Line;
    }
}
