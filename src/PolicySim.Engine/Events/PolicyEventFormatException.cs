using System;

namespace PolicySim.Events
{
    /// <summary>
    /// A record is not a valid PolicyEvent (Clawdstrike spec §2.1–2.2): bad JSON, a missing or duplicated
    /// field, or a field of the wrong type. The CLI reports it as <c>Invalid PolicyEvent JSON on line {n}: {Message}</c>.
    /// </summary>
    public sealed class PolicyEventFormatException : FormatException
    {
        /// <summary>Creates the exception.</summary>
        public PolicyEventFormatException()
        {
        }

        /// <summary>Creates the exception with a serde_json-like message.</summary>
        /// <param name="message">The message, e.g. <c>missing field `eventId`</c>.</param>
        public PolicyEventFormatException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with a message and the error that caused it.</summary>
        /// <param name="message">The message.</param>
        /// <param name="innerException">The cause.</param>
        public PolicyEventFormatException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        /// <summary>Creates the exception naming the offending field.</summary>
        /// <param name="message">The message.</param>
        /// <param name="field">The canonical field name (e.g. <c>eventId</c>, <c>data.port</c>), or null.</param>
        public PolicyEventFormatException(string message, string? field)
            : base(message)
        {
            Field = field;
        }

        /// <summary>Gets the canonical name of the offending field, when one is known.</summary>
        public string? Field { get; }
    }
}
