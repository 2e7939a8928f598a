using System;
using System.Collections;
using System.Collections.Specialized;
using System.Globalization;
using System.Management.Automation;
using PolicySim.Evaluation;
using PolicySim.Events;
using PolicySim.Policies;

namespace PolicySim.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Decides events under a policy.</para>
    /// <para type="description">
    /// Decides each input event: a PolicyEvent, PolicyEvent JSON text, a hashtable or object with the PolicyEvent
    /// fields, or a what-if shortcut such as <c>'file:read /etc/passwd'</c>. Emits one decision per event, or with
    /// <c>-Quiet</c> only whether it is allowed. A bad item is an error for that item; the rest go on.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "PolicyEvent", DefaultParameterSetName = DecisionSet)]
    [OutputType(typeof(PolicyDecision), ParameterSetName = new[] { DecisionSet })]
    [OutputType(typeof(bool), ParameterSetName = new[] { QuietSet })]
    public sealed class TestPolicyEventCommand : PSCmdlet
    {
        /// <summary>The parameter set that emits decisions.</summary>
        public const string DecisionSet = "Decision";

        /// <summary>The parameter set that emits booleans.</summary>
        public const string QuietSet = "Quiet";

        /// <summary>The built-in ruleset used when <c>-Policy</c> is not given.</summary>
        public const string DefaultPolicyName = "default";

        private int _shortcuts;
        private int _objects;
        private PolicyDefinition? _policy;

        /// <summary>Gets or sets the events: PolicyEvent objects, JSON text, hashtables/objects, or shortcuts.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = DecisionSet)]
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = QuietSet)]
        [AllowEmptyString]
        public object[] InputObject { get; set; } = Array.Empty<object>();

        /// <summary>Gets or sets the policy: a loaded policy, a built-in ruleset name or a policy file path (default: the <c>default</c> ruleset).</summary>
        [Parameter(Position = 1, ParameterSetName = DecisionSet)]
        [Parameter(Position = 1, ParameterSetName = QuietSet)]
        [PolicyArgumentTransformation]
        [ArgumentCompleter(typeof(BuiltInRulesetCompleter))]
        [ValidateNotNull]
        public PolicyDefinition? Policy { get; set; }

        /// <summary>Gets or sets whether to emit only <c>$true</c> (allowed, including warnings) or <c>$false</c> per event.</summary>
        [Parameter(Mandatory = true, ParameterSetName = QuietSet)]
        public SwitchParameter Quiet { get; set; }

        /// <summary>Settles the policy once; without one, uses the built-in <c>default</c> ruleset.</summary>
        protected override void BeginProcessing()
        {
            UnicodeWarning.WriteOnce(this);
            if (Policy != null)
            {
                _policy = Policy;
                return;
            }

            try
            {
                _policy = PolicyLoader.Load(DefaultPolicyName, PolicyPaths.Options(SessionState));
                WriteVerbose("No -Policy given; using the built-in '" + DefaultPolicyName + "' ruleset.");
            }
            catch (PolicyLoadException ex)
            {
                ErrorRecord record = PolicyPaths.LoadError(ex, DefaultPolicyName);
                ThrowTerminatingError(new ErrorRecord(record, ex) { ErrorDetails = record.ErrorDetails });
            }
        }

        /// <summary>Decides each input item.</summary>
        protected override void ProcessRecord()
        {
            foreach (object item in InputObject)
            {
                Decide(item);
            }
        }

        private void Decide(object item)
        {
            if (item is null)
            {
                return;
            }

            PolicyEvent ev;
            try
            {
                object? value = item is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : item;
                switch (value)
                {
                    case PolicyEvent given:
                        ev = given;
                        break;
                    case string text when text.Trim().Length == 0:
                        return; // blank lines of JSONL read with Get-Content
                    case string text when text.TrimStart().StartsWith("{", StringComparison.Ordinal) || text.TrimStart().StartsWith("[", StringComparison.Ordinal):
                        ev = PolicyDecider.ParseEvent(text);
                        break;
                    case string text:
                        _shortcuts++;
                        ev = EventShortcut.Parse(text, "shortcut-" + _shortcuts.ToString(CultureInfo.InvariantCulture), Now());
                        break;
                    default:
                        _objects++;
                        ev = PolicyEventObjects.FromObject(value, "object-" + _objects.ToString(CultureInfo.InvariantCulture), Now(), PSObjects.Unwrap);
                        break;
                }
            }
            catch (EventShortcutException ex)
            {
                WriteError(new ErrorRecord(ex, EventShortcutException.ErrorId, ErrorCategory.InvalidArgument, item));
                return;
            }
            catch (PolicyEventFormatException ex)
            {
                WriteError(new ErrorRecord(ex, "PolicySim.Events." + RecordErrorKind.InvalidJson, ErrorCategory.InvalidData, item)
                {
                    ErrorDetails = new ErrorDetails("Invalid PolicyEvent JSON: " + ex.Message),
                });
                return;
            }

            PolicyDecision decision;
            try
            {
                decision = PolicyDecider.Decide(_policy!, ev);
            }
            catch (PolicyEventMappingException ex)
            {
                WriteError(new ErrorRecord(ex, "PolicySim.Events." + RecordErrorKind.Unmappable, ErrorCategory.InvalidData, item)
                {
                    ErrorDetails = new ErrorDetails("Failed to map PolicyEvent: " + ex.Message),
                });
                return;
            }

            if (Quiet.IsPresent)
            {
                WriteObject(decision.Allowed);
            }
            else
            {
                WriteObject(decision);
            }
        }

        /// <summary>Event time for shortcuts and objects without one: now, to the second (never used for decisions).</summary>
        private static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }
}
