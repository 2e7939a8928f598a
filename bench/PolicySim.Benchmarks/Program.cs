using System;
using BenchmarkDotNet.Running;

namespace PolicySim.Benchmarks
{
    /// <summary>Entry point: <c>tokenize FILE</c>, <c>profile POLICY FILE</c>, <c>session OLD NEW FILE [sequential|compare]</c>, <c>pathset FILE</c>, <c>latency POLICY FILE</c>, <c>parsecost FILE…</c>, or BenchmarkDotNet arguments.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length >= 2 && args[0] == "tokenize")
            {
                return Tokenize.Run(args[1]);
            }

            if (args.Length >= 2 && args[0] == "textprof")
            {
                return TextProfile.Run(args[1]);
            }

            if (args.Length >= 4 && args[0] == "session")
            {
                return SessionProfile.Run(args[1], args[2], args[3], args.Length >= 5 ? args[4] : "whole");
            }

            if (args.Length >= 2 && args[0] == "pathset")
            {
                return PathSetProfile.Run(args[1]);
            }

            if (args.Length >= 3 && args[0] == "fmtprof")
            {
                return FormatProfile.Run(args[1], args[2]);
            }

            if (args.Length >= 3 && args[0] == "latency")
            {
                return LatencyProfile.Run(args[1], args[2]);
            }

            if (args.Length >= 2 && args[0] == "parsecost")
            {
                return ParseCost.Run(args[1..]);
            }

            if (args.Length >= 3 && args[0] == "profile")
            {
                return StageProfile.Run(args[1], args[2]);
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }
    }
}
