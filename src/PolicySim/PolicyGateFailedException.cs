using System;
using PolicySim.Reports;

namespace PolicySim.PowerShell
{
    /// <summary>
    /// The exception of the terminating error <c>PolicySim.Gate.Failed</c> that <c>Assert-PolicyChange</c> throws when a
    /// gate fails. It lives in the cmdlet assembly (loaded in PowerShell's default context) so that scripts can name it on
    /// every edition: <c>catch [PolicySim.PowerShell.PolicyGateFailedException]</c>. It derives from the engine's
    /// <see cref="global::PolicySim.PolicyGateFailedException"/> (whose type literal resolves on Windows PowerShell 5.1
    /// but not on PowerShell 7, where the engine sits in a private load context), so .NET hosts can catch either.
    /// </summary>
    public class PolicyGateFailedException : global::PolicySim.PolicyGateFailedException
    {
        /// <summary>Creates the exception from the gate's verdict.</summary>
        /// <param name="result">The failed verdict.</param>
        public PolicyGateFailedException(GateResult result)
            : base(result)
        {
        }

        /// <summary>Creates the exception with a message.</summary>
        /// <param name="message">The message.</param>
        public PolicyGateFailedException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with a message and a cause.</summary>
        /// <param name="message">The message.</param>
        /// <param name="innerException">The cause.</param>
        public PolicyGateFailedException(string message, Exception? innerException)
            : base(message, innerException)
        {
        }

        /// <summary>Creates the exception with no message.</summary>
        public PolicyGateFailedException()
        {
        }
    }
}
