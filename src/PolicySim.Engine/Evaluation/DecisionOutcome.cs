namespace PolicySim.Evaluation
{
    /// <summary>The outcome of a decision (design §5).</summary>
    public enum DecisionOutcome
    {
        /// <summary>Allowed with no warning (Clawdstrike <c>allowed</c>).</summary>
        Allowed,

        /// <summary>Allowed with a warning (Clawdstrike <c>warn</c>).</summary>
        Warned,

        /// <summary>Blocked (Clawdstrike <c>blocked</c>).</summary>
        Denied,

        /// <summary>Could not be decided: the record lacks or redacts a field a rule needs.</summary>
        Unknown,
    }
}
