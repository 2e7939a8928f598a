namespace PolicySim.Policies.Diff
{
    /// <summary>How one path differs between two policies (spec §5.7).</summary>
    public enum PolicyChangeKind
    {
        /// <summary>Present only in the new policy.</summary>
        Added,

        /// <summary>Present only in the old policy.</summary>
        Removed,

        /// <summary>Present in both with different values or types.</summary>
        Changed,
    }
}
