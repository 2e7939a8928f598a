using System;
using System.Collections.Generic;
using System.Globalization;
using PolicySim.Policies.Clawdstrike;
using PolicySim.Serialization;

namespace PolicySim.Evaluation.Guards
{
    /// <summary><c>mcp_tool</c> (spec §3.6): argument size, then block, confirmation, allow-list mode, default.</summary>
    internal sealed class McpToolGuard : IGuard
    {
        public const string GuardName = "mcp_tool";

        private readonly HashSet<string> _allow;
        private readonly HashSet<string> _block;
        private readonly HashSet<string> _confirm;
        private readonly McpDefaultAction _defaultAction;
        private readonly long _maxArgsSize;

        public McpToolGuard(IEnumerable<string> allow, IEnumerable<string> block, IEnumerable<string> confirm, McpDefaultAction defaultAction, long maxArgsSize)
        {
            _allow = new HashSet<string>(allow, StringComparer.Ordinal);
            _block = new HashSet<string>(block, StringComparer.Ordinal);
            _confirm = new HashSet<string>(confirm, StringComparer.Ordinal);
            _defaultAction = defaultAction;
            _maxArgsSize = maxArgsSize;
            ConfigKey = new GuardConfigKey(GuardName).AddSet(_allow).AddSet(_block).AddSet(_confirm).Add((long)defaultAction).Add(maxArgsSize).ToString();
        }

        public string ConfigKey { get; }

        public string Name => GuardName;

        public GuardStage Stage => GuardStage.Fast;

        public bool Handles(PolicyAction action) => action.Kind == ActionKind.McpTool;

        public GuardResult Evaluate(PolicyAction action)
        {
            var tool = (McpToolAction)action;
            long size = tool.ParametersSize;
            if (size > _maxArgsSize)
            {
                return GuardResult.Block(
                    GuardName,
                    GuardSeverity.Error,
                    "Tool arguments too large: " + size.ToString(CultureInfo.InvariantCulture) + " bytes (max: " + _maxArgsSize.ToString(CultureInfo.InvariantCulture) + ")",
                    null,
                    "max_args_size");
            }

            string name = tool.ToolName;
            if (_block.Contains(name))
            {
                return Blocked(name, name);
            }

            if (_confirm.Contains(name))
            {
                return NeedsConfirmation(name);
            }

            if (_allow.Count > 0)
            {
                return _allow.Contains(name) ? new GuardResult(true, GuardName, GuardSeverity.Info, "Allowed", null, name) : Blocked(name, null);
            }

            return _defaultAction == McpDefaultAction.Block ? Blocked(name, null) : GuardResult.Allow(GuardName);
        }

        // Its own method so that the closure over `name` is allocated for confirmations only (see ForbiddenPathGuard).
        private static GuardResult NeedsConfirmation(string name)
        {
            return GuardResult.WarnLazy(
                GuardName,
                "Tool '" + name + "' requires confirmation",
                () => Details.Of(("requires_confirmation", true), ("tool", name)),
                name);
        }

        private static GuardResult Blocked(string name, string? pattern)
        {
            // Details are built only if read (counting runs never read them).
            return GuardResult.BlockLazy(
                GuardName,
                GuardSeverity.Error,
                "Tool '" + name + "' is blocked by policy",
                () => Details.Of(("reason", "blocked_by_policy"), ("tool", name)),
                pattern);
        }
    }
}
