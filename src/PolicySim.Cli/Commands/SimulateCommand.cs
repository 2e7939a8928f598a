using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using PolicySim.Evaluation;
using PolicySim.Events;
using PolicySim.Policies;
using PolicySim.Reports;

namespace PolicySim.Cli.Commands
{
    /// <summary><c>policysim simulate &lt;policy&gt; [events|-]</c>: decide every event (spec §5.3).</summary>
    internal sealed class SimulateCommand
    {
        /// <summary>Reader options of the streaming commands: the JSON check runs in the engine's parallel parse, same messages.</summary>
        internal static EventStreamOptions DeferredValidation => new EventStreamOptions { DeferValidation = true };

        public string Policy { get; set; } = string.Empty;

        public string? Events { get; set; }

        public bool Json { get; set; }

        public bool Jsonl { get; set; }

        public bool SummaryOnly { get; set; }

        public bool FailOnDeny { get; set; } = true;

        public bool Benchmark { get; set; }

        public bool Strict { get; set; }

        public bool TrackPosture { get; set; }

        public int Run(CliConsole console)
        {
            if (Json && Jsonl)
            {
                console.Error.WriteLine("Error: --json and --jsonl cannot be used together");
                return ExitCodes.Usage;
            }

            string eventsPath = Events ?? "-";
            PolicyDefinition? policy = PolicyArgument.Load(console, Policy, out int loadExit, out string? loadError);
            if (policy == null)
            {
                return Fail(console, null, eventsPath, loadExit, loadError!);
            }

            Stream input;
            try
            {
                if (eventsPath == "-" && console.StdinIsTerminal)
                {
                    console.Error.WriteLine("Reading PolicyEvent JSON lines from the terminal; end with Ctrl-D (Ctrl-Z Enter on Windows).");
                }

                input = eventsPath == "-" ? console.OpenStdin() : File.OpenRead(console.Resolve(eventsPath));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return Fail(console, policy, eventsPath, ExitCodes.Io, "Failed to read events from " + eventsPath + ": " + CliErrors.OsMessage(ex));
            }

            var summary = new SimulationSummary();
            var report = Json ? new SimulationJsonReport(Policy, policy, eventsPath, includeResults: !SummaryOnly) : null;
            RecordError? firstError = null;
            var stopwatch = Stopwatch.StartNew();
            using (input)
            {
                foreach (SimulationItem item in Simulation.Run(policy, EventStreamReader.ReadAll(input, eventsPath, DeferredValidation), summary, Strict, TrackPosture, Jsonl ? SimulationJsonReport.FormatResultLine : null))
                {
                    if (item.Error != null)
                    {
                        firstError ??= item.Error;
                        console.Error.WriteLine("Error: " + item.Error.Message + (eventsPath == "-" ? string.Empty : " (" + item.Error.Source + ")"));
                    }
                    else if (Jsonl)
                    {
                        console.Out.WriteLine(item.FormattedLine ?? SimulationJsonReport.FormatResultLine(item.Decision!));
                    }
                    else
                    {
                        report?.Add(item.Decision!);
                    }
                }
            }

            stopwatch.Stop();

            // A skipped record makes the run "invalid input" (3), as the reference's abort does, but only after
            // every other record was decided and counted.
            int exit = firstError != null ? ExitCodes.InvalidInput
                : !FailOnDeny ? ExitCodes.Ok
                : summary.Blocked > 0 ? ExitCodes.Denied
                : summary.Warn > 0 ? ExitCodes.Warnings
                : ExitCodes.Ok;

            string? errorMessage = firstError == null ? null : Strict ? firstError.Message : SkippedMessage(summary, firstError);
            if (report != null)
            {
                console.Out.WriteLine(report.Finish(summary, exit, errorMessage, "config_error"));
            }
            else
            {
                (Jsonl ? console.Error : console.Out).WriteLine(summary.ToString());
                if (errorMessage != null && !Strict)
                {
                    console.Error.WriteLine("Error: " + errorMessage);
                }
            }

            if (Benchmark)
            {
                double ms = stopwatch.Elapsed.TotalMilliseconds;
                double perSec = ms > 0 ? summary.Total / (ms / 1000.0) : 0;
                console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, "Benchmark: events={0}, duration_ms={1}, events_per_sec={2:0.00}", summary.Total, (long)ms, perSec));
            }

            return exit;
        }

        private static string SkippedMessage(SimulationSummary summary, RecordError first) =>
            string.Format(CultureInfo.InvariantCulture, "{0} record(s) could not be decided and were skipped; first: {1}", summary.Errors, first);

        private int Fail(CliConsole console, PolicyDefinition? policy, string eventsPath, int exit, string message)
        {
            if (Json)
            {
                var report = new SimulationJsonReport(Policy, policy, eventsPath, includeResults: false);
                console.Out.WriteLine(report.Finish(new SimulationSummary(), exit, message, exit == ExitCodes.Io ? "runtime_error" : "config_error"));
            }
            else
            {
                console.Error.WriteLine("Error: " + message);
            }

            return exit;
        }
    }
}
