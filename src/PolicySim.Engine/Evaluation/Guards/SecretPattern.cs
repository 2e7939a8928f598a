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
            RequiredPrefix = Matching.RustPatternFacts.RequiredPrefix(source, out bool ignoreCase);
            PrefixIgnoresCase = ignoreCase;
        }

        public string Name { get; }

        public string Source { get; }

        public Regex Regex { get; }

        public GuardSeverity Severity { get; }

        public string? Description { get; }

        public bool LuhnCheck { get; }

        public int MaskFirst { get; }

        public int MaskLast { get; }

        /// <summary>Gets the literal every match starts with (null when unknown): text without it cannot match.</summary>
        public string? RequiredPrefix { get; }

        /// <summary>Gets whether <see cref="RequiredPrefix"/> is matched ignoring case (the pattern starts with <c>(?i)</c>).</summary>
        public bool PrefixIgnoresCase { get; }
    }
}
