using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Text;
using PolicySim.Reports;

namespace PolicySim.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Fails a CI pipeline when a policy change flips decisions it must not.</para>
    /// <para type="description">
    /// Evaluates a gate on the ReplaySummary (or the ReplayResult objects) of Compare-PolicyDecision or
    /// Invoke-PolicyReplay after the last input. Writes CI annotations (Azure Pipelines logging commands, GitHub Actions
    /// workflow commands) and, when the gate fails, throws the terminating error <c>PolicySim.Gate.Failed</c> whose
    /// exception is <see cref="PolicyGateFailedException"/>.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Assert, "PolicyChange")]
    [OutputType(typeof(GateResult))]
    public sealed class AssertPolicyChangeCommand : ReportCommandBase
    {
        /// <summary>The information-stream tag that makes a record host output (as Write-Host writes it).</summary>
        public const string HostTag = "PSHOST";

        /// <summary>Gets or sets how annotations are written: Detect (default: from TF_BUILD / GITHUB_ACTIONS), Plain, AzurePipelines or GitHubActions.</summary>
        [Parameter]
        public CiStyle CiStyle { get; set; } = CiStyle.Detect;

        /// <summary>Gets or sets whether to emit the GateResult when the gate passes.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override bool KeepFlips => false;

        /// <summary>Evaluates the gate, annotates, and passes or throws.</summary>
        protected override void EndProcessing()
        {
            if (Gate?.MaxChangeRate != null && Builder.SummaryCount == 0 && Builder.ResultCount > 0 && !Builder.HasUnchangedResults)
            {
                WriteWarning("-MaxChangeRate divides by the results piped in, which were all flips; pipe a summary (-Summary) or every result (Compare-PolicyDecision -IncludeEqual) for the rate over all events.");
            }

            ReplayReportData data = BuildData();
            Func<string, string?> environment = Environment.GetEnvironmentVariable;
            CiStyle style = CiAnnotations.Resolve(CiStyle, environment);
            WriteVerbose(data.Summary.ToString());
            WriteVerbose("Gate: " + data.EffectiveGate + "; CI style: " + style);

            GateResult verdict;
            using (var annotations = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" })
            {
                verdict = CiAnnotations.Write(data, style, annotations);
                foreach (string line in annotations.ToString().Split('\n'))
                {
                    if (line.Length > 0)
                    {
                        Annotate(style, line);
                    }
                }
            }

            string? summaryPath = CiAnnotations.StepSummaryPath(style, environment);
            if (summaryPath != null)
            {
                AppendStepSummary(data, summaryPath);
            }

            if (!verdict.Passed)
            {
                var exception = new PolicyGateFailedException(verdict);
                ThrowTerminatingError(new ErrorRecord(exception, ErrorIds.GateFailed, ErrorCategory.InvalidResult, verdict));
            }

            if (PassThru.IsPresent)
            {
                WriteObject(verdict);
            }
        }

        /// <summary>
        /// CI logging commands go where Write-Host writes: host output (information stream, tag PSHOST), which reaches the
        /// process's stdout in pwsh/powershell CI steps, where the Azure Pipelines agent and the GitHub runner look for
        /// them, and which is not captured by <c>$x = ...</c>. Plain lines: warnings to the warning stream, the rest verbose.
        /// </summary>
        private void Annotate(CiStyle style, string line)
        {
            if (style == CiStyle.AzurePipelines || style == CiStyle.GitHubActions)
            {
                WriteInformation(new HostInformationMessage { Message = line }, new[] { HostTag });
                return;
            }

            const string warning = "warning: ";
            if (line.StartsWith(warning, StringComparison.Ordinal))
            {
                WriteWarning(line.Substring(warning.Length));
            }
            else
            {
                WriteVerbose(line);
            }
        }

        private void AppendStepSummary(ReplayReportData data, string path)
        {
            try
            {
                string full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
                using var w = new StreamWriter(full, append: true, new UTF8Encoding(false)) { NewLine = "\n" };
                ReportWriter.Write(data, ReportFormat.Markdown, w);
                w.Write('\n');
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException || ex is ItemNotFoundException)
            {
                WriteError(new ErrorRecord(ex, ErrorIds.ReportWriteFailed, ErrorCategory.WriteError, path));
            }
        }
    }
}
