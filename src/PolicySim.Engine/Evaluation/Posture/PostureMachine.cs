using System;
using System.Collections.Generic;
using System.Linq;
using PolicySim.Policies.Clawdstrike;

namespace PolicySim.Evaluation.Posture
{
    /// <summary>A compiled posture block (spec Appendix A): states with capabilities and budgets, and transitions.</summary>
    internal sealed class PostureMachine
    {
        public PostureMachine(PostureConfig config)
        {
            Initial = config.Initial;
            States = config.States.ToDictionary(
                s => s.Name,
                s => (Capabilities: new HashSet<string>(s.Capabilities, StringComparer.Ordinal), Budgets: s.Budgets.ToList()),
                StringComparer.Ordinal);
            Transitions = config.Transitions.Select(t => new Transition(
                t.From,
                t.To,
                t.On,
                t.After != null && ClawdstrikeValidator.TryParseDuration(t.After, out TimeSpan d) ? d : (TimeSpan?)null)).ToList();
        }

        public string Initial { get; }

        public Dictionary<string, (HashSet<string> Capabilities, List<KeyValuePair<string, long>> Budgets)> States { get; }

        public List<Transition> Transitions { get; }

        /// <summary>The capability an action needs.</summary>
        public static string CapabilityOf(ActionKind kind) => kind switch
        {
            ActionKind.FileAccess => "file_access",
            ActionKind.FileWrite => "file_write",
            ActionKind.NetworkEgress => "egress",
            ActionKind.ShellCommand => "shell",
            ActionKind.McpTool => "mcp_tool",
            ActionKind.Patch => "patch",
            _ => "custom",
        };

        /// <summary>The budget a capability consumes, or null (file_access has none).</summary>
        public static string? BudgetOf(string capability) => capability switch
        {
            "file_write" => "file_writes",
            "egress" => "egress_calls",
            "shell" => "shell_commands",
            "mcp_tool" => "mcp_tool_calls",
            "patch" => "patches",
            "custom" => "custom_calls",
            _ => null,
        };

        /// <summary>The first transition (list order) from <paramref name="state"/> (or <c>*</c>) on <paramref name="trigger"/>.</summary>
        public Transition? Find(string state, string trigger) =>
            Transitions.FirstOrDefault(t => t.On == trigger && (t.From == "*" || t.From == state));

        internal sealed class Transition
        {
            public Transition(string from, string to, string on, TimeSpan? after)
            {
                From = from;
                To = to;
                On = on;
                After = after;
            }

            public string From { get; }

            public string To { get; }

            public string On { get; }

            public TimeSpan? After { get; }
        }
    }
}
