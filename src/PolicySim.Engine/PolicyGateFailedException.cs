using System;
using PolicySim.Reports;

namespace PolicySim
{
    /// <summary>
    /// A policy change failed a CI gate (<see cref="PolicyGate"/>): distinct from a crash or a bad input, so a
    /// pipeline can tell "the change is not acceptable" from "the tool could not run".
    /// </summary>
    public class PolicyGateFailedException : PolicySimException
    {
        /// <summary>Creates the exception from the gate's verdict.</summary>
        /// <param name="result">The failed verdict.</param>
        public PolicyGateFailedException(GateResult result)
            : base(result?.ToString() ?? "Gate failed")
        {
            Result = result ?? new GateResult(false, Array.Empty<string>());
        }

        /// <summary>Creates the exception with a message.</summary>
        /// <param name="message">The message.</param>
        public PolicyGateFailedException(string message)
            : base(message)
        {
            Result = new GateResult(false, new[] { message });
        }

        /// <summary>Creates the exception with a message and a cause.</summary>
        /// <param name="message">The message.</param>
        /// <param name="innerException">The cause.</param>
        public PolicyGateFailedException(string message, Exception? innerException)
            : base(message, innerException)
        {
            Result = new GateResult(false, new[] { message });
        }

        /// <summary>Creates the exception with no message.</summary>
        public PolicyGateFailedException()
            : this("Gate failed")
        {
        }

        /// <summary>Gets the verdict, with the reasons the gate failed.</summary>
        public GateResult Result { get; }
    }
}
