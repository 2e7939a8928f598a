using System;
using System.IO;
using PolicySim.Evaluation;
using PolicySim.Events;
using PolicySim.Policies;
using PolicySim.Reports;

namespace PolicySim.Cli.Commands
{
    /// <summary><c>policysim eval &lt;policy&gt; &lt;event.json|-&gt;</c>: decide one event (spec §5.4).</summary>
    internal sealed class EvalCommand
    {
        public string Policy { get; set; } = string.Empty;

        public string Event { get; set; } = "-";

        public bool Json { get; set; }

        public int Run(CliConsole console)
        {
            PolicyDefinition? policy = PolicyArgument.Load(console, Policy, out int loadExit, out string? loadError);
            if (policy == null)
            {
                return Error(console, null, null, loadExit, loadError!);
            }

            string text;
            try
            {
                if (Event == "-")
                {
                    using var reader = new StreamReader(console.OpenStdin());
                    text = reader.ReadToEnd();
                }
                else
                {
                    text = File.ReadAllText(console.Resolve(Event));
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return Error(console, policy, null, ExitCodes.Io, "Failed to read event from " + Event + ": " + CliErrors.OsMessage(ex));
            }

            PolicyEvent ev;
            try
            {
                ev = PolicyDecider.ParseEvent(text);
            }
            catch (PolicyEventFormatException ex)
            {
                return Error(console, policy, null, ExitCodes.InvalidInput, "Invalid PolicyEvent JSON: " + ex.Message);
            }

            PolicyDecision decision;
            try
            {
                decision = PolicyDecider.Decide(policy, ev);
            }
            catch (PolicyEventMappingException ex)
            {
                return Error(console, policy, ev, ExitCodes.InvalidInput, "Failed to map PolicyEvent: " + ex.Message);
            }

            int exit = decision.Outcome switch
            {
                DecisionOutcome.Denied => ExitCodes.Denied,
                DecisionOutcome.Warned => ExitCodes.Warnings,
                _ => ExitCodes.Ok,
            };

            if (Json)
            {
                console.Out.WriteLine(EvalJsonReport.Format(Policy, policy, decision, exit));
                return exit;
            }

            GuardResult o = decision.Report.Overall;
            switch (decision.Outcome)
            {
                case DecisionOutcome.Denied:
                    console.Error.WriteLine("BLOCKED [" + o.Guard + "] (" + o.Severity + "): " + o.Message);
                    break;
                case DecisionOutcome.Warned:
                    console.Out.WriteLine("WARN [" + o.Guard + "]: " + o.Message);
                    break;
                default:
                    console.Out.WriteLine("ALLOWED: " + o.Message);
                    break;
            }

            return exit;
        }

        private int Error(CliConsole console, PolicyDefinition? policy, PolicyEvent? ev, int exit, string message)
        {
            if (Json)
            {
                console.Out.WriteLine(EvalJsonReport.FormatError(Policy, policy, ev, exit, message, exit == ExitCodes.Io ? "runtime_error" : "config_error"));
            }
            else
            {
                console.Error.WriteLine("Error: " + message);
            }

            return exit;
        }
    }
}
