using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicySim.Evaluation;
using PolicySim.Serialization;

namespace PolicySim.Events
{
    /// <summary>Validates a parsed event and maps it to the action guards see (Clawdstrike spec §2.3).</summary>
    internal static class PolicyEventMapper
    {
        /// <summary>Validates <paramref name="policyEvent"/> and builds its action.</summary>
        /// <exception cref="PolicyEventMappingException">
        /// <c>eventType {eventType} does not match data.type {dataType}</c>, <c>unsupported eventType: {eventType}</c>
        /// or <c>invalid base64 for data.contentBase64</c>.
        /// </exception>
        public static MappedEvent Map(PolicyEvent policyEvent)
        {
            _ = policyEvent ?? throw new ArgumentNullException(nameof(policyEvent));
            string eventType = policyEvent.EventType;
            EventData data = policyEvent.Fields;
            string? expected = ExpectedDataType(eventType);
            if (expected != null && !string.Equals(expected, data.Type, StringComparison.Ordinal))
            {
                throw new PolicyEventMappingException("eventType " + eventType + " does not match data.type " + data.Type);
            }

            switch (eventType)
            {
                case "file_read":
                    return new MappedEvent(new FileAccessAction(data.Path!), null);
                case "file_write":
                    return MapFileWrite(data);
                case "network_egress":
                    return new MappedEvent(new NetworkEgressAction(data.Host!, data.Port), null);
                case "command_exec":
                    return new MappedEvent(new ShellCommandAction(PosixShell.Join(data.Command!, data.Args)), null);
                case "patch_apply":
                    return new MappedEvent(new PatchAction(data.FilePath!, data.PatchContent!), null);
                case "tool_call":
                    if (IsMcp(policyEvent.Metadata, data.ToolName!))
                    {
                        return new MappedEvent(new McpToolAction(data.ToolName!, data.Parameters), null);
                    }

                    return new MappedEvent(new CustomAction("tool_call", policyEvent), null);
                case "secret_access":
                    return new MappedEvent(new CustomAction("secret_access", policyEvent), null);
                case "custom":
                    return new MappedEvent(new CustomAction(data.CustomType!, policyEvent), null);
                default:
                    throw new PolicyEventMappingException("unsupported eventType: " + eventType);
            }
        }

        /// <summary>The data type the eight known event types require, or null for other event types.</summary>
        public static string? ExpectedDataType(string eventType) => eventType switch
        {
            "file_read" or "file_write" => EventData.FileKind,
            "network_egress" => EventData.NetworkKind,
            "command_exec" => EventData.CommandKind,
            "patch_apply" => EventData.PatchKind,
            "tool_call" => EventData.ToolKind,
            "secret_access" => EventData.SecretKind,
            "custom" => EventData.CustomKind,
            _ => null,
        };

        /// <summary>
        /// A tool call is an MCP call when <c>metadata</c> is an object whose <c>toolKind</c> (or, when that is
        /// absent or not a string, <c>tool_kind</c>) equals <c>mcp</c> ignoring ASCII case, or when the tool
        /// name starts with <c>mcp__</c> (case-sensitive).
        /// </summary>
        public static bool IsMcp(JsonElement? metadata, string toolName)
        {
            if (toolName.StartsWith("mcp__", StringComparison.Ordinal))
            {
                return true;
            }

            string? kind = PolicyEvent.ReadMetadataString(metadata, "toolKind", "tool_kind");
            return kind != null && kind.Length == 3
                && AsciiLower(kind[0]) == 'm' && AsciiLower(kind[1]) == 'c' && AsciiLower(kind[2]) == 'p';
        }

        /// <summary>
        /// Writes the <c>event</c> object of <c>policy eval --json</c>: eventId, eventType, timestamp (UTC,
        /// chrono style), sessionId (when present), data (typed order: <c>type</c> first, then schema order),
        /// metadata (when present, keys sorted); <c>context</c> is omitted.
        /// </summary>
        public static void WriteNormalizedEvent(SerdeJsonWriter writer, PolicyEvent policyEvent)
        {
            _ = writer ?? throw new ArgumentNullException(nameof(writer));
            _ = policyEvent ?? throw new ArgumentNullException(nameof(policyEvent));
            writer.WriteStartObject();
            writer.WriteString("eventId", policyEvent.EventId);
            writer.WriteString("eventType", policyEvent.EventType);
            writer.WriteString("timestamp", FormatTimestamp(policyEvent.Timestamp));
            if (policyEvent.SessionId != null)
            {
                writer.WriteString("sessionId", policyEvent.SessionId);
            }

            writer.WritePropertyName("data");
            policyEvent.Fields.Write(writer, sorted: false);
            if (policyEvent.Metadata is JsonElement metadata)
            {
                writer.WritePropertyName("metadata");
                writer.WriteElement(metadata, sortKeys: true);
            }

            writer.WriteEndObject();
        }

        /// <summary>
        /// Formats like chrono's serialization of <c>DateTime&lt;Utc&gt;</c>: <c>2026-02-03T00:00:00Z</c>, with a
        /// fraction of 3, 6 or 9 digits only when the sub-second part is non-zero.
        /// </summary>
        public static string FormatTimestamp(DateTimeOffset timestamp)
        {
            DateTime utc = timestamp.UtcDateTime;
            var sb = new StringBuilder(30);
            sb.Append(utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            long ticks = utc.Ticks % TimeSpan.TicksPerSecond;
            if (ticks != 0)
            {
                long nanos = ticks * 100;
                if (nanos % 1_000_000 == 0)
                {
                    sb.Append('.').Append((nanos / 1_000_000).ToString("000", CultureInfo.InvariantCulture));
                }
                else if (nanos % 1_000 == 0)
                {
                    sb.Append('.').Append((nanos / 1_000).ToString("000000", CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append('.').Append(nanos.ToString("000000000", CultureInfo.InvariantCulture));
                }
            }

            return sb.Append('Z').ToString();
        }

        private static MappedEvent MapFileWrite(EventData data)
        {
            if (data.ContentBase64 != null)
            {
                if (!StrictBase64.TryDecode(data.ContentBase64, out byte[] decoded))
                {
                    throw new PolicyEventMappingException("invalid base64 for data.contentBase64");
                }

                return new MappedEvent(new FileWriteAction(data.Path!, decoded), null);
            }

            if (data.Content != null)
            {
                return new MappedEvent(new FileWriteAction(data.Path!, data.Content), null);
            }

            return new MappedEvent(new FileWriteAction(data.Path!, ReadOnlyMemory<byte>.Empty), MappedEvent.MissingContentBytesReason);
        }

        private static char AsciiLower(char c) => c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
}
