using System;
using System.Globalization;
using System.Text;
using PolicySim.Policies;
using PolicySim.Replay;
using PolicySim.Serialization;

namespace PolicySim.Reports
{
    /// <summary>The reference <c>policy impact</c> text and JSON reports (Clawdstrike spec §5.5).</summary>
    public static class ImpactReport
    {
        /// <summary>The text report.</summary>
        /// <param name="impact">The counters.</param>
        /// <returns>Lines ending in <c>\n</c>.</returns>
        public static string Text(ImpactSummary impact)
        {
            Require.NotNull(impact, nameof(impact));

            var sb = new StringBuilder();
            void Line(string label, long n) => sb.Append(label).Append(n.ToString(CultureInfo.InvariantCulture)).Append('\n');
            sb.Append("Policy impact report\n====================\n");
            Line("Events: ", impact.Total);
            Line("Changed: ", impact.Changed);
            Line("Allow -> Warn: ", impact.AllowToWarn);
            Line("Allow -> Block: ", impact.AllowToBlock);
            Line("Warn -> Allow: ", impact.WarnToAllow);
            Line("Warn -> Block: ", impact.WarnToBlock);
            Line("Block -> Allow: ", impact.BlockToAllow);
            Line("Block -> Warn: ", impact.BlockToWarn);
            return sb.ToString();
        }

        /// <summary>The JSON report: <c>{version, command, old_policy, new_policy, events, summary, exit_code, error?}</c>.</summary>
        /// <param name="oldReference">The old policy argument.</param>
        /// <param name="oldPolicy">The loaded old policy, or null.</param>
        /// <param name="newReference">The new policy argument.</param>
        /// <param name="newPolicy">The loaded new policy, or null.</param>
        /// <param name="eventsPath">The events argument.</param>
        /// <param name="impact">The counters (null when nothing ran).</param>
        /// <param name="exitCode">The exit code.</param>
        /// <param name="errorKind"><c>config_error</c> or <c>runtime_error</c>, with <paramref name="errorMessage"/>.</param>
        /// <param name="errorMessage">The error, or null.</param>
        /// <returns>Pretty JSON without a trailing newline.</returns>
        public static string Json(string oldReference, PolicyDefinition? oldPolicy, string newReference, PolicyDefinition? newPolicy, string eventsPath, ImpactSummary? impact, int exitCode, string? errorKind, string? errorMessage)
        {
            var w = new SerdeJsonWriter(pretty: true);
            w.WriteStartObject();
            w.WriteInteger("version", 1);
            w.WriteString("command", "policy_impact");
            w.WritePropertyName("old_policy");
            ClawdstrikeJson.WritePolicySource(w, oldPolicy, oldReference ?? string.Empty);
            w.WritePropertyName("new_policy");
            ClawdstrikeJson.WritePolicySource(w, newPolicy, newReference ?? string.Empty);
            w.WritePropertyName("events");
            w.WriteStartObject();
            w.WriteString("path", eventsPath);
            w.WriteInteger("count", impact?.Total ?? 0);
            w.WriteEndObject();
            w.WritePropertyName("summary");
            w.WriteStartObject();
            w.WriteInteger("total", impact?.Total ?? 0);
            w.WriteInteger("changed", impact?.Changed ?? 0);
            w.WriteInteger("allow_to_warn", impact?.AllowToWarn ?? 0);
            w.WriteInteger("allow_to_block", impact?.AllowToBlock ?? 0);
            w.WriteInteger("warn_to_allow", impact?.WarnToAllow ?? 0);
            w.WriteInteger("warn_to_block", impact?.WarnToBlock ?? 0);
            w.WriteInteger("block_to_allow", impact?.BlockToAllow ?? 0);
            w.WriteInteger("block_to_warn", impact?.BlockToWarn ?? 0);
            w.WriteEndObject();
            w.WriteInteger("exit_code", exitCode);
            if (errorMessage != null)
            {
                ClawdstrikeJson.WriteError(w, errorKind ?? "config_error", errorMessage);
            }

            w.WriteEndObject();
            return w.ToString();
        }
    }
}
