using System.Management.Automation;
using PolicySim.Policies;

namespace PolicySim.PowerShell
{
    /// <summary>Loads policies the way every cmdlet should: built-in names first, else paths relative to the PowerShell location.</summary>
    internal static class PolicyPaths
    {
        /// <summary>Load options whose relative <c>extends</c> resolve against the current PowerShell location (not the process directory).</summary>
        public static PolicyLoadOptions Options(SessionState sessionState) =>
            new PolicyLoadOptions { BaseDirectory = sessionState.Path.CurrentFileSystemLocation.ProviderPath };

        /// <summary>Loads a built-in ruleset name or a (PowerShell) path such as <c>~/p.yaml</c> or <c>.\p.yaml</c>.</summary>
        /// <exception cref="PolicyLoadException">The policy is invalid or unreadable.</exception>
        public static PolicyDefinition Load(string reference, SessionState sessionState)
        {
            if (PolicyLoader.IsBuiltInRuleset(reference))
            {
                return PolicyLoader.Load(reference, Options(sessionState));
            }

            string full = sessionState.Path.GetUnresolvedProviderPathFromPSPath(reference);
            return PolicyLoader.Load(full, Options(sessionState));
        }

        /// <summary>The load error's message followed by each diagnostic that the message does not already show.</summary>
        public static string Describe(PolicyLoadException exception)
        {
            var text = new System.Text.StringBuilder(exception.Message);
            foreach (PolicyDiagnostic diagnostic in exception.Diagnostics)
            {
                string line = diagnostic.ToString();
                if (exception.Message.IndexOf(diagnostic.Message, System.StringComparison.Ordinal) < 0 || diagnostic.Line > 0)
                {
                    text.AppendLine().Append("  ").Append(line);
                }
            }

            return text.ToString();
        }

        /// <summary>The error record for a policy that failed to load: InvalidData (or ReadError for I/O) with the diagnostics in the message.</summary>
        public static ErrorRecord LoadError(PolicyLoadException exception, object target)
        {
            bool io = exception.Failure == PolicyLoadFailure.Io;
            var record = new ErrorRecord(
                exception,
                io ? ErrorIds.LoadFailed : ErrorIds.InvalidPolicy,
                io ? ErrorCategory.ReadError : ErrorCategory.InvalidData,
                target)
            {
                ErrorDetails = new ErrorDetails(Describe(exception)),
            };
            return record;
        }
    }
}
