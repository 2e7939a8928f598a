namespace PolicySim.Replay
{
    /// <summary>How a candidate decision differs from its baseline (design §5).</summary>
    public enum FlipKind
    {
        /// <summary>Same outcome, same guard, message and reason code.</summary>
        None,

        /// <summary>Allowed before, blocked now (breaking).</summary>
        AllowToDeny,

        /// <summary>Allowed before, warned now (breaking).</summary>
        AllowToWarn,

        /// <summary>Warned before, blocked now (breaking).</summary>
        WarnToDeny,

        /// <summary>Warned before, allowed now (widening).</summary>
        WarnToAllow,

        /// <summary>Blocked before, allowed now (widening: the security risk).</summary>
        DenyToAllow,

        /// <summary>Blocked before, warned now (widening).</summary>
        DenyToWarn,

        /// <summary>Same outcome, but another guard, reason code or (for blocks and warnings) message.</summary>
        ReasonChanged,

        /// <summary>The candidate decision is unknown: the record lacks or redacts a field a rule needs.</summary>
        ToUnknown,

        /// <summary>The baseline decision is unknown but the candidate's is known.</summary>
        FromUnknown,

        /// <summary>The decision depends on state carried between events (rate limits, posture); reported apart.</summary>
        StateDependent,
    }
}
