using System;
using System.Management.Automation;
using PolicySim.Policies;
using PolicySim.Replay;
using PolicySim.Reports;

namespace PolicySim.PowerShell.Commands
{
    /// <summary>
    /// What <c>Assert-PolicyChange</c> and <c>Export-PolicyReport</c> share: <see cref="ReplaySummary"/> and
    /// <see cref="ReplayResult"/> objects from the pipeline (aggregated by the engine's <see cref="ReplayReportBuilder"/>),
    /// the optional policies (for titles, attribution and rule locations), and the gate options of the CLI
    /// (<c>--fail-on</c>, <c>--max-changes</c>, <c>--max-change-rate</c>).
    /// </summary>
    public abstract class ReportCommandBase : PSCmdlet
    {
        /// <summary>The note property naming the reference policy on a summary from <c>Compare-PolicyDecision -Summary</c> or <c>Invoke-PolicyReplay -Summary</c>.</summary>
        public const string ReferencePolicyProperty = "ReferencePolicy";

        /// <summary>The note property naming the difference (candidate) policy on such a summary.</summary>
        public const string DifferencePolicyProperty = "DifferencePolicy";

        private PolicyDefinition? _carriedReference;
        private PolicyDefinition? _carriedDifference;

        /// <summary>Gets or sets the ReplaySummary objects (<c>-Summary</c>) or ReplayResult objects of Compare-PolicyDecision and Invoke-PolicyReplay.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [AllowNull]
        [AllowEmptyCollection]
        public object?[] InputObject { get; set; } = Array.Empty<object>();

        /// <summary>Gets or sets the reference (old, baseline) policy, for the report title, attribution and rule locations.</summary>
        [Parameter]
        [PolicyArgumentTransformation]
        [ArgumentCompleter(typeof(BuiltInRulesetCompleter))]
        [ValidateNotNull]
        public PolicyDefinition? ReferencePolicy { get; set; }

        /// <summary>Gets or sets the difference (new, candidate) policy.</summary>
        [Parameter]
        [PolicyArgumentTransformation]
        [ArgumentCompleter(typeof(BuiltInRulesetCompleter))]
        [ValidateNotNull]
        public PolicyDefinition? DifferencePolicy { get; set; }

        /// <summary>Gets or sets the flip kinds (and the words breaking, widening, changed, unknown, any) that fail the gate when any occurs.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FlipKindCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? FailOn { get; set; }

        /// <summary>Gets or sets the most outcome changes allowed.</summary>
        [Parameter]
        [ValidateRange(0L, long.MaxValue)]
        public long? MaxChanges { get; set; }

        /// <summary>Gets or sets the largest allowed share of events whose outcome changes: <c>5%</c>, <c>0.05</c>, or <c>5</c> (a percent).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? MaxChangeRate { get; set; }

        /// <summary>Gets the gate of the options, or null when none was given (<see cref="PolicyGate.Default"/> applies).</summary>
        protected PolicyGate? Gate { get; private set; }

        /// <summary>Gets the aggregate of the input.</summary>
        protected ReplayReportBuilder Builder { get; private set; } = null!;

        /// <summary>Gets whether the flipped results are kept for the JSON reports.</summary>
        protected abstract bool KeepFlips { get; }

