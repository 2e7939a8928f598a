namespace PolicySim.Replay
{
    /// <summary>Which input of a simulate-output join is held in memory (the smaller one); the other is streamed.</summary>
    public enum RecordJoinSide
    {
        /// <summary>Hold the simulate output (decisions) in memory; stream the events.</summary>
        SimulateOutput,

        /// <summary>Hold the events in memory; stream the simulate output.</summary>
        Events,
    }
}
