using System;

namespace PolicySim.Evaluation.Posture
{
    /// <summary>A posture state change that happened while deciding one event.</summary>
    public sealed class PostureTransition
    {
        internal PostureTransition(string from, string to, string trigger, DateTimeOffset at)
        {
            From = from;
            To = to;
            Trigger = trigger;
            At = at;
        }

        /// <summary>Gets the state left.</summary>
        public string From { get; }

        /// <summary>Gets the state entered.</summary>
        public string To { get; }

        /// <summary>Gets the trigger, e.g. <c>critical_violation</c>, <c>budget_exhausted</c>, <c>timeout</c>.</summary>
        public string Trigger { get; }

        /// <summary>Gets when (the event's time).</summary>
        public DateTimeOffset At { get; }

        /// <summary>Formats as <c>from -> to (trigger)</c>.</summary>
        /// <returns>One line.</returns>
        public override string ToString() => From + " -> " + To + " (" + Trigger + ")";
    }
}