        /// <summary>Parses the gate options; unusable ones end the command.</summary>
        protected override void BeginProcessing()
        {
            Builder = new ReplayReportBuilder(KeepFlips);
            if (FailOn == null && MaxChanges == null && MaxChangeRate == null)
            {
                return;
            }

            System.Collections.Generic.IReadOnlyList<Replay.FlipKind>? kinds = null;
            if (FailOn != null)
            {
                try
                {
                    kinds = PolicyGate.ParseKinds(string.Join(",", FailOn));
                }
                catch (FormatException ex)
                {
                    ThrowTerminatingError(new ErrorRecord(new ArgumentException("-FailOn: " + ex.Message, nameof(FailOn), ex), ErrorIds.InvalidFailOn, ErrorCategory.InvalidArgument, FailOn));
                }
            }

            double? rate = null;
            if (MaxChangeRate != null)
            {
                try
                {
                    rate = PolicyGate.ParseRate(MaxChangeRate);
                }
                catch (FormatException ex)
                {
                    ThrowTerminatingError(new ErrorRecord(new ArgumentException("-MaxChangeRate: " + ex.Message, nameof(MaxChangeRate), ex), ErrorIds.InvalidChangeRate, ErrorCategory.InvalidArgument, MaxChangeRate));
                }
            }

            Gate = new PolicyGate(kinds, MaxChanges, rate);
        }

        /// <summary>Adds each summary or result to the aggregate; anything else is a non-terminating error.</summary>
        protected override void ProcessRecord()
        {
            foreach (object? item in InputObject)
            {
                switch (PSObjects.Base(item))
                {
                    case null:
                        break;
                    case ReplaySummary summary:
                        TakeCarriedPolicies(item);
                        Builder.Add(summary);
                        break;
                    case ReplayResult result:
                        Builder.Add(result);
                        break;
                    default:
                        var ex = new ArgumentException(MyInvocation.MyCommand.Name + " takes ReplaySummary objects (Compare-PolicyDecision -Summary, Invoke-PolicyReplay -Summary) and ReplayResult objects (Compare-PolicyDecision, Invoke-PolicyReplay), not " + PSObjects.Base(item)!.GetType().FullName + ".");
                        WriteError(new ErrorRecord(ex, ErrorIds.UnsupportedReportInput, ErrorCategory.InvalidType, item));
                        break;
                }
            }
        }

        /// <summary>
        /// Wraps a summary with note properties naming its policies (<see cref="ReferencePolicyProperty"/>,
        /// <see cref="DifferencePolicyProperty"/>), so that <c>Export-PolicyReport</c> and <c>Assert-PolicyChange</c> can
        /// title the report and locate rules without the policies being passed again. The object stays a ReplaySummary.
        /// </summary>
        /// <param name="summary">The summary.</param>
        /// <param name="reference">The reference (baseline) policy, or null for recorded decisions.</param>
        /// <param name="difference">The difference (candidate) policy.</param>
        /// <returns>The wrapped summary.</returns>
        public static PSObject WithPolicies(ReplaySummary summary, PolicyDefinition? reference, PolicyDefinition difference)
        {
            var wrapped = new PSObject(summary);
            wrapped.Properties.Add(new PSNoteProperty(ReferencePolicyProperty, reference));
            wrapped.Properties.Add(new PSNoteProperty(DifferencePolicyProperty, difference));
            return wrapped;
        }

        /// <summary>Builds the report data: the policies given, else those carried by a piped summary.</summary>
        /// <returns>The data.</returns>
        protected ReplayReportData BuildData()
        {
            PolicyDefinition? reference = ReferencePolicy ?? _carriedReference;
            PolicyDefinition? difference = DifferencePolicy ?? _carriedDifference;
            string baseDirectory = SessionState.Path.CurrentFileSystemLocation.ProviderPath;
            return Builder.Build(difference, reference, Gate, baseDirectory);
        }

        private void TakeCarriedPolicies(object? item)
        {
            // Instance members survive unwrapping: PowerShell resurrects them for the same base object.
            PSObject wrapped = item as PSObject ?? PSObject.AsPSObject(item!);

            if (_carriedReference == null && PSObjects.Base(wrapped.Properties[ReferencePolicyProperty]?.Value) is PolicyDefinition reference)
            {
                _carriedReference = reference;
            }

            if (_carriedDifference == null && PSObjects.Base(wrapped.Properties[DifferencePolicyProperty]?.Value) is PolicyDefinition difference)
            {
                _carriedDifference = difference;
            }
        }
    }
}
