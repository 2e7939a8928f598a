using System;

namespace PolicySim.Events
{
    /// <summary>
    /// A well-formed PolicyEvent cannot be turned into an action (Clawdstrike spec §2.3): event type and
    /// data type disagree, the event type is unknown, or <c>contentBase64</c> is not valid base64.
    /// The CLI reports it as <c>Failed to map PolicyEvent on line {n}: {Message}</c>.
    /// </summary>
    public sealed class PolicyEventMappingException : FormatException
    {
        /// <summary>Creates the exception.</summary>
        public PolicyEventMappingException()
        {
        }

        /// <summary>Creates the exception with the reference implementation's message.</summary>
        /// <param name="message">The message, e.g. <c>unsupported eventType: process_start</c>.</param>
        public PolicyEventMappingException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with a message and the error that caused it.</summary>
        /// <param name="message">The message.</param>
        /// <param name="innerException">The cause.</param>
        public PolicyEventMappingException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
