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

        public int Run(CliConsole console)
        {
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

            int exit = ReplayCommand.ExitCodeFor(merged.summary);
            string text = Format == "text"
                ? ReplayTextReport.Format("Merged replay report (" + Reports.Count + " shards)", merged.summary)
                : merged.json + "\n";
            if (Output != null)
            {
                File.WriteAllText(console.Resolve(Output), text);
            }
            else
            {
                console.Out.Write(text);
            }

            return exit;
        }
    }
}
