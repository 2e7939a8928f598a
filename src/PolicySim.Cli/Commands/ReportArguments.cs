using System;
using System.IO;
using System.Text;
using PolicySim.Reports;

namespace PolicySim.Cli.Commands
{
    /// <summary>The report options shared by replay, compare and merge: format, gate, CI style; and the annotation step.</summary>
    internal sealed class ReportArguments
    {
        public ReportFormat Format { get; private set; }

        public PolicyGate? Gate { get; private set; }

        public CiStyle Style { get; private set; }

        /// <summary>Parses the options; on a usage error writes it and returns false.</summary>
        public static bool TryParse(CliConsole console, string format, string ciStyle, string? failOn, long? maxChanges, string? maxChangeRate, out ReportArguments arguments)
        {
            arguments = new ReportArguments();
            if (!ReportWriter.TryParseFormat(format, out ReportFormat parsedFormat))
            {
                console.Error.WriteLine("Error: --format must be one of " + ReportWriter.FormatNames);
                return false;
            }

            arguments.Format = parsedFormat;
            if (!CiAnnotations.TryParseStyle(ciStyle, out CiStyle style))
            {
                console.Error.WriteLine("Error: --ci-style must be one of " + CiAnnotations.StyleNames);
                return false;
            }

            arguments.Style = CiAnnotations.Resolve(style, console.Environment);
            try
            {
                if (failOn != null || maxChanges != null || maxChangeRate != null)
                {
                    arguments.Gate = new PolicyGate(failOn != null ? PolicyGate.ParseKinds(failOn) : null, maxChanges, maxChangeRate != null ? PolicyGate.ParseRate(maxChangeRate) : null);
                }
            }
            catch (Exception ex) when (ex is FormatException || ex is ArgumentException)
            {
                console.Error.WriteLine("Error: " + (ex is ArgumentOutOfRangeException ? "--max-changes must not be negative" : ex.Message));
                return false;
            }

            return true;
        }

        /// <summary>CI annotations on stderr (in a detected or chosen CI style, or in plain style when a gate is set) and the GitHub step summary.</summary>
        public void Annotate(CliConsole console, ReplayReportData data)
        {
            if (Style != CiStyle.Plain || Gate != null)
            {
                CiAnnotations.Write(data, Style, console.Error);
            }

            string? summaryPath = CiAnnotations.StepSummaryPath(Style, console.Environment);
            if (summaryPath != null)
            {
                using var w = new StreamWriter(console.Resolve(summaryPath), append: true, new UTF8Encoding(false)) { NewLine = "\n" };
                ReportWriter.Write(data, ReportFormat.Markdown, w);
                w.Write('\n');
            }
        }
    }
}
