using System;
using System.IO;
using System.Management.Automation;
using System.Text;
using PolicySim.Reports;

namespace PolicySim.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Writes a replay or compare report: JSON, Markdown, JUnit, NUnit 3, SARIF, HTML or text.</para>
    /// <para type="description">
    /// Aggregates the ReplaySummary (or ReplayResult objects) of Compare-PolicyDecision or Invoke-PolicyReplay and
    /// writes one report with the engine's writer (the CLI's <c>--format</c>): to a file with <c>-Path</c>
    /// (<c>-WhatIf</c>/<c>-Confirm</c> apply; <c>-PassThru</c> emits the file), else as one string to the pipeline.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsData.Export, "PolicyReport", DefaultParameterSetName = TextSet, SupportsShouldProcess = true)]
    [OutputType(typeof(string), ParameterSetName = new[] { TextSet })]
    [OutputType(typeof(FileInfo), ParameterSetName = new[] { PathSet })]
    public sealed class ExportPolicyReportCommand : ReportCommandBase
    {
        /// <summary>The parameter set that writes the report to the pipeline.</summary>
        public const string TextSet = "Text";

        /// <summary>The parameter set that writes the report to a file.</summary>
        public const string PathSet = "Path";

        /// <summary>Gets or sets the report format; without it, the -Path extension decides (.json, .md, .sarif, .html, .txt, .jsonl), else Text.</summary>
        [Parameter]
        [Alias("OutputFormat")]
        public ReportFormat? Format { get; set; }

        /// <summary>Gets or sets the file to write (relative to the current location; not wildcards).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Gets or sets whether to emit the written file.</summary>
        [Parameter(ParameterSetName = PathSet)]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Gets or sets whether to create a missing folder and overwrite a read-only file.</summary>
        [Parameter(ParameterSetName = PathSet)]
        public SwitchParameter Force { get; set; }

        /// <summary>Gets or sets whether an existing file is an error instead of being overwritten.</summary>
        [Parameter(ParameterSetName = PathSet)]
        public SwitchParameter NoClobber { get; set; }

        /// <inheritdoc />
        protected override bool KeepFlips => true;

        /// <summary>Writes the report.</summary>
        protected override void EndProcessing()
        {
            if (ParameterSetName != PathSet)
            {
                WriteObject(ReportWriter.ToString(BuildData(), Format ?? ReportFormat.Text));
                return;
            }

            string full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path, out ProviderInfo provider, out _);
            if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
            {
                var ex = new ArgumentException("'" + Path + "' is a " + provider.Name + " path; reports are written to the file system.");
                ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.ReportNotAFileSystemPath, ErrorCategory.InvalidArgument, Path));
            }

            ReportFormat format = ReportFormat.Text;
            if (Format is ReportFormat given)
            {
                format = given;
            }
            else if (!ReportFileFormat.TryFromPath(full, out format) && string.Equals(System.IO.Path.GetExtension(full), ".xml", StringComparison.OrdinalIgnoreCase))
            {
                var ex = new ArgumentException("'" + Path + "' could be JUnit or NUnit 3 XML; choose one with -Format JUnit or -Format NUnit3.");
                ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.UnknownReportFormat, ErrorCategory.InvalidArgument, Path));
            }

            if (!ShouldProcess(full, "Write " + format + " report"))
            {
                return;
            }

            if (NoClobber.IsPresent && File.Exists(full))
            {
                var ex = new IOException("The file '" + full + "' already exists; -NoClobber keeps it.");
                ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.ReportFileExists, ErrorCategory.ResourceExists, full));
            }

            ReplayReportData data = BuildData();
            try
            {
                string? folder = System.IO.Path.GetDirectoryName(full);
                if (Force.IsPresent)
                {
                    if (!string.IsNullOrEmpty(folder))
                    {
                        Directory.CreateDirectory(folder);
                    }

                    if (File.Exists(full) && (File.GetAttributes(full) & FileAttributes.ReadOnly) != 0)
                    {
                        File.SetAttributes(full, File.GetAttributes(full) & ~FileAttributes.ReadOnly);
                    }
                }

                using (var writer = new StreamWriter(full, append: false, new UTF8Encoding(false)) { NewLine = "\n" })
                {
                    ReportWriter.Write(data, format, writer);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                ErrorCategory category = ex is UnauthorizedAccessException ? ErrorCategory.PermissionDenied : ErrorCategory.WriteError;
                ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.ReportWriteFailed, category, full));
            }

            WriteVerbose("Wrote " + format + " report " + full);
            if (PassThru.IsPresent)
            {
                WriteObject(new FileInfo(full));
            }
        }
    }
}
