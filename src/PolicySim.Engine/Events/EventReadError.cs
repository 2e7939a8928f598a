using System.Globalization;

namespace PolicySim.Events
{
    /// <summary>A record that could not be read: malformed JSON, invalid UTF-8, or a record over the size limit.</summary>
    public sealed class EventReadError
    {
        /// <summary>Creates an error.</summary>
        /// <param name="source">The input name.</param>
        /// <param name="line">The physical 1-based line of the record (or of the syntax error in a JSON array).</param>
        /// <param name="message">What is wrong.</param>
        public EventReadError(string source, long line, string message)
        {
            Source = source;
            Line = line;
            Message = message;
        }

        /// <summary>Gets the input name.</summary>
        public string Source { get; }

        /// <summary>Gets the physical 1-based line.</summary>
        public long Line { get; }

        /// <summary>Gets what is wrong, e.g. <c>EOF while parsing ... at line 1 column 12</c>.</summary>
        public string Message { get; }

        /// <inheritdoc />
        public override string ToString() => Source + ":" + Line.ToString(CultureInfo.InvariantCulture) + ": " + Message;
    }
}
