namespace PolicySim.Cli
{
    /// <summary>Entry point of the <c>policysim</c> command.</summary>
    public static class Program
    {
        /// <summary>Runs the command line and returns its exit code.</summary>
        /// <param name="args">The arguments.</param>
        /// <returns>The exit code.</returns>
        public static int Main(string[] args) => 0;
    }
}
