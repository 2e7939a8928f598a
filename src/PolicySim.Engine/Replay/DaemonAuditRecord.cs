using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using PolicySim.Evaluation;
using PolicySim.Events;
using PolicySim.Serialization;

namespace PolicySim.Replay
{
    /// <summary>
    /// Reads one Clawdstrike daemon audit event (<c>id, timestamp, event_type, action_type, target, decision,
    /// guard, severity, message, session_id, agent_id, metadata</c>) and rebuilds the event from
    /// <c>action_type</c> and <c>target</c>. The log holds no payloads, so the fields a guard would read from the
    /// payload are listed as missing (<c>data.content</c>, <c>data.patchContent</c>, <c>data.parameters</c>,
    /// <c>data.text</c>). Session events (<c>session_start</c>, <c>session_end</c>, action type <c>session</c>) are not decisions.
    /// </summary>
    internal static class DaemonAuditRecord
    {
        private static readonly string[] Content = { "data.content" };
        private static readonly string[] PatchContent = { "data.patchContent" };
        private static readonly string[] Parameters = { "data.parameters" };
        private static readonly string[] Text = { "data.text" };
        private static readonly string[] TargetField = { "target" };

        public static RecordedDecisionReadResult Read(JsonElement root, string source, long line)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Error(source, line, ReplayErrorKind.InvalidJson, "invalid type: expected an audit event object");
            }

            string? id = RecordedDecisionReader.OptionalString(root, "id");
            string? timestampText = RecordedDecisionReader.OptionalString(root, "timestamp");
            string? auditType = RecordedDecisionReader.OptionalString(root, "event_type");
            string? actionType = RecordedDecisionReader.OptionalString(root, "action_type");
            string? decision = RecordedDecisionReader.OptionalString(root, "decision");
            if (id == null || id.Trim().Length == 0)
            {
                return Error(source, line, ReplayErrorKind.InvalidJson, "missing field `id`");
            }

            if (timestampText == null)
            {
                return Error(source, line, ReplayErrorKind.InvalidJson, "missing field `timestamp`");
            }

            if (!Rfc3339Timestamp.TryParse(timestampText, out DateTimeOffset timestamp, out string? timeError))
            {
                return Error(source, line, ReplayErrorKind.InvalidJson, "invalid timestamp: " + timeError);
            }

            if (actionType == null)
            {
                return Error(source, line, ReplayErrorKind.InvalidJson, "missing field `action_type`");
            }

            if (auditType == "session_start" || auditType == "session_end" || actionType == "session")
            {
                return RecordedDecisionReadResult.NotADecision();
            }

            if (decision == null)
            {
                return Error(source, line, ReplayErrorKind.InvalidJson, "missing field `decision`");
            }

            string? severityWord = RecordedDecisionReader.OptionalString(root, "severity");
            string? canonicalSeverity = severityWord == null ? null : CanonicalSeverity(severityWord);
            DecisionOutcome? outcome = RecordedDecisionReader.ParseOutcomeWord(decision);
            if (outcome == null)
            {
                return Error(source, line, ReplayErrorKind.InvalidRecord, "decision must be allowed or blocked; got \"" + decision + "\"");
            }

            if (outcome == DecisionOutcome.Allowed && canonicalSeverity == "medium")
            {
                outcome = DecisionOutcome.Warned;
            }

            bool plainAllow = outcome == DecisionOutcome.Allowed;
            ComparedDecision baseline = ComparedDecision.Recorded(
                outcome.Value,
                plainAllow ? null : RecordedDecisionReader.OptionalString(root, "guard"),
                plainAllow ? null : canonicalSeverity,
                plainAllow ? null : RecordedDecisionReader.OptionalString(root, "message"),
                null,
                reasonKnown: false);

            string target = RecordedDecisionReader.OptionalString(root, "target") ?? string.Empty;
            string? eventType = EventTypeOf(actionType);
            if (eventType == null)
            {
                return Error(source, line, ReplayErrorKind.Unmappable, "unsupported action_type: " + actionType);
            }

            if (target.Length == 0 && eventType != "command_exec")
            {
                return new RecordedDecisionReadResult(new RecordedDecision(null, id, eventType, timestamp, target, baseline, TargetField, source, line));
            }

            var w = new SerdeJsonWriter();
            w.WriteStartObject();
            w.WriteString("eventId", id);
            w.WriteString("eventType", eventType);
            w.WriteString("timestamp", timestampText);
            string? sessionId = RecordedDecisionReader.OptionalString(root, "session_id");
            if (sessionId != null)
            {
                w.WriteString("sessionId", sessionId);
            }

