using System.Globalization;

namespace PolicySim.Replay
{
    /// <summary>A record that could not be replayed: where it is and why. Counted in the summary, never dropped silently.</summary>
    public sealed class ReplayError
    {
        /// <summary>Creates an error.</summary>
        /// <param name="source">The input name (path or <c>-</c>).</param>
        /// <param name="line">The physical 1-based line of the record.</param>
        /// <param name="kind">The kind of problem.</param>
        /// <param name="detail">What is wrong.</param>
        public ReplayError(string source, long line, ReplayErrorKind kind, string detail)
        {
            Source = source ?? string.Empty;
            Line = line;
            Kind = kind;
            Detail = detail ?? string.Empty;
        }

        /// <summary>Gets the input name.</summary>
        public string Source { get; }

        /// <summary>Gets the physical 1-based line.</summary>
        public long Line { get; }

        /// <summary>Gets the kind of problem.</summary>
        public ReplayErrorKind Kind { get; }

        /// <summary>Gets what is wrong.</summary>
        public string Detail { get; }

        /// <summary>Gets the stable error id for hosts, e.g. <c>PolicySim.Replay.InvalidJson</c>.</summary>
        public string ErrorId => "PolicySim.Replay." + Kind;

        /// <summary>Gets the message: <c>Invalid record on line 3: …</c>.</summary>
        public string Message => string.Format(CultureInfo.InvariantCulture, "{0} on line {1}: {2}", Describe(Kind), Line, Detail);

        /// <summary>Formats as <c>source:line: message</c>.</summary>
        /// <returns>One line naming the source.</returns>
        public override string ToString() => Source + ":" + Line.ToString(CultureInfo.InvariantCulture) + ": " + Message;

        private static string Describe(ReplayErrorKind kind) => kind switch
        {
            ReplayErrorKind.InvalidJson => "Invalid record JSON",
            ReplayErrorKind.InvalidRecord => "Invalid recorded decision",
            ReplayErrorKind.Unmappable => "Failed to map record",
            ReplayErrorKind.MissingOutcome => "No baseline for record",
            _ => "Unmatched record",
        };
    }
}
