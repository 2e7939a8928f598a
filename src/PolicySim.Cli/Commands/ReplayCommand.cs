using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PolicySim.Events;
using PolicySim.Policies;
using PolicySim.Replay;
using PolicySim.Reports;

namespace PolicySim.Cli.Commands
{
    /// <summary>
    /// <c>policysim replay &lt;policy&gt; &lt;records|-&gt;</c> and <c>policysim compare &lt;old&gt; &lt;new&gt; &lt;events|-&gt;</c>:
    /// re-decide recorded decisions (or events under two policies) and report the flips.
    /// </summary>
    internal sealed class ReplayCommand
    {
        public bool IsCompare { get; set; }

        /// <summary>Gets or sets the candidate (replay) or new (compare) policy.</summary>
        public string Policy { get; set; } = string.Empty;

        /// <summary>Gets or sets the baseline policy (compare: the old policy; replay: --baseline-policy).</summary>
        public string? BaselinePolicy { get; set; }

        public string Input { get; set; } = "-";

        public string? Events { get; set; }

        public RecordedDecisionFormat InputFormat { get; set; }

        public string? Since { get; set; }

        public string? Until { get; set; }

        public IReadOnlyCollection<string>? EventTypes { get; set; }

        public IReadOnlyCollection<string>? Guards { get; set; }

        public double SampleRate { get; set; } = 1.0;

        public long Seed { get; set; }

        public string Format { get; set; } = "text";

        public string? Output { get; set; }

        public bool FlipsOnly { get; set; }

        public bool SummaryOnly { get; set; }

        public bool Strict { get; set; }

        /// <summary>Gets or sets the gate's flip kinds (<c>--fail-on</c>), or null.</summary>
        public string? FailOn { get; set; }

        public long? MaxChanges { get; set; }

        /// <summary>Gets or sets the gate's change rate as written (<c>--max-change-rate</c>), or null.</summary>
        public string? MaxChangeRate { get; set; }

        public string CiStyle { get; set; } = "detect";

        private ReportArguments Report { get; set; } = null!;

        private ReportFormat ReportFormat => Report.Format;

        private PolicyGate? Gate => Report.Gate;

        public int Run(CliConsole console)
        {
            if (!ReportArguments.TryParse(console, Format, CiStyle, FailOn, MaxChanges, MaxChangeRate, out ReportArguments report))
            {
                return ExitCodes.Usage;
            }

            Report = report;
            var options = new ReplayOptions { EventTypes = EventTypes, Guards = Guards, Seed = Seed, Strict = Strict };
            if (ReportFormat == ReportFormat.Jsonl && !SummaryOnly)
            {
                // The result lines are formatted in the engine's parallel stage; written here in input order.
                bool flipsOnly = FlipsOnly;
                options.ResultLineFormatter = r => !flipsOnly || r.Flip != FlipKind.None ? ReplayJsonReport.FormatResultLine(r) : null;
            }

            try
            {
                options.SampleRate = SampleRate;
                options.Since = ParseTime(Since, "--since");
                options.Until = ParseTime(Until, "--until");
            }
            catch (ArgumentException ex)
            {
                console.Error.WriteLine("Error: " + ex.Message);
                return ExitCodes.Usage;
            }

            PolicyDefinition? candidate = PolicyArgument.Load(console, Policy, out int exit, out string? error);
            if (candidate == null)
            {
                console.Error.WriteLine("Error: " + error);
                return exit;
            }

            if (BaselinePolicy != null)
            {
                options.BaselinePolicy = PolicyArgument.Load(console, BaselinePolicy, out exit, out error);
                if (options.BaselinePolicy == null)
                {
                    console.Error.WriteLine("Error: " + error);
                    return exit;
                }
            }

            var streams = new List<Stream>();
            try
            {
                Stream input = Open(console, Input, streams);
                var summary = new ReplaySummary();
                IEnumerable<ReplayItem> items;
                if (IsCompare)
                {
                    items = PolicyComparison.Run(options.BaselinePolicy!, candidate, EventStreamReader.ReadAll(input, Input, SimulateCommand.DeferredValidation), options, summary);
                }
                else
                {
                    IEnumerable<RecordedDecisionReadResult> records;
                    if (Events != null)
                    {
                        Stream events = Open(console, Events, streams);
                        bool holdOutputs = Input != "-" && (Events == "-" || new FileInfo(console.Resolve(Input)).Length <= new FileInfo(console.Resolve(Events)).Length);
                        records = RecordedDecisionReader.JoinSimulateOutput(EventStreamReader.ReadAll(input, Input), EventStreamReader.ReadAll(events, Events), holdOutputs ? RecordJoinSide.SimulateOutput : RecordJoinSide.Events);
                    }
                    else
                    {
                        // A session reads the format from the first record, then parses and decides the rest on every
                        // core (PolicyReplay.Run over RecordedDecisionReader.Read parsed on the reading thread, which
                        // made replay 1.7x slower than compare). Items and summary are the same (tested).
                        var session = new ReplaySession(candidate, options, InputFormat);
                        session.BeginInput();
                        return WriteReport(console, session.AddInput(EventStreamReader.ReadAll(input, Input, SimulateCommand.DeferredValidation), recordsOfErrorsOnly: true).Select(p => p.Value), session.Summary, candidate, options.BaselinePolicy);
                    }

                    items = PolicyReplay.Run(candidate, records, options, summary);
                }

                return WriteReport(console, items, summary, candidate, options.BaselinePolicy);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                console.Error.WriteLine("Error: " + CliErrors.OsMessage(ex));
                return ExitCodes.Io;
            }
            finally
            {
                foreach (Stream s in streams)
                {
                    s.Dispose();
                }
            }
        }

