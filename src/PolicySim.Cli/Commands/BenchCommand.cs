using System;
using System.CommandLine;
using System.IO;
using PolicySim.Evaluation;
using PolicySim.Events;
using PolicySim.Policies;

namespace PolicySim.Cli.Commands
{
    /// <summary><c>policysim bench &lt;policy&gt; &lt;events|-&gt;</c>: per-event and per-guard latency, throughput, slowest events, recommendations.</summary>
    internal sealed class BenchCommand
    {
        public string Policy { get; set; } = string.Empty;

        public string Events { get; set; } = "-";

        public int Slowest { get; set; } = 10;

        public int Warmup { get; set; } = 1000;

        public static Command Build(CliConsole console)
        {
            var policy = new Argument<string>("policy") { Description = "A policy file path or a built-in ruleset name." };
            var events = new Argument<string>("events") { Description = "PolicyEvent JSONL or JSON array file, or '-' for stdin." };
            var slowest = new Option<int>("--slowest") { Description = "How many of the slowest events to list.", DefaultValueFactory = _ => 10 };
            var warmup = new Option<int>("--warmup") { Description = "Events decided before measuring (JIT, caches).", DefaultValueFactory = _ => 1000 };
            var cmd = new Command("bench", "Measure decision latency (per event and per guard) and throughput of a policy on an event log.") { policy, events, slowest, warmup };
            cmd.SetAction(parse => new BenchCommand
            {
                Policy = parse.GetValue(policy)!,
                Events = parse.GetValue(events)!,
                Slowest = parse.GetValue(slowest),
                Warmup = parse.GetValue(warmup),
            }.Run(console));
            return cmd;
        }

        public int Run(CliConsole console)
        {
            PolicyDefinition? policy = PolicyArgument.Load(console, Policy, out int exit, out string? error);
            if (policy == null)
            {
                console.Error.WriteLine("Error: " + error);
                return exit;
            }

            try
            {
                using Stream input = Events == "-" ? console.OpenStdin() : File.OpenRead(console.Resolve(Events));
                PolicyBenchmarkResult result = PolicyBenchmark.Measure(policy, EventStreamReader.ReadAll(input, Events), Slowest, Warmup);
                console.Out.Write(result.ToText());
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                console.Error.WriteLine("Error: Failed to read events from " + Events + ": " + CliErrors.OsMessage(ex));
                return ExitCodes.Io;
            }
        }
    }
}
