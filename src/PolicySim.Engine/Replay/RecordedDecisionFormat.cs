namespace PolicySim.Replay
{
    /// <summary>The shape of a recorded-decision input. <see cref="Auto"/> detects it from the first record.</summary>
    public enum RecordedDecisionFormat
    {
        /// <summary>Detect from the first readable record.</summary>
        Auto,

        /// <summary>
        /// PolicyEvent objects (Clawdstrike spec §2) that may also carry <c>outcome</c> (<c>allowed|warn|blocked</c>) and a
        /// <c>decision</c> object shaped like the reference simulate output. Without either, the record has no baseline.
        /// </summary>
        PolicyEvents,

        /// <summary>Reference <c>simulate --jsonl</c> lines (<c>{eventId, outcome, decision, report}</c>), joined with an events input by event id.</summary>
        SimulateOutput,

        /// <summary>Clawdstrike daemon audit events (<c>id, timestamp, event_type, action_type, target, decision, guard, …</c>); no payloads.</summary>
        DaemonAudit,
    }
}