        /// <summary>The exit code: with a gate, 3 for unreadable records, else 2 when the gate fails, else 0; without one, <see cref="ExitCodeFor(ReplaySummary)"/>.</summary>
        internal static int ExitCodeFor(ReplaySummary summary, PolicyGate? gate) =>
            gate == null ? ExitCodeFor(summary)
            : summary.Errors > 0 ? ExitCodes.InvalidInput
            : gate.Evaluate(summary).Passed ? ExitCodes.Ok
            : ExitCodes.Denied;

        internal static int ExitCodeFor(ReplaySummary summary) =>
            summary.Errors > 0 ? ExitCodes.InvalidInput
            : summary.Changed > 0 ? ExitCodes.Denied
            : summary.Total - summary.Count(FlipKind.None) > 0 ? ExitCodes.Warnings
            : ExitCodes.Ok;

        private int WriteReport(CliConsole console, IEnumerable<ReplayItem> items, ReplaySummary summary, PolicyDefinition candidate, PolicyDefinition? baseline)
        {
            bool rendered = ReportFormat != ReportFormat.Text && ReportFormat != ReportFormat.Json && ReportFormat != ReportFormat.Jsonl;
            var tally = new DecisionTally();
            var errors = new List<ReplayError>();
            TextWriter? file = null;
            try
            {
                TextWriter output = console.Out;
                if (Output != null)
                {
                    file = new StreamWriter(console.Resolve(Output), false, new UTF8Encoding(false)) { NewLine = "\n" };
                    output = file;
                }

                string baselineName = IsCompare || BaselinePolicy != null ? BaselinePolicy! : "recorded";
                var inputs = Events != null ? new[] { Input, Events } : new[] { Input };
                var json = ReportFormat == ReportFormat.Json ? new ReplayJsonReport(IsCompare ? "compare" : "replay", Policy, BaselinePolicy, inputs, includeFlips: !SummaryOnly) : null;
                foreach (ReplayItem item in items)
                {
                    if (item.Error != null)
                    {
                        console.Error.WriteLine("Error: " + item.Error);
                        json?.Add(item.Error);
                        if (errors.Count < ReplayJsonReport.MaxListedErrors)
                        {
                            errors.Add(item.Error);
                        }

                        continue;
                    }

                    ReplayResult r = item.Result!;
                    tally.Add(r);
                    if (json != null)
                    {
                        json.Add(r);
                    }
                    else if (ReportFormat == ReportFormat.Jsonl && !SummaryOnly && (!FlipsOnly || r.Flip != FlipKind.None))
                    {
                        output.WriteLine(item.FormattedLine ?? ReplayJsonReport.FormatResultLine(r));
                    }
                    else if (ReportFormat == ReportFormat.Text && FlipsOnly && r.Flip != FlipKind.None)
                    {
                        output.WriteLine(r.ToString());
                    }
                }

                // Attribution needs both policies: compare, or replay with --baseline-policy.
                if (baseline != null)
                {
                    PolicyAttribution.Attribute(baseline, candidate, summary);
                }

                int exit = ExitCodeFor(summary, Gate);
                var data = new ReplayReportData(IsCompare ? "compare" : "replay", Policy, BaselinePolicy, inputs, summary)
                {
                    Candidate = candidate,
                    Baseline = baseline,
                    Gate = Gate,
                    Tally = tally,
                    Errors = errors,
                    ExitCode = exit,
                    BaseDirectory = console.WorkingDirectory,
                };
                if (rendered)
                {
                    ReportWriter.Write(data, ReportFormat, output);
                }
                else if (json != null)
                {
                    output.WriteLine(json.Finish(summary, exit));
                }
                else if (ReportFormat == ReportFormat.Jsonl)
                {
                    console.Error.WriteLine(summary.ToString());
                }
                else
                {
                    string title = IsCompare ? "Policy compare: " + baselineName + " -> " + Policy : "Policy replay: " + Policy + " vs " + baselineName;
                    output.Write(ReplayTextReport.Format(title, summary));
                }

                file?.Dispose();
                file = null;
                Report.Annotate(console, data);
                return exit;
            }
            finally
            {
                file?.Dispose();
            }
        }

        private static Stream Open(CliConsole console, string path, List<Stream> streams)
        {
            Stream s = path == "-" ? console.OpenStdin() : File.OpenRead(console.Resolve(path));
            streams.Add(s);
            return s;
        }

        private static DateTimeOffset? ParseTime(string? text, string option)
        {
            if (text == null)
            {
                return null;
            }

            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset value))
            {
                throw new ArgumentException(option + " must be a date-time such as 2026-11-02T09:00:00Z; got '" + text + "'");
            }

            return value;
        }
    }
}
