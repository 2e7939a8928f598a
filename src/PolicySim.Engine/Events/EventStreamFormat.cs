namespace PolicySim.Events
{
    /// <summary>How an event input is laid out; detected from its first non-whitespace byte.</summary>
    public enum EventStreamFormat
    {
        /// <summary>Not known yet (nothing read).</summary>
        Unknown,

        /// <summary>One JSON value per physical line; blank lines skipped.</summary>
        JsonLines,

        /// <summary>One JSON array of events (first non-whitespace byte <c>[</c>), on one or many lines.</summary>
        JsonArray,
    }
}
