using System;
using System.Text;
using System.Text.Json;
using PolicySim.Serialization;

namespace PolicySim.Events
{
    /// <summary>
    /// One agent event in the Clawdstrike PolicyEvent shape (spec §2.1): who did what, when, with which payload.
    /// Immutable; create it with <c>PolicyEventParser</c>. <see cref="Data"/> is the normalized payload
    /// (canonical camelCase keys, <c>type</c> set, absent optional fields omitted, custom extra keys kept).
    /// </summary>
    public sealed class PolicyEvent
    {
        private object? _data; // boxed JsonElement: reference writes are atomic
        private MappedEvent? _mapped;

        internal PolicyEvent(
            string eventId,
            string eventType,
            DateTimeOffset timestamp,
            string timestampText,
            string? sessionId,
            EventData fields,
            JsonElement? metadata,
            JsonElement? context)
        {
            EventId = eventId;
            EventType = eventType;
            Timestamp = timestamp;
            TimestampText = timestampText;
            SessionId = sessionId;
            Fields = fields;
            Metadata = metadata;
            Context = context;
            AgentId = ReadMetadataString(metadata, "agentId", "agent_id");
        }

        /// <summary>Gets the event id (non-empty after trimming; echoed in results).</summary>
        public string EventId { get; }

        /// <summary>Gets the event type, e.g. <c>file_read</c>, <c>network_egress</c>, <c>tool_call</c>.</summary>
        public string EventType { get; }

        /// <summary>Gets the event time. Never used for decisions.</summary>
        public DateTimeOffset Timestamp { get; }

        /// <summary>Gets the timestamp exactly as written in the event.</summary>
        public string TimestampText { get; }

        /// <summary>Gets the session id, or null.</summary>
        public string? SessionId { get; }

        /// <summary>Gets the payload type (<c>data.type</c>), e.g. <c>file</c>, <c>network</c>, <c>custom</c>.</summary>
        public string DataType => Fields.Type;

        /// <summary>
        /// Gets the normalized payload object. For data types without a schema, the object as given.
        /// Keys are in code-point order (serde_json <c>Value</c> order).
        /// </summary>
        public JsonElement Data
        {
            get
            {
                if (_data is JsonElement data)
                {
                    return data;
                }

                var writer = new SerdeJsonWriter();
                Fields.Write(writer, sorted: true);
                var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(writer.ToString()));
                JsonElement built = JsonElement.ParseValue(ref reader);
                _data = built;
                return built;
            }
        }

        /// <summary>Gets the metadata value, or null when absent or JSON <c>null</c>.</summary>
        public JsonElement? Metadata { get; }

        /// <summary>Gets the context value, or null when absent or JSON <c>null</c>. Never affects built-in guards.</summary>
        public JsonElement? Context { get; }

        /// <summary>Gets the agent id from <c>metadata.agentId</c> (or <c>metadata.agent_id</c>) when it is a string.</summary>
        public string? AgentId { get; }

        /// <summary>Gets the typed payload.</summary>
        internal EventData Fields { get; }

        /// <summary>
        /// The action this event maps to (spec §2.3), mapped once: a comparison decides every event under two policies
        /// and the mapping depends on the event alone. Unmappable events throw every time.
        /// </summary>
        /// <exception cref="PolicyEventMappingException">The event cannot be mapped.</exception>
        internal MappedEvent Mapped()
        {
            MappedEvent? mapped = _mapped;
            if (mapped == null)
            {
                mapped = PolicyEventMapper.Map(this);
                _mapped = mapped;
            }

            return mapped;
        }

        /// <summary>Gets what the event acts on: path, <c>host:port</c>, tool name, command or custom kind (empty when none).</summary>
        public string Target => Fields.Target() ?? string.Empty;

        /// <summary>Returns e.g. <c>file_read e1 /etc/passwd</c> or <c>network_egress e2 api.github.com:443</c>.</summary>
        public override string ToString()
        {
            string? target = Fields.Target();
            return target is null ? EventType + " " + EventId : EventType + " " + EventId + " " + target;
        }

        /// <summary>
        /// The string value of the first of <paramref name="primary"/>, <paramref name="fallback"/> that is a string
        /// in an object <paramref name="metadata"/> (duplicate keys: the last occurrence counts, as in serde_json).
        /// </summary>
        internal static string? ReadMetadataString(JsonElement? metadata, string primary, string fallback)
        {
            if (metadata is not JsonElement meta || meta.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            JsonElement? first = null;
            JsonElement? second = null;
            foreach (var property in meta.EnumerateObject())
            {
                if (property.NameEquals(primary))
                {
                    first = property.Value;
                }
                else if (property.NameEquals(fallback))
                {
                    second = property.Value;
                }
            }

            if (first is JsonElement a && a.ValueKind == JsonValueKind.String)
            {
                return a.GetString();
            }

            if (second is JsonElement b && b.ValueKind == JsonValueKind.String)
            {
                return b.GetString();
            }

            return null;
        }
    }
}
