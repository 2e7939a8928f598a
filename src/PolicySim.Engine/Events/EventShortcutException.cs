using System;

namespace PolicySim.Events
{
    /// <summary>
    /// A what-if shortcut such as <c>egress api.github.com 443</c> could not be read: unknown keyword, missing
    /// argument, bad port or bad JSON parameters. Hosts report it with the id <c>PolicySim.Events.InvalidShortcut</c>.
    /// </summary>
    public sealed class EventShortcutException : FormatException
    {
        /// <summary>Creates the exception.</summary>
        public EventShortcutException()
        {
        }

        /// <summary>Creates the exception with a message.</summary>
        /// <param name="message">What is wrong, naming the shortcut.</param>
        public EventShortcutException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with a message and its cause.</summary>
        /// <param name="message">What is wrong.</param>
        /// <param name="innerException">The cause.</param>
        public EventShortcutException(string message, Exception innerException)
            : base(message, innerException)
        {
        }

        /// <summary>Gets the stable error id hosts use for this problem.</summary>
        public static string ErrorId => "PolicySim.Events.InvalidShortcut";
    }
}
