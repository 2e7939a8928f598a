using System.Globalization;

namespace PolicySim.Events
{
    /// <summary>What kind of problem a record had.</summary>
    public enum RecordErrorKind
    {
        /// <summary>The record is not valid JSON, or not a valid PolicyEvent (reference: <c>Invalid PolicyEvent JSON</c>).</summary>
        InvalidJson,

        /// <summary>The event is valid JSON but cannot be mapped to an action (reference: <c>Failed to map PolicyEvent</c>).</summary>
        Unmappable,
    }

    /// <summary>A record that could not be decided: where it is and why. Counted, reported, never dropped silently.</summary>
    public sealed class RecordError
    {
        /// <summary>Creates a record error.</summary>
        /// <param name="source">The file or <c>-</c>.</param>
        /// <param name="line">1-based line.</param>
        /// <param name="kind">The kind.</param>
        /// <param name="detail">The underlying message.</param>
        public RecordError(string source, long line, RecordErrorKind kind, string detail)
        {
            Source = source;
            Line = line;
            Kind = kind;
            Detail = detail;
        }

        /// <summary>Gets the source.</summary>
        public string Source { get; }

        /// <summary>Gets the 1-based line.</summary>
        public long Line { get; }

        /// <summary>Gets the kind.</summary>
        public RecordErrorKind Kind { get; }

        /// <summary>Gets the underlying message.</summary>
        public string Detail { get; }

        /// <summary>Gets the stable error id for hosts, e.g. <c>PolicySim.Events.InvalidJson</c>.</summary>
        public string ErrorId => "PolicySim.Events." + Kind;

        /// <summary>Gets the message in the reference CLI's wording.</summary>
        public string Message => string.Format(
            CultureInfo.InvariantCulture,
            Kind == RecordErrorKind.InvalidJson ? "Invalid PolicyEvent JSON on line {0}: {1}" : "Failed to map PolicyEvent on line {0}: {1}",
            Line,
            Detail);

        /// <summary>Formats as <c>source:line: message</c>.</summary>
        /// <returns>One line naming the source.</returns>
        public override string ToString() => Source + ":" + Line.ToString(CultureInfo.InvariantCulture) + ": " + Message;
    }
}
