using System;
using System.Management.Automation;
using PolicySim.Evaluation;
using PolicySim.Replay;

namespace PolicySim.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Counts decisions and flips from the pipeline.</para>
    /// <para type="description">
    /// Aggregates the PolicyDecision objects of Test-PolicyEvent and the ReplayResult objects of Invoke-PolicyReplay and
    /// Compare-PolicyDecision into one DecisionStatistics object, emitted after the last input: counts by outcome, by
    /// guard and by flip kind, and the ten most frequent targets.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "PolicyDecision")]
    [OutputType(typeof(DecisionStatistics))]
    public sealed class MeasurePolicyDecisionCommand : PSCmdlet
    {
        private readonly DecisionStatistics _statistics = new DecisionStatistics();

        /// <summary>Gets or sets the decisions and replay results to count.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowNull]
        [AllowEmptyCollection]
        public object?[] InputObject { get; set; } = Array.Empty<object>();

        /// <summary>Counts each input item.</summary>
        protected override void ProcessRecord()
        {
            foreach (object? item in InputObject)
            {
                switch (PSObjects.Base(item))
                {
                    case null:
                        break;
                    case PolicyDecision decision:
                        _statistics.Add(decision);
                        break;
                    case ReplayResult result:
                        _statistics.Add(result);
                        break;
                    default:
                        var ex = new ArgumentException("Measure-PolicyDecision counts PolicyDecision (Test-PolicyEvent) and ReplayResult (Invoke-PolicyReplay, Compare-PolicyDecision) objects, not " + (PSObjects.Base(item)?.GetType().FullName ?? "null") + ".");
                        WriteError(new ErrorRecord(ex, ErrorIds.UnsupportedMeasureInput, ErrorCategory.InvalidType, item));
                        break;
                }
            }
        }

        /// <summary>Emits the statistics.</summary>
        protected override void EndProcessing() => WriteObject(_statistics);
    }
}
