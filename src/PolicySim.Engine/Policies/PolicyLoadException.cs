using System;
using System.Collections.Generic;

namespace PolicySim.Policies
{
    /// <summary>What kind of failure stopped a policy from loading; hosts map it to exit codes (3 or 4).</summary>
    public enum PolicyLoadFailure
    {
        /// <summary>The policy is invalid: YAML, schema, version or validation errors (CLI exit 3).</summary>
        Configuration,

        /// <summary>The policy file could not be read (CLI exit 4).</summary>
        Io,
    }

    /// <summary>A policy could not be loaded; carries every diagnostic found.</summary>
    public sealed class PolicyLoadException : PolicySimException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">The whole message (all diagnostics).</param>
        /// <param name="failure">Configuration or I/O.</param>
        /// <param name="diagnostics">Every problem found, in document order.</param>
        /// <param name="innerException">The cause, if any.</param>
        public PolicyLoadException(string message, PolicyLoadFailure failure, IReadOnlyList<PolicyDiagnostic> diagnostics, Exception? innerException = null)
            : base(message, innerException)
        {
            Failure = failure;
            Diagnostics = diagnostics;
        }

        /// <summary>Gets whether the policy is invalid or unreadable.</summary>
        public PolicyLoadFailure Failure { get; }

        /// <summary>Gets every problem found.</summary>
        public IReadOnlyList<PolicyDiagnostic> Diagnostics { get; }
    }
}
