using System;
using System.Management.Automation;
using PolicySim.Policies;
using PolicySim.Replay;

namespace PolicySim.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Decides the same events under two policies and reports the differences.</para>
    /// <para type="description">
    /// Decides each PolicyEvent (from files or the pipeline) under <c>-ReferencePolicy</c> (old) and
    /// <c>-DifferencePolicy</c> (new); outcomes recorded in the events are ignored. Emits the flips as they are found,
    /// every result (<c>-IncludeEqual</c>), the flip groups with the policy changes that cause them (<c>-GroupBy</c>),
    /// or the attributed summary (<c>-Summary</c>).
    /// </para>
    /// </summary>
    [Cmdlet(VerbsData.Compare, "PolicyDecision", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(ReplayResult), typeof(FlipGroup), typeof(ReplaySummary))]
    public sealed class ComparePolicyDecisionCommand : ReplayCommandBase
    {
        /// <summary>Gets or sets the reference (old) policy.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [PolicyArgumentTransformation]
        [ArgumentCompleter(typeof(BuiltInRulesetCompleter))]
        [ValidateNotNull]
        public PolicyDefinition ReferencePolicy { get; set; } = null!;

        /// <summary>Gets or sets the difference (new) policy.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [PolicyArgumentTransformation]
        [ArgumentCompleter(typeof(BuiltInRulesetCompleter))]
        [ValidateNotNull]
        public PolicyDefinition DifferencePolicy { get; set; } = null!;

        /// <summary>Gets or sets the event files; wildcards are expanded.</summary>
        [Parameter(Mandatory = true, Position = 2, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Gets or sets whether to emit every result, including events decided the same way.</summary>
        [Parameter]
        public SwitchParameter IncludeEqual { get; set; }

        /// <summary>Gets or sets whether to emit flip groups (with their causes) instead of single flips.</summary>
        [Parameter]
        public SwitchParameter GroupBy { get; set; }

        /// <summary>Gets or sets whether to emit only the summary (with attributed groups).</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        /// <inheritdoc />
        protected override string[] WildcardPath => Path;

        /// <inheritdoc />
        protected override ReplaySession CreateSession(ReplayOptions options)
        {
            int modes = (IncludeEqual.IsPresent ? 1 : 0) + (GroupBy.IsPresent ? 1 : 0) + (Summary.IsPresent ? 1 : 0);
            if (modes > 1)
            {
                Terminate(new ArgumentException("Use at most one of -IncludeEqual, -GroupBy and -Summary."), ErrorIds.ConflictingSwitches, ErrorCategory.InvalidArgument, null);
            }

            return ReplaySession.ForComparison(ReferencePolicy, DifferencePolicy, options);
        }

        /// <inheritdoc />
        protected override void OnResult(ReplayResult result)
        {
            if (GroupBy.IsPresent || Summary.IsPresent || (!IncludeEqual.IsPresent && result.Flip == FlipKind.None))
            {
                return;
            }

            WriteObject(result);
        }

        /// <inheritdoc />
        protected override void Complete()
        {
            if (!GroupBy.IsPresent && !Summary.IsPresent)
            {
                return;
            }

            PolicyAttribution.Attribute(ReferencePolicy, DifferencePolicy, Session.Summary);
            if (Summary.IsPresent)
            {
                WriteObject(ReportCommandBase.WithPolicies(Session.Summary, ReferencePolicy, DifferencePolicy));
                return;
            }

            foreach (FlipGroup group in Session.Summary.Groups)
            {
                WriteObject(group);
            }
        }
    }
}