            w.WritePropertyName("data");
            w.WriteStartObject();
            IReadOnlyList<string> missing = Array.Empty<string>();
            switch (eventType)
            {
                case "file_read":
                    w.WriteString("type", "file");
                    w.WriteString("path", target);
                    break;
                case "file_write":
                    w.WriteString("type", "file");
                    w.WriteString("path", target);
                    missing = Content;
                    break;
                case "network_egress":
                    SplitHostPort(target, out string host, out int port);
                    w.WriteString("type", "network");
                    w.WriteString("host", host);
                    w.WriteInteger("port", port);
                    break;
                case "command_exec":
                    w.WriteString("type", "command");
                    w.WriteString("command", target);
                    break;
                case "patch_apply":
                    w.WriteString("type", "patch");
                    w.WriteString("filePath", target);
                    w.WriteString("patchContent", string.Empty);
                    missing = PatchContent;
                    break;
                case "tool_call":
                    w.WriteString("type", "tool");
                    w.WriteString("toolName", target);
                    missing = Parameters;
                    break;
                default:
                    w.WriteString("type", "custom");
                    w.WriteString("customType", actionType == "custom" ? target : actionType);
                    missing = Text;
                    break;
            }

            w.WriteEndObject();
            string? agentId = RecordedDecisionReader.OptionalString(root, "agent_id");
            if (eventType == "tool_call" || agentId != null)
            {
                w.WritePropertyName("metadata");
                w.WriteStartObject();
                if (agentId != null)
                {
                    w.WriteString("agentId", agentId);
                }

                if (eventType == "tool_call")
                {
                    w.WriteString("toolKind", "mcp");
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            PolicyEvent ev;
            try
            {
                ev = PolicyEventParser.Parse(w.ToString());
            }
            catch (PolicyEventFormatException ex)
            {
                return Error(source, line, ReplayErrorKind.InvalidRecord, ex.Message);
            }

            return new RecordedDecisionReadResult(new RecordedDecision(ev, id, eventType, timestamp, target, baseline, missing, source, line));
        }

        /// <summary>The PolicyEvent type for a daemon action type (accepting the PolicyEvent names too), or null.</summary>
        internal static string? EventTypeOf(string actionType) => actionType switch
        {
            "file_access" or "file_read" or "file" => "file_read",
            "file_write" => "file_write",
            "egress" or "network" or "network_egress" => "network_egress",
            "shell" or "command" or "command_exec" or "shell_command" => "command_exec",
            "patch" or "patch_apply" => "patch_apply",
            "mcp_tool" or "mcp" or "tool" or "tool_call" => "tool_call",
            "custom" or "untrusted_text" or "hushclaw.untrusted_text" or "user_input" or "hushclaw.user_input" => "custom",
            _ => null,
        };

        /// <summary>Daemon severities are Rust Debug names (<c>Info</c>, <c>Warning</c>, <c>Error</c>, <c>Critical</c>); canonical words pass through.</summary>
        internal static string CanonicalSeverity(string word) => word.Trim().ToUpperInvariant() switch
        {
            "INFO" or "LOW" => "low",
            "WARNING" or "WARN" or "MEDIUM" => "medium",
            "ERROR" or "HIGH" => "high",
            "CRITICAL" => "critical",
            _ => word,
        };

        /// <summary>
        /// Splits <c>host</c>, <c>host:port</c>, <c>[v6]:port</c> or a URL. A missing port becomes 0: the port is
        /// never used for decisions (spec §2.4), only echoed.
        /// </summary>
        internal static void SplitHostPort(string target, out string host, out int port)
        {
            port = 0;
            host = target;
            if (target.IndexOf("://", StringComparison.Ordinal) > 0 && Uri.TryCreate(target, UriKind.Absolute, out Uri? uri))
            {
                host = uri.IdnHost.Length > 0 ? uri.Host : target;
                port = uri.IsDefaultPort && uri.Port < 0 ? 0 : uri.Port;
                return;
            }

            int colon = target.LastIndexOf(':');
            if (colon > 0 && colon == target.IndexOf(':') || (colon > 0 && target[0] == '[' && target[colon - 1] == ']'))
            {
                string portText = target.Substring(colon + 1);
                if (int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p <= 65535)
                {
                    host = target.Substring(0, colon).Trim('[', ']');
                    port = p;
                }
            }
        }

        private static RecordedDecisionReadResult Error(string source, long line, ReplayErrorKind kind, string detail) =>
            new RecordedDecisionReadResult(new ReplayError(source, line, kind, detail));
    }
}
