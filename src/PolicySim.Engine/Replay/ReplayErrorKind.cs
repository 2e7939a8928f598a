namespace PolicySim.Replay
{
    /// <summary>What kind of problem a record had in a replay or compare.</summary>
    public enum ReplayErrorKind
    {
        /// <summary>The record is not valid JSON, or not a valid event of its format.</summary>
        InvalidJson,

        /// <summary>The record is valid JSON but its recorded decision cannot be read (e.g. an unknown outcome word).</summary>
        InvalidRecord,

        /// <summary>The event cannot be mapped to an action (unsupported event or action type, type mismatch).</summary>
        Unmappable,

        /// <summary>No baseline: the record carries no recorded outcome and no baseline policy was given.</summary>
        MissingOutcome,

        /// <summary>A simulate-output line and an event could not be joined by event id.</summary>
        Unmatched,
    }
}
