using System;
using System.Collections.Generic;
using System.IO;
using PolicySim.Replay;
using PolicySim.Reports;

namespace PolicySim.Cli.Commands
{
    /// <summary><c>policysim merge &lt;report.json&gt;...</c>: combine shard reports, given in input order, into one.</summary>
    internal sealed class MergeCommand
    {
        public IReadOnlyList<string> Reports { get; set; } = Array.Empty<string>();

        public string Format { get; set; } = "json";

        public string? Output { get; set; }

        public string? FailOn { get; set; }

        public long? MaxChanges { get; set; }

        public string? MaxChangeRate { get; set; }

        public string CiStyle { get; set; } = "detect";

        public int Run(CliConsole console)
        {
            if (!ReportArguments.TryParse(console, Format, CiStyle, FailOn, MaxChanges, MaxChangeRate, out ReportArguments report))
            {
                return ExitCodes.Usage;
            }

            if (report.Format == ReportFormat.Jsonl)
            {
                console.Error.WriteLine("Error: merge writes whole reports; --format jsonl is not available");
                return ExitCodes.Usage;
            }

            if (Reports.Count == 0)
            {
                console.Error.WriteLine("Error: give at least one report");
                return ExitCodes.Usage;
            }

            var texts = new List<string>();
            foreach (string path in Reports)
            {
                try
                {
                    texts.Add(File.ReadAllText(console.Resolve(path)));
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    console.Error.WriteLine("Error: failed to read " + path + ": " + CliErrors.OsMessage(ex));
                    return ExitCodes.Io;
                }
            }

            (string json, ReplaySummary summary) merged;
            try
            {
                merged = ReplayJsonReport.Merge(texts, Reports, ReplayCommand.ExitCodeFor);
            }
            catch (FormatException ex)
            {
                console.Error.WriteLine("Error: " + ex.Message);
                return ExitCodes.InvalidInput;
            }

            int exit = ReplayCommand.ExitCodeFor(merged.summary, report.Gate);
            using var first = System.Text.Json.JsonDocument.Parse(texts[0]);
            string candidate = first.RootElement.TryGetProperty("candidate_policy", out var c) && c.ValueKind == System.Text.Json.JsonValueKind.String ? c.GetString()! : "candidate";
            string? baseline = first.RootElement.TryGetProperty("baseline", out var b) && b.ValueKind == System.Text.Json.JsonValueKind.String ? b.GetString() : null;
            var data = new ReplayReportData("merge", candidate, baseline == "recorded" ? null : baseline, Reports, merged.summary)
            {
                Gate = report.Gate,
                ExitCode = exit,
                BaseDirectory = console.WorkingDirectory,
            };
            string text = report.Format switch
            {
                ReportFormat.Text => ReplayTextReport.Format("Merged replay report (" + Reports.Count + " shards)", merged.summary),
                ReportFormat.Json => merged.json + "\n",
                _ => ReportWriter.ToString(data, report.Format),
            };
            if (Output != null)
            {
                File.WriteAllText(console.Resolve(Output), text);
            }
            else
            {
                console.Out.Write(text);
            }

            report.Annotate(console, data);
            return exit;
        }
    }
}
