using System.Text.RegularExpressions;

namespace PolicySim.Evaluation.Guards
{
    /// <summary>One compiled secret pattern of <c>secret_leak</c>.</summary>
    internal sealed class SecretPattern
    {
        public SecretPattern(string name, string source, Regex regex, GuardSeverity severity, string? description, bool luhnCheck, int maskFirst, int maskLast)
        {
            Name = name;
            Source = source;
            Regex = regex;
            Severity = severity;
            Description = description;
            LuhnCheck = luhnCheck;
            MaskFirst = maskFirst;
            MaskLast = maskLast;
            Prefilter = Matching.LeadingLiteral.Of(source);
        }

        public string Name { get; }

        public string Source { get; }

        public Regex Regex { get; }

        public GuardSeverity Severity { get; }

        public string? Description { get; }

        public bool LuhnCheck { get; }

        public int MaskFirst { get; }

        public int MaskLast { get; }

        /// <summary>Gets the literal every match starts with: text without it cannot match.</summary>
        public Matching.LeadingLiteral Prefilter { get; }
    }
}
