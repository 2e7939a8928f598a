using System;
using PolicySim.Evaluation;

namespace PolicySim.Events
{
    /// <summary>The action an event maps to, plus the decision reason the mapping produced (Clawdstrike spec §2.3).</summary>
    public sealed class MappedEvent
    {
        /// <summary>The reason reported when a <c>file_write</c> carries neither <c>contentBase64</c> nor <c>content</c>.</summary>
        public const string MissingContentBytesReason = "missing_content_bytes";

        /// <summary>Creates a mapped event.</summary>
        /// <param name="action">The action guards see.</param>
        /// <param name="reason">The decision reason, or null.</param>
        public MappedEvent(PolicyAction action, string? reason)
        {
            Action = action ?? throw new ArgumentNullException(nameof(action));
            Reason = reason;
        }

        /// <summary>Gets the action guards see.</summary>
        public PolicyAction Action { get; }

        /// <summary>Gets the decision reason (<c>missing_content_bytes</c>) or null; independent of the outcome.</summary>
        public string? Reason { get; }
    }
}
