namespace PolicySim.Policies
{
    /// <summary>
    /// One rule of a loaded policy, exposed so users can inspect policies and reports can point at them:
    /// a list entry (a glob, host pattern, tool name, secret regex) or a scalar setting of a guard.
    /// </summary>
    public sealed class PolicyRule
    {
        /// <summary>Creates a rule.</summary>
        /// <param name="id">Stable id: <c>guard/kind/pattern</c> or <c>guard/setting</c>.</param>
        /// <param name="dialect">The policy dialect, e.g. <c>clawdstrike</c>.</param>
        /// <param name="guard">The guard that owns the rule.</param>
        /// <param name="kind">What the rule is, e.g. <c>pattern</c>, <c>exception</c>, <c>allow</c>, <c>block</c>.</param>
        /// <param name="pattern">The pattern or value as written.</param>
        /// <param name="location">Where it was written, when known (built-in defaults have none).</param>
        public PolicyRule(string id, string dialect, string guard, string kind, string pattern, SourceLocation? location)
        {
            Id = id;
            Dialect = dialect;
            Guard = guard;
            Kind = kind;
            Pattern = pattern;
            Location = location;
        }

        /// <summary>Gets the stable id, <c>guard/kind/pattern</c> or <c>guard/setting</c>.</summary>
        public string Id { get; }

        /// <summary>Gets the dialect.</summary>
        public string Dialect { get; }

        /// <summary>Gets the guard that owns the rule.</summary>
        public string Guard { get; }

        /// <summary>Gets the kind of rule.</summary>
        public string Kind { get; }

        /// <summary>Gets the pattern or value as written.</summary>
        public string Pattern { get; }

        /// <summary>Gets where the rule was written, or null for built-in defaults.</summary>
        public SourceLocation? Location { get; }

        /// <summary>Gets the source file (or ruleset) of the rule, or null.</summary>
        public string? SourceFile => Location?.Source;

        /// <summary>Gets the 1-based line of the rule, or 0.</summary>
        public int Line => Location?.Line ?? 0;

        /// <summary>Returns the id.</summary>
        /// <returns>The id.</returns>
        public override string ToString() => Id;
    }
}
