using System.Globalization;

namespace PolicySim.Policies
{
    /// <summary>
    /// One problem found while loading a policy: where it is (source, line, column, field path) and what is wrong.
    /// </summary>
    public sealed class PolicyDiagnostic
    {
        /// <summary>Creates a diagnostic.</summary>
        /// <param name="source">The file path, built-in ruleset name or <c>&lt;inline&gt;</c>.</param>
        /// <param name="line">1-based line, or 0 when unknown.</param>
        /// <param name="column">1-based column, or 0 when unknown.</param>
        /// <param name="fieldPath">Dotted field path such as <c>guards.forbidden_path.patterns[2]</c>; empty for the document.</param>
        /// <param name="message">What is wrong, in the dialect's own wording where it has one.</param>
        public PolicyDiagnostic(string source, int line, int column, string fieldPath, string message)
        {
            Source = source;
            Line = line;
            Column = column;
            FieldPath = fieldPath;
            Message = message;
        }

        /// <summary>Gets the file path, built-in ruleset name or <c>&lt;inline&gt;</c>.</summary>
        public string Source { get; }

        /// <summary>Gets the 1-based line, or 0 when unknown.</summary>
        public int Line { get; }

        /// <summary>Gets the 1-based column, or 0 when unknown.</summary>
        public int Column { get; }

        /// <summary>Gets the field path (dotted, with [index] for list items).</summary>
        public string FieldPath { get; }

        /// <summary>Gets the message.</summary>
        public string Message { get; }

        /// <summary>Formats as <c>source:line:column: path: message</c>.</summary>
        /// <returns>The diagnostic as one line.</returns>
        public override string ToString()
        {
            string where = Line > 0
                ? string.Format(CultureInfo.InvariantCulture, "{0}:{1}:{2}", Source, Line, Column)
                : Source;
            return FieldPath.Length == 0 ? where + ": " + Message : where + ": " + FieldPath + ": " + Message;
        }
    }
}
