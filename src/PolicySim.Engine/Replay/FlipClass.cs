namespace PolicySim.Replay
{
    /// <summary>The direction of a flip: more restrictive, less restrictive, or neither.</summary>
    public enum FlipClass
    {
        /// <summary>No flip.</summary>
        None,

        /// <summary>More restrictive: <see cref="FlipKind.AllowToDeny"/>, <see cref="FlipKind.WarnToDeny"/>, <see cref="FlipKind.AllowToWarn"/>.</summary>
        Breaking,

        /// <summary>Less restrictive: <see cref="FlipKind.DenyToAllow"/>, <see cref="FlipKind.DenyToWarn"/>, <see cref="FlipKind.WarnToAllow"/>.</summary>
        Widening,

        /// <summary>Any other difference: reason changes, unknowns, state-dependent decisions.</summary>
        Other,
    }
}
