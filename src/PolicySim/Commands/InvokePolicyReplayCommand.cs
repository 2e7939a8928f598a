using System;
using System.Management.Automation;
using PolicySim.Policies;
using PolicySim.Replay;

namespace PolicySim.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Replays recorded decisions under a candidate policy and reports every flip.</para>
    /// <para type="description">
    /// Re-decides each record (from files or the pipeline) under <c>-Policy</c> and compares the decision with the
    /// recorded one, or with the decision of <c>-BaselinePolicy</c>. Emits one result per record as it is decided, only
    /// the flips (<c>-FlipsOnly</c>), or only the summary (<c>-Summary</c>). A bad record is an error naming its source
    /// and line; the rest go on unless <c>-Strict</c>.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "PolicyReplay", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(ReplayResult), typeof(ReplaySummary))]
    public sealed class InvokePolicyReplayCommand : ReplayCommandBase
    {
        /// <summary>Gets or sets the candidate policy: a loaded policy, a built-in ruleset name or a policy file path.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [PolicyArgumentTransformation]
        [ArgumentCompleter(typeof(BuiltInRulesetCompleter))]
        [ValidateNotNull]
        public PolicyDefinition Policy { get; set; } = null!;

        /// <summary>Gets or sets the record files; wildcards are expanded.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Gets or sets the policy that decides the baseline instead of the recorded outcomes.</summary>
        [Parameter]
        [PolicyArgumentTransformation]
        [ArgumentCompleter(typeof(BuiltInRulesetCompleter))]
        [ValidateNotNull]
        public PolicyDefinition? BaselinePolicy { get; set; }

        /// <summary>Gets or sets the shape of the records (default: detected per file or pipeline from the first readable record).</summary>
        [Parameter]
        public RecordedDecisionFormat Format { get; set; } = RecordedDecisionFormat.Auto;

        /// <summary>Gets or sets whether to emit only results whose decision changed (Flip is not None).</summary>
        [Parameter]
        public SwitchParameter FlipsOnly { get; set; }

        /// <summary>Gets or sets whether to emit only the summary, after the last record.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        /// <inheritdoc />
        protected override string[] WildcardPath => Path;

        /// <inheritdoc />
        protected override ReplaySession CreateSession(ReplayOptions options)
        {
            if (FlipsOnly.IsPresent && Summary.IsPresent)
            {
                Terminate(new ArgumentException("-FlipsOnly and -Summary cannot be used together: -Summary emits only the summary."), ErrorIds.ConflictingSwitches, ErrorCategory.InvalidArgument, null);
            }

            if (Format == RecordedDecisionFormat.SimulateOutput)
            {
                Terminate(
                    new NotSupportedException("-Format SimulateOutput needs the events the output decided; join them with 'policysim replay --input-format simulate-output --events <events>', or replay the events themselves with -BaselinePolicy."),
                    ErrorIds.UnsupportedFormat,
                    ErrorCategory.InvalidArgument,
                    Format);
            }

            options.BaselinePolicy = BaselinePolicy;
            return new ReplaySession(Policy, options, Format);
        }

        /// <inheritdoc />
        protected override void OnResult(ReplayResult result)
        {
            if (Summary.IsPresent || (FlipsOnly.IsPresent && result.Flip == FlipKind.None))
            {
                return;
            }

            WriteObject(result);
        }

        /// <inheritdoc />
        protected override void Complete()
        {
            if (!Summary.IsPresent)
            {
                return;
            }

            if (BaselinePolicy != null)
            {
                PolicyAttribution.Attribute(BaselinePolicy, Policy, Session.Summary);
            }

            WriteObject(ReportCommandBase.WithPolicies(Session.Summary, BaselinePolicy, Policy));
        }
    }
}
