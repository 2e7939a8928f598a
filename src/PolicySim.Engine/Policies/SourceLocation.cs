using System.Globalization;

namespace PolicySim.Policies
{
    /// <summary>Where something was written: a file (or built-in ruleset name) and a 1-based line and column.</summary>
    public sealed class SourceLocation
    {
        /// <summary>Creates a location.</summary>
        /// <param name="source">File path, <c>ruleset:NAME</c> or <c>&lt;inline&gt;</c>.</param>
        /// <param name="line">1-based line.</param>
        /// <param name="column">1-based column.</param>
        public SourceLocation(string source, int line, int column)
        {
            Source = source;
            Line = line;
            Column = column;
        }

        /// <summary>Gets the file path, <c>ruleset:NAME</c> or <c>&lt;inline&gt;</c>.</summary>
        public string Source { get; }

        /// <summary>Gets the 1-based line.</summary>
        public int Line { get; }

        /// <summary>Gets the 1-based column.</summary>
        public int Column { get; }

        /// <summary>Formats as <c>source:line:column</c>.</summary>
        /// <returns>The location.</returns>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}:{1}:{2}", Source, Line, Column);
    }
}
