using System;
using System.Collections.Generic;
using PolicySim.Evaluation;
using PolicySim.Evaluation.Posture;
using PolicySim.Policies.Clawdstrike;

namespace PolicySim.Policies
{
    /// <summary>
    /// A loaded, validated, resolved and compiled policy: immutable, thread-safe, reusable for any number of
    /// decisions. Every <c>-Policy</c> parameter accepts one.
    /// </summary>
    public sealed class PolicyDefinition
    {
        // Every decision names its policy: one string per policy, not one per decision (immutable type, so a benign race).
        private string? _display;

        internal PolicyDefinition(
            string name,
            string description,
            string version,
            string dialect,
            PolicySourceKind sourceKind,
            string reference,
            string? path,
            bool failFast,
            IReadOnlyList<PolicyRule> rules,
            PolicyEvaluator evaluator,
            ClawdstrikeDocument? document,
            PostureMachine? posture = null)
        {
            Name = name;
            Description = description;
            Version = version;
            Dialect = dialect;
            SourceKind = sourceKind;
            Reference = reference;
            Path = path;
            FailFast = failFast;
            Rules = rules;
            Evaluator = evaluator;
            Document = document;
            Posture = posture;
        }

        /// <summary>Gets the policy's name (may be empty).</summary>
        public string Name { get; }

        /// <summary>Gets the description (may be empty).</summary>
        public string Description { get; }

        /// <summary>Gets the schema version after resolution, e.g. <c>1.1.0</c>.</summary>
        public string Version { get; }

        /// <summary>Gets the dialect, e.g. <c>clawdstrike</c>.</summary>
        public string Dialect { get; }

        /// <summary>Gets whether it came from a built-in ruleset, a file or inline text.</summary>
        public PolicySourceKind SourceKind { get; }

        /// <summary>Gets the reference as the user gave it (ruleset name without prefix, or the path as given).</summary>
        public string Reference { get; }

        /// <summary>Gets the full path of the policy file, or null.</summary>
        public string? Path { get; }

        /// <summary>Gets whether evaluation stops at the first block within a stage.</summary>
        public bool FailFast { get; }

        /// <summary>Gets the rules of the resolved policy, guard by guard.</summary>
        public IReadOnlyList<PolicyRule> Rules { get; }

        /// <summary>Gets the names of the guards that run, in evaluation order.</summary>
        public IReadOnlyList<string> Guards
        {
            get
            {
                var list = new List<string>();
                foreach (var g in Evaluator.Guards)
                {
                    list.Add(g.Name);
                }

                return list;
            }
        }

        /// <summary>Gets whether the policy defines posture (stateful capabilities and budgets, spec Appendix A).</summary>
        public bool HasPosture => Posture != null;

        internal PolicyEvaluator Evaluator { get; }

        internal PostureMachine? Posture { get; }

        internal ClawdstrikeDocument? Document { get; }

        /// <summary>Evaluates one action under this policy.</summary>
        /// <param name="action">The action.</param>
        /// <returns>The overall and per-guard results.</returns>
        public EvaluationReport Evaluate(PolicyAction action)
        {
            if (action is null)
            {
                throw new ArgumentNullException(nameof(action));
            }

            return Evaluator.Evaluate(action);
        }

        /// <summary>Formats as <c>Name (source)</c>.</summary>
        /// <returns>A short description.</returns>
        public override string ToString() => _display ??= Display();

        private string Display()
        {
            string source = SourceKind == PolicySourceKind.Ruleset ? "ruleset:" + Reference : Path ?? Reference;
            return Name.Length > 0 ? Name + " (" + source + ")" : source;
        }
    }
}
