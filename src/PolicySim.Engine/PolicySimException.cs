using System;

namespace PolicySim
{
    /// <summary>Base type of every error PolicySim raises on purpose (bad policy, bad input, failed gate).</summary>
    public class PolicySimException : Exception
    {
        /// <summary>Creates an exception with a message.</summary>
        /// <param name="message">What went wrong, naming the source.</param>
        public PolicySimException(string message)
            : base(message)
        {
        }

        /// <summary>Creates an exception with a message and the underlying cause.</summary>
        /// <param name="message">What went wrong, naming the source.</param>
        /// <param name="innerException">The cause.</param>
        public PolicySimException(string message, Exception? innerException)
            : base(message, innerException)
        {
        }

        /// <summary>Creates an exception with no message (required by serialization conventions).</summary>
        public PolicySimException()
        {
        }
    }
}
