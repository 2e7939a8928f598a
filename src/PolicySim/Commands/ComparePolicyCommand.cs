using System.Management.Automation;
using PolicySim.Policies;
using PolicySim.Policies.Diff;

namespace PolicySim.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists the structural differences between two policies.</para>
    /// <para type="description">
    /// Resolves both policies (extends included) and emits one PolicyChange per JSON-pointer path that was added,
    /// removed or changed; with <c>-IncludeRules</c>, then one RuleChange per rule present in only one policy.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsData.Compare, "Policy")]
    [OutputType(typeof(PolicyChange), typeof(RuleChange))]
    public sealed class ComparePolicyCommand : PSCmdlet
    {
        /// <summary>Gets or sets the reference (old) policy.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [PolicyArgumentTransformation]
        [ArgumentCompleter(typeof(BuiltInRulesetCompleter))]
        [ValidateNotNull]
        public PolicyDefinition ReferencePolicy { get; set; } = null!;

        /// <summary>Gets or sets the difference (new) policy; several can be piped in, each compared with the reference.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
        [PolicyArgumentTransformation]
        [ArgumentCompleter(typeof(BuiltInRulesetCompleter))]
        [ValidateNotNull]
        public PolicyDefinition DifferencePolicy { get; set; } = null!;

        /// <summary>Gets or sets whether to emit RuleChange objects for rules added or removed, after the structural changes.</summary>
        [Parameter]
        public SwitchParameter IncludeRules { get; set; }

        /// <summary>Compares the reference with this difference policy.</summary>
        protected override void ProcessRecord()
        {
            PolicyDiffResult diff = PolicyDiff.Compare(ReferencePolicy, DifferencePolicy);
            WriteVerbose(diff.ToString());
            foreach (PolicyChange change in diff.Changes)
            {
                WriteObject(change);
            }

            if (IncludeRules.IsPresent)
            {
                foreach (RuleChange rule in RuleChange.From(diff))
                {
                    WriteObject(rule);
                }
            }
        }
    }
}
