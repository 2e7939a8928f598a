using System;
using System.IO;
using PolicySim.Events;
using PolicySim.Policies;
using PolicySim.Replay;
using PolicySim.Reports;

namespace PolicySim.Cli.Commands
{
    /// <summary><c>policysim impact &lt;old&gt; &lt;new&gt; &lt;events|-&gt; [--json] [--fail-on-breaking]</c> (reference spec §5.5).</summary>
    internal sealed class ImpactCommand
    {
        public string OldPolicy { get; set; } = string.Empty;

        public string NewPolicy { get; set; } = string.Empty;

        public string Events { get; set; } = "-";

        public bool Json { get; set; }

        public bool FailOnBreaking { get; set; }

        public int Run(CliConsole console)
        {
            PolicyDefinition? oldPolicy = PolicyArgument.Load(console, OldPolicy, out int exit, out string? error);
            PolicyDefinition? newPolicy = null;
            if (oldPolicy != null)
            {
                newPolicy = PolicyArgument.Load(console, NewPolicy, out exit, out error);
            }

            if (oldPolicy == null || newPolicy == null)
            {
                return Fail(console, oldPolicy, newPolicy, null, exit, error!);
            }

            var summary = new ReplaySummary();
            ReplayError? first = null;
            try
            {
                using Stream input = Events == "-" ? console.OpenStdin() : File.OpenRead(console.Resolve(Events));
                foreach (ReplayItem item in PolicyComparison.Run(oldPolicy, newPolicy, EventStreamReader.ReadAll(input, Events, SimulateCommand.DeferredValidation), null, summary))
                {
                    if (item.Error != null)
                    {
                        first ??= item.Error;
                        console.Error.WriteLine("Error: " + item.Error.Message);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return Fail(console, oldPolicy, newPolicy, null, ExitCodes.Io, "Failed to read events from " + Events + ": " + CliErrors.OsMessage(ex));
            }

            ImpactSummary impact = ImpactSummary.From(summary);
            bool breaking = FailOnBreaking && impact.AllowToBlock > 0;
            exit = first != null ? ExitCodes.InvalidInput : breaking ? ExitCodes.Denied : ExitCodes.Ok;
            if (Json)
            {
                console.Out.WriteLine(ImpactReport.Json(OldPolicy, oldPolicy, NewPolicy, newPolicy, Events, impact, exit, first == null ? null : "config_error", first?.Message));
            }
            else
            {
                console.Out.Write(ImpactReport.Text(impact));
            }

            if (breaking)
            {
                console.Error.WriteLine("Breaking changes detected (allow -> block).");
            }

            return exit;
        }

        private int Fail(CliConsole console, PolicyDefinition? oldPolicy, PolicyDefinition? newPolicy, ImpactSummary? impact, int exit, string message)
        {
            if (Json)
            {
                console.Out.WriteLine(ImpactReport.Json(OldPolicy, oldPolicy, NewPolicy, newPolicy, Events, impact, exit, exit == ExitCodes.Io ? "runtime_error" : "config_error", message));
            }
            else
            {
                console.Error.WriteLine("Error: " + message);
            }

            return exit;
        }
    }
}
