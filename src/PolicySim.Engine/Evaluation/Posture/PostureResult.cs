using System.Collections.Generic;

namespace PolicySim.Evaluation.Posture
{
    /// <summary>The posture state after one event, and whether posture state (not the guards) decided it.</summary>
    public sealed class PostureResult
    {
        internal PostureResult(string state, IReadOnlyList<PostureBudget> budgets, PostureTransition? transition, bool decidedByPosture)
        {
            State = state;
            Budgets = budgets;
            Transition = transition;
            DecidedByPosture = decidedByPosture;
        }

        /// <summary>Gets the state after the event.</summary>
        public string State { get; }

        /// <summary>Gets the current state's budgets (sorted by name).</summary>
        public IReadOnlyList<PostureBudget> Budgets { get; }

        /// <summary>Gets the transition that happened during this event, or null.</summary>
        public PostureTransition? Transition { get; }

        /// <summary>Gets whether the posture pre-check (capability or budget), i.e. session state, decided this event.</summary>
        public bool DecidedByPosture { get; }

        /// <summary>Returns the state name.</summary>
        /// <returns>The state.</returns>
        public override string ToString() => State;
    }
}
