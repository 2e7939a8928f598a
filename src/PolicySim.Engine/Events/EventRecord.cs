using System;

namespace PolicySim.Events
{
    /// <summary>One raw event record read from an input: the UTF-8 JSON of one value and where it came from.</summary>
    public readonly struct EventRecord
    {
        /// <summary>Creates a record.</summary>
        /// <param name="source">The input name (file path, or <c>-</c> for stdin).</param>
        /// <param name="line">The physical 1-based line where the record starts.</param>
        /// <param name="json">The raw UTF-8 JSON of the record.</param>
        public EventRecord(string source, long line, ReadOnlyMemory<byte> json)
        {
            Source = source;
            Line = line;
            Json = json;
        }

        /// <summary>Creates a record whose JSON a validating reader already checked (parsers skip re-validation).</summary>
        internal EventRecord(string source, long line, ReadOnlyMemory<byte> json, bool validated)
            : this(source, line, json)
        {
            Validated = validated;
        }

        /// <summary>Creates a record whose JSON check is left to the parser (see <see cref="EventStreamOptions.DeferValidation"/>).</summary>
        internal EventRecord(string source, long line, ReadOnlyMemory<byte> json, bool validated, bool validationDeferred)
            : this(source, line, json, validated)
        {
            ValidationDeferred = validationDeferred;
        }

        /// <summary>Gets the input name.</summary>
        public string Source { get; }

        /// <summary>Gets the physical 1-based line where the record starts.</summary>
        public long Line { get; }

        /// <summary>
        /// Gets the raw UTF-8 JSON. From <see cref="EventStreamReader.TryRead"/> it is valid only until the next read;
        /// from <see cref="EventStreamReader.ReadAll(System.IO.Stream, string, EventStreamOptions?)"/> it is a private copy.
        /// </summary>
        public ReadOnlyMemory<byte> Json { get; }

        /// <summary>Gets whether <see cref="Json"/> passed serde_json validation when it was read.</summary>
        internal bool Validated { get; }

        /// <summary>Gets whether a reader skipped the JSON check it was asked for, leaving it to the parser.</summary>
        internal bool ValidationDeferred { get; }

        /// <inheritdoc />
        public override string ToString() => Source + ":" + Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
