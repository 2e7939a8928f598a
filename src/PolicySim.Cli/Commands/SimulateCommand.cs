using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using PolicySim.Evaluation;
using PolicySim.Events;
using PolicySim.Policies;
using PolicySim.Reports;
using PolicySim.Serialization;

namespace PolicySim.Cli.Commands
{
    /// <summary><c>policysim simulate &lt;policy&gt; [events|-]</c>: decide every event (spec §5.3).</summary>
    internal sealed class SimulateCommand
    {
        public string Policy { get; set; } = string.Empty;

        public string? Events { get; set; }

        public bool Json { get; set; }

        public bool Jsonl { get; set; }

        public bool SummaryOnly { get; set; }

        public bool FailOnDeny { get; set; } = true;

        public bool Benchmark { get; set; }

        public bool Strict { get; set; }

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
                return Fail(console, null, eventsPath, new SimulationSummary(), null, loadExit, loadError!, loadExit == ExitCodes.Io ? "runtime_error" : "config_error");
            }

            Stream input;
            try
            {
                input = eventsPath == "-" ? console.OpenStdin() : File.OpenRead(console.Resolve(eventsPath));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                string os = ex is FileNotFoundException || ex is DirectoryNotFoundException ? "No such file or directory (os error 2)" : ex.Message;
                return Fail(console, policy, eventsPath, new SimulationSummary(), null, ExitCodes.Io, "Failed to read events from " + eventsPath + ": " + os, "runtime_error");
            }

            var summary = new SimulationSummary();
            var stopwatch = Stopwatch.StartNew();
            SerdeJsonWriter? results = Json ? new SerdeJsonWriter(pretty: true) : null;
            RecordError? firstError = null;
            using (input)
            {
                results?.WriteStartArray();
                var line = new SerdeJsonWriter(pretty: false);
                foreach (SimulationItem item in Simulation.Run(policy, EventStreamReader.ReadAll(input, eventsPath), summary, Strict))
                {
                    if (item.Error != null)
                    {
                        firstError ??= item.Error;
                        console.Error.WriteLine("Error: " + item.Error.Message + (eventsPath == "-" ? string.Empty : " (" + item.Error.Source + ")"));
                        continue;
                    }

                    if (Jsonl)
                    {
                        line.Output.Clear();
                        ClawdstrikeJson.WriteResult(line, item.Decision!);
                        console.Out.WriteLine(line.Output.ToString());
                    }
                    else if (results != null && !SummaryOnly)
                    {
                        ClawdstrikeJson.WriteResult(results, item.Decision!);
                    }
                }

                results?.WriteEndArray();
            }

            stopwatch.Stop();
            int exit = firstError != null ? ExitCodes.InvalidInput
                : FailOnDeny && summary.Blocked > 0 ? ExitCodes.Denied
                : !FailOnDeny ? ExitCodes.Ok
                : summary.Warn > 0 ? ExitCodes.Warnings
                : ExitCodes.Ok;

            if (Json)
            {
                WriteEnvelope(console, policy, eventsPath, summary, results, exit, firstError == null ? null : (Strict ? firstError.Message : SkippedMessage(summary, firstError)), "config_error");
            }
            else if (Jsonl)
            {
                console.Error.WriteLine(summary.ToString());
            }
            else
            {
                console.Out.WriteLine(summary.ToString());
            }

            if (summary.Errors > 0 && !Json)
            {
                console.Error.WriteLine("Error: " + SkippedMessage(summary, firstError!));
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
            string.Format(CultureInfo.InvariantCulture, "{0} record(s) could not be decided and were skipped; first: {1}", summary.Errors, first.ToString());

        private int Fail(CliConsole console, PolicyDefinition? policy, string eventsPath, SimulationSummary summary, SerdeJsonWriter? results, int exit, string message, string kind)
        {
            if (Json)
            {
                WriteEnvelope(console, policy, eventsPath, summary, results, exit, message, kind, policyReference: Policy);
            }
            else
            {
                console.Error.WriteLine("Error: " + message);
            }

            return exit;
        }

        private void WriteEnvelope(CliConsole console, PolicyDefinition? policy, string eventsPath, SimulationSummary summary, SerdeJsonWriter? results, int exit, string? error, string errorKind, string? policyReference = null)
        {
            var w = new SerdeJsonWriter(pretty: true);
            w.WriteStartObject();
            w.WriteInteger("version", 1);
            w.WriteString("command", "policy_simulate");
            w.WritePropertyName("policy");
            if (policy != null)
            {
                ClawdstrikeJson.WritePolicySource(w, policy);
            }
            else
            {
                WriteUnloadedSource(w, policyReference ?? Policy);
            }

            w.WritePropertyName("events");
            w.WriteStartObject();
            w.WriteString("path", eventsPath);
            w.WriteInteger("count", summary.Total);
            w.WriteEndObject();
            w.WritePropertyName("summary");
            w.WriteStartObject();
            w.WriteInteger("total", summary.Total);
            w.WriteInteger("allowed", summary.Allowed);
            w.WriteInteger("warn", summary.Warn);
            w.WriteInteger("blocked", summary.Blocked);
            if (summary.Errors > 0)
            {
                w.WriteInteger("errors", summary.Errors);
            }

            w.WriteEndObject();
            w.WritePropertyName("results");
            if (results != null && !SummaryOnly)
            {
                w.WriteRaw(results.ToString());
            }
            else
            {
                w.WriteStartArray();
                w.WriteEndArray();
            }

            w.WriteInteger("exit_code", exit);
            if (error != null)
            {
                w.WritePropertyName("error");
                w.WriteStartObject();
                w.WriteString("kind", errorKind);
                w.WriteString("message", error);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            console.Out.WriteLine(w.ToString());
        }

        internal static void WriteUnloadedSource(SerdeJsonWriter w, string reference)
        {
            w.WriteStartObject();
            if (PolicyLoader.IsBuiltInRuleset(reference))
            {
                w.WriteString("kind", "ruleset");
                w.WriteString("name", reference.StartsWith("clawdstrike:", StringComparison.Ordinal) ? reference.Substring("clawdstrike:".Length) : reference);
            }
            else
            {
                w.WriteString("kind", "policy_file");
                w.WriteString("path", reference);
            }

            w.WriteEndObject();
        }
    }
}
