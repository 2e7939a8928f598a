using System;
using System.IO;
using System.Text;
using PolicySim.Evaluation;
using PolicySim.Events;
using PolicySim.Policies;
using PolicySim.Reports;
using PolicySim.Serialization;

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

            byte[] bytes;
            try
            {
                if (Event == "-")
                {
                    using var stdin = console.OpenStdin();
                    using var ms = new MemoryStream();
                    stdin.CopyTo(ms);
                    bytes = ms.ToArray();
                }
                else
                {
                    bytes = File.ReadAllBytes(console.Resolve(Event));
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                string os = ex is FileNotFoundException || ex is DirectoryNotFoundException ? "No such file or directory (os error 2)" : ex.Message;
                return Error(console, policy, null, ExitCodes.Io, "Failed to read event from " + Event + ": " + os);
            }

            PolicyEvent ev;
            try
            {
                ev = PolicyEventParser.Parse(StripBom(bytes));
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
                var w = Envelope(policy, ev);
                w.WriteString("outcome", decision.OutcomeName);
                w.WriteInteger("exit_code", exit);
                w.WritePropertyName("decision");
                ClawdstrikeJson.WriteDecision(w, decision);
                w.WritePropertyName("report");
                ClawdstrikeJson.WriteReport(w, decision.Report);
                w.WriteEndObject();
                console.Out.WriteLine(w.ToString());
            }
            else
            {
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
            }

            return exit;
        }

        private static ReadOnlySpan<byte> StripBom(byte[] bytes) =>
            bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? bytes.AsSpan(3) : bytes;

        private SerdeJsonWriter Envelope(PolicyDefinition? policy, PolicyEvent? ev)
        {
            var w = new SerdeJsonWriter(pretty: true);
            w.WriteStartObject();
            w.WriteInteger("version", 1);
            w.WriteString("command", "policy_eval");
            w.WritePropertyName("policy");
            if (policy != null)
            {
                ClawdstrikeJson.WritePolicySource(w, policy);
            }
            else
            {
                SimulateCommand.WriteUnloadedSource(w, Policy);
            }

            if (ev != null)
            {
                w.WritePropertyName("event");
                PolicyEventMapper.WriteNormalizedEvent(w, ev);
            }

            return w;
        }

        private int Error(CliConsole console, PolicyDefinition? policy, PolicyEvent? ev, int exit, string message)
        {
            if (!Json)
            {
                console.Error.WriteLine("Error: " + message);
                return exit;
            }

            var w = Envelope(policy, ev);
            w.WriteString("outcome", "error");
            w.WriteInteger("exit_code", exit);
            w.WritePropertyName("decision");
            w.WriteStartObject();
            w.WriteBool("allowed", false);
            w.WriteBool("denied", false);
            w.WriteBool("warn", false);
            w.WriteNull("guard");
            w.WriteNull("severity");
            w.WriteNull("message");
            w.WriteNull("reason");
            w.WriteEndObject();
            w.WritePropertyName("report");
            w.WriteStartObject();
            w.WritePropertyName("overall");
            w.WriteStartObject();
            w.WriteBool("allowed", false);
            w.WriteString("guard", "engine");
            w.WriteString("severity", "error");
            w.WriteString("message", message);
            w.WriteEndObject();
            w.WritePropertyName("per_guard");
            w.WriteStartArray();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WritePropertyName("error");
            w.WriteStartObject();
            w.WriteString("kind", exit == ExitCodes.Io ? "runtime_error" : "config_error");
            w.WriteString("message", message);
            w.WriteEndObject();
            w.WriteEndObject();
            console.Out.WriteLine(w.ToString());
            return exit;
        }
    }
}
