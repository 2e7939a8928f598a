using PolicySim.Policies;
using PolicySim.Policies.Diff;

namespace PolicySim.Replay
{
    /// <summary>A policy change that causes a flip group (see <see cref="PolicyAttribution"/>).</summary>
    public sealed class FlipCause
    {
        /// <summary>Creates a cause.</summary>
        /// <param name="description">The diff line, with <c>(file:line)</c> when known.</param>
        /// <param name="change">The structural change, or null when restored from a report.</param>
        /// <param name="responsible">True when this change alone produces the flip; false when it only contributes.</param>
        public FlipCause(string description, PolicyChange? change, bool responsible)
        {
            Description = description;
            Change = change;
            Responsible = responsible;
        }

        /// <summary>Gets the description: the diff line, with the file and line of the new value when known.</summary>
        public string Description { get; }

        /// <summary>Gets the structural change, or null when the cause was read back from a JSON report.</summary>
        public PolicyChange? Change { get; }

        /// <summary>Gets whether this change alone turns the old decision into the new one.</summary>
        public bool Responsible { get; }

        /// <summary>Gets where the change was written, when known.</summary>
        public SourceLocation? Location => Change?.Location;

        /// <summary>Returns the description (prefixed <c>(with others)</c> for contributing changes).</summary>
        /// <returns>One line.</returns>
        public override string ToString() => Responsible ? Description : "(with others) " + Description;

        /// <summary>Reads a cause back from its text form (as written in a JSON report).</summary>
        internal static FlipCause Parse(string text) => text.StartsWith("(with others) ", System.StringComparison.Ordinal)
            ? new FlipCause(text.Substring("(with others) ".Length), null, responsible: false)
            : new FlipCause(text, null, responsible: true);
    }
}
