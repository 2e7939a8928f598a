namespace PolicySim.Evaluation.Guards
{
    /// <summary>Which stage a guard runs in (spec §4.1).</summary>
    internal enum GuardStage
    {
        Fast,
        Standard,
    }

    /// <summary>A compiled, immutable, thread-safe guard.</summary>
    internal interface IGuard
    {
        /// <summary>Gets the reported guard name.</summary>
        string Name { get; }

        GuardStage Stage { get; }

        /// <summary>Whether this guard runs for <paramref name="action"/> (spec §2.4).</summary>
        bool Handles(PolicyAction action);

        GuardResult Evaluate(PolicyAction action);

        /// <summary>
        /// Gets the guard's configuration key (<see cref="GuardConfigKey"/>): guards with equal keys decide every action
        /// alike, so a comparison decides them once per event (<see cref="GuardResultMemo"/>).
        /// </summary>
        string ConfigKey { get; }
    }
}
