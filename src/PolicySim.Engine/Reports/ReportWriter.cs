using System;
using System.IO;
using PolicySim.Replay;

namespace PolicySim.Reports
{
    /// <summary>
    /// Writes a replay or compare report in any <see cref="ReportFormat"/>: the one entry point behind the CLI's
    /// <c>--format</c> and the cmdlets' <c>-OutputFormat</c>. Output is deterministic (same data, same bytes).
    /// </summary>
    public static class ReportWriter
    {
        /// <summary>The format names accepted by <see cref="TryParseFormat"/>.</summary>
        public const string FormatNames = "text, json, jsonl, markdown, junit, nunit, sarif, html";

        /// <summary>Writes a report.</summary>
        /// <param name="data">The report's data.</param>
        /// <param name="format">The format.</param>
        /// <param name="output">Where to write (UTF-8 for files).</param>
        /// <exception cref="ArgumentOutOfRangeException">An unknown format.</exception>
        public static void Write(ReplayReportData data, ReportFormat format, TextWriter output)
        {
            Require.NotNull(data, nameof(data));

            Require.NotNull(output, nameof(output));

            switch (format)
            {
                case ReportFormat.Text:
                    output.Write(ReplayTextReport.Format(data.Title, data.Summary, data.TopGroups));
                    break;
                case ReportFormat.Json:
                    var json = new ReplayJsonReport(data.Command, data.CandidatePolicy, data.BaselinePolicy, data.Inputs, includeFlips: data.Flips != null);
                    foreach (ReplayResult r in data.Flips ?? Array.Empty<ReplayResult>())
                    {
                        json.Add(r);
                    }

                    foreach (ReplayError e in data.Errors)
                    {
                        json.Add(e);
                    }

                    output.Write(json.Finish(data.Summary, data.ExitCode));
                    output.Write('\n');
                    break;
                case ReportFormat.Jsonl:
                    foreach (ReplayResult r in data.Flips ?? Array.Empty<ReplayResult>())
                    {
                        output.Write(ReplayJsonReport.FormatResultLine(r));
                        output.Write('\n');
                    }

                    break;
                case ReportFormat.Markdown:
                    MarkdownReport.Write(data, output);
                    break;
                case ReportFormat.JUnit:
                    JUnitReport.Write(data, output);
                    break;
                case ReportFormat.NUnit3:
                    NUnit3Report.Write(data, output);
                    break;
                case ReportFormat.Sarif:
                    SarifReport.Write(data, output);
                    break;
                case ReportFormat.Html:
                    HtmlReport.Write(data, output);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(format), format, "unknown report format");
            }
        }

        /// <summary>Writes a report to a string.</summary>
        /// <param name="data">The report's data.</param>
        /// <param name="format">The format.</param>
        /// <returns>The report.</returns>
        public static string ToString(ReplayReportData data, ReportFormat format)
        {
            using var w = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
            Write(data, format, w);
            return w.ToString();
        }

        /// <summary>Parses a format name (case-insensitive): <c>text</c>, <c>json</c>, <c>jsonl</c>, <c>markdown</c>/<c>md</c>, <c>junit</c>, <c>nunit</c>/<c>nunit3</c>, <c>sarif</c>, <c>html</c>.</summary>
        /// <param name="name">The name.</param>
        /// <param name="format">The format.</param>
        /// <returns>Whether the name is known.</returns>
        public static bool TryParseFormat(string? name, out ReportFormat format)
        {
            switch ((name ?? string.Empty).Trim().ToUpperInvariant())
            {
                case "TEXT": format = ReportFormat.Text; return true;
                case "JSON": format = ReportFormat.Json; return true;
                case "JSONL": format = ReportFormat.Jsonl; return true;
                case "MARKDOWN":
                case "MD": format = ReportFormat.Markdown; return true;
                case "JUNIT": format = ReportFormat.JUnit; return true;
                case "NUNIT":
                case "NUNIT3": format = ReportFormat.NUnit3; return true;
                case "SARIF": format = ReportFormat.Sarif; return true;
                case "HTML": format = ReportFormat.Html; return true;
                default: format = ReportFormat.Text; return false;
            }
        }
    }
}
