namespace PolicySim.Cli
{
    /// <summary>Documented exit codes (design §7; reference spec §5.3).</summary>
    internal static class ExitCodes
    {
        public const int Ok = 0;
        public const int Warnings = 1;
        public const int Denied = 2;
        public const int InvalidInput = 3;
        public const int Io = 4;
        public const int Usage = 5;
    }
}
