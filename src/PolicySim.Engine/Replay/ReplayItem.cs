namespace PolicySim.Replay
{
    /// <summary>One item of a replay or compare: a result, or a record that could not be replayed and why.</summary>
    public sealed class ReplayItem
    {
        internal ReplayItem(ReplayResult result)
        {
            Result = result;
            Source = result.Source;
            Line = result.Line;
        }

        internal ReplayItem(ReplayError error)
        {
            Error = error;
            Source = error.Source;
            Line = error.Line;
        }

        /// <summary>Gets the result, or null for an error.</summary>
        public ReplayResult? Result { get; }

        /// <summary>Gets the error, or null for a result.</summary>
        public ReplayError? Error { get; }

        /// <summary>Gets the line <see cref="ReplayOptions.ResultLineFormatter"/> made for the result, or null.</summary>
        public string? FormattedLine { get; internal set; }

        /// <summary>Gets the input name.</summary>
        public string Source { get; }

        /// <summary>Gets the physical 1-based line.</summary>
        public long Line { get; }

        /// <inheritdoc />
        public override string ToString() => Result?.ToString() ?? Error!.ToString();
    }
}
