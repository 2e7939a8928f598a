using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicySim.Serialization;

namespace PolicySim.Events
{
    /// <summary>
    /// Reads one PolicyEvent from JSON exactly as the reference does (Clawdstrike spec §2.1–2.2):
    /// canonical camelCase names or their snake_case aliases (both ⇒ <c>duplicate field</c>), exact spellings
    /// only, unknown keys ignored, strict types. Messages follow serde_json's wording without its
    /// "at line L column C" suffix, e.g. <c>missing field `eventId`</c>, <c>invalid type: string "443", expected u16</c>.
    /// </summary>
    /// <remarks>
    /// Checks run in the order serde would hit them: envelope keys in document order (type errors and
    /// duplicates as they appear), then missing envelope fields in declaration order, then the event id,
    /// then <c>data</c> (object, string <c>type</c>, its fields in document order, its missing fields).
    /// An <c>eventId</c> that is empty after trimming fails with <c>eventId must be a non-empty string</c>.
    /// </remarks>
    internal static class PolicyEventParser
    {
        private const string ExpectedString = "a string";
        private static readonly char[] FloatMarks = { '.', 'e' };

        /// <summary>Parses one event from UTF-8 JSON (exactly one value, surrounding whitespace allowed).</summary>
        /// <exception cref="PolicyEventFormatException">The text is not a valid PolicyEvent.</exception>
        public static PolicyEvent Parse(ReadOnlySpan<byte> utf8Json)
        {
            // One checked pass for well-formed events; anything else takes the exact path below.
            PolicyEvent? fast = PolicyEventFastParser.TryParse(utf8Json, plainEventsOnly: false);
            if (fast != null)
            {
                return fast;
            }

            string? problem = SerdeJsonValidator.Validate(utf8Json);
            if (problem != null)
            {
                throw new PolicyEventFormatException(problem);
            }

            return ParseValidated(utf8Json);
        }

        /// <summary>Parses one event from a JSON string.</summary>
        public static PolicyEvent Parse(string json) => Parse(Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))));

        /// <summary>Parses UTF-8 JSON already checked by <see cref="SerdeJsonValidator"/> (e.g. by the stream reader).</summary>
        internal static PolicyEvent ParseValidated(ReadOnlySpan<byte> utf8Json)
        {
            PolicyEvent? fast = PolicyEventFastParser.TryParse(utf8Json, plainEventsOnly: false);
            if (fast != null)
            {
                return fast;
            }

            var reader = new Utf8JsonReader(utf8Json, SerdeJsonValidator.ReaderOptions);
            JsonElement root;
            try
            {
                root = JsonElement.ParseValue(ref reader);
            }
            catch (JsonException ex)
            {
                throw new PolicyEventFormatException(SerdeJsonValidator.FromReaderException(ex, utf8Json, (int)reader.BytesConsumed), ex);
            }

            return Parse(root);
        }

        /// <summary>Parses one event from an already parsed JSON value. The event keeps references into it.</summary>
        /// <exception cref="PolicyEventFormatException">The value is not a valid PolicyEvent.</exception>
        public static PolicyEvent Parse(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(root, "struct PolicyEvent", null);
            }

            string? eventId = null, eventType = null, timestampText = null, sessionId = null;
            DateTimeOffset timestamp = default;
            JsonElement? data = null, metadata = null, context = null;
            bool seenEventId = false, seenEventType = false, seenTimestamp = false, seenSessionId = false;
            bool seenData = false, seenMetadata = false, seenContext = false;

            foreach (var property in root.EnumerateObject())
            {
                JsonElement value = property.Value;
                switch (property.Name)
                {
                    case "eventId":
                    case "event_id":
                        Once(ref seenEventId, "eventId");
                        eventId = RequiredString(value, "eventId");
                        break;
                    case "eventType":
                    case "event_type":
                        Once(ref seenEventType, "eventType");
                        eventType = RequiredString(value, "eventType");
                        break;
                    case "timestamp":
                        Once(ref seenTimestamp, "timestamp");
                        if (value.ValueKind != JsonValueKind.String)
                        {
                            throw Invalid(value, "a formatted date and time string or a unix timestamp", "timestamp");
                        }

                        timestampText = value.GetString()!;
                        if (!Rfc3339Timestamp.TryParse(timestampText, out timestamp, out string? timeError))
                        {
                            throw new PolicyEventFormatException("invalid value for field `timestamp`: " + timeError, "timestamp");
                        }

                        break;
                    case "sessionId":
                    case "session_id":
                        Once(ref seenSessionId, "sessionId");
                        sessionId = OptionalString(value, "sessionId");
                        break;
                    case "data":
                        Once(ref seenData, "data");
                        data = value;
                        break;
                    case "metadata":
                        Once(ref seenMetadata, "metadata");
                        metadata = value.ValueKind == JsonValueKind.Null ? null : value;
                        break;
                    case "context":
                        Once(ref seenContext, "context");
                        context = value.ValueKind == JsonValueKind.Null ? null : value;
                        break;
                }
            }

            Require(seenEventId, "eventId");
            Require(seenEventType, "eventType");
            Require(seenTimestamp, "timestamp");
            Require(seenData, "data");

            if (eventId!.Trim().Length == 0)
            {
                throw new PolicyEventFormatException("eventId must be a non-empty string", "eventId");
            }

            EventData fields = ParseData(data!.Value);
            return new PolicyEvent(eventId, eventType!, timestamp, timestampText!, sessionId, fields, metadata, context);
        }

        private static EventData ParseData(JsonElement data)
        {
            if (data.ValueKind != JsonValueKind.Object)
            {
                throw new PolicyEventFormatException("data must be an object", "data");
            }

            string? type = null;
            foreach (var property in data.EnumerateObject())
            {
                if (property.NameEquals("type"))
                {
                    type = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                }
            }

            if (type is null)
            {
                throw new PolicyEventFormatException("data.type must be a string", "data.type");
            }

            var fields = new EventData(type);
            switch (type)
            {
                case EventData.FileKind:
                    ParseFile(data, fields);
                    break;
                case EventData.NetworkKind:
                    ParseNetwork(data, fields);
                    break;
                case EventData.CommandKind:
                    ParseCommand(data, fields);
                    break;
                case EventData.PatchKind:
                    ParsePatch(data, fields);
                    break;
                case EventData.ToolKind:
                    ParseTool(data, fields);
                    break;
                case EventData.SecretKind:
                    ParseSecret(data, fields);
                    break;
                case EventData.CustomKind:
                    ParseCustom(data, fields);
                    break;
                default:
                    fields.Raw = data;
                    break;
            }

            return fields;
        }

        private static void ParseFile(JsonElement data, EventData fields)
        {
            bool path = false, operation = false, content = false, contentBase64 = false, contentHash = false;
            foreach (var property in data.EnumerateObject())
            {
                JsonElement value = property.Value;
                switch (property.Name)
                {
                    case "path":
                    case "file_path":
                        Once(ref path, "path");
                        fields.Path = RequiredString(value, "path");
                        break;
                    case "operation":
                        Once(ref operation, "operation");
                        fields.Operation = OptionalString(value, "operation");
                        break;
                    case "content":
                        Once(ref content, "content");
                        fields.Content = OptionalString(value, "content");
                        break;
                    case "contentBase64":
                    case "content_base64":
                        Once(ref contentBase64, "contentBase64");
                        fields.ContentBase64 = OptionalString(value, "contentBase64");
                        break;
                    case "contentHash":
                    case "content_hash":
                        Once(ref contentHash, "contentHash");
                        fields.ContentHash = OptionalString(value, "contentHash");
                        break;
                }
            }

            Require(path, "path");
        }

        private static void ParseNetwork(JsonElement data, EventData fields)
        {
            bool host = false, port = false, protocol = false, url = false;
            foreach (var property in data.EnumerateObject())
            {
                JsonElement value = property.Value;
                switch (property.Name)
                {
                    case "host":
                        Once(ref host, "host");
                        fields.Host = RequiredString(value, "host");
                        break;
                    case "port":
                        Once(ref port, "port");
                        fields.Port = Port(value);
                        break;
                    case "protocol":
                        Once(ref protocol, "protocol");
                        fields.Protocol = OptionalString(value, "protocol");
                        break;
                    case "url":
                        Once(ref url, "url");
                        fields.Url = OptionalString(value, "url");
                        break;
                }
            }

            Require(host, "host");
            Require(port, "port");
        }

        private static void ParseCommand(JsonElement data, EventData fields)
        {
            bool command = false, args = false;
            foreach (var property in data.EnumerateObject())
            {
                JsonElement value = property.Value;
                switch (property.Name)
                {
                    case "command":
                        Once(ref command, "command");
                        fields.Command = RequiredString(value, "command");
                        break;
                    case "args":
                        Once(ref args, "args");
                        if (value.ValueKind != JsonValueKind.Array)
                        {
                            throw Invalid(value, "a sequence", "args");
                        }

                        var list = new List<string>(value.GetArrayLength());
                        foreach (var item in value.EnumerateArray())
                        {
                            list.Add(RequiredString(item, "args"));
                        }

                        fields.Args = list;
                        break;
                }
            }

            Require(command, "command");
        }

        private static void ParsePatch(JsonElement data, EventData fields)
        {
            bool filePath = false, patchContent = false, patchHash = false;
            foreach (var property in data.EnumerateObject())
            {
                JsonElement value = property.Value;
                switch (property.Name)
                {
                    case "filePath":
                    case "file_path":
                        Once(ref filePath, "filePath");
                        fields.FilePath = RequiredString(value, "filePath");
                        break;
                    case "patchContent":
                    case "patch_content":
                        Once(ref patchContent, "patchContent");
                        fields.PatchContent = RequiredString(value, "patchContent");
                        break;
                    case "patchHash":
                    case "patch_hash":
                        Once(ref patchHash, "patchHash");
                        fields.PatchHash = OptionalString(value, "patchHash");
                        break;
                }
            }

            Require(filePath, "filePath");
            Require(patchContent, "patchContent");
        }

        private static void ParseTool(JsonElement data, EventData fields)
        {
            bool toolName = false, parameters = false;
            foreach (var property in data.EnumerateObject())
            {
                JsonElement value = property.Value;
                switch (property.Name)
                {
                    case "toolName":
                    case "tool_name":
                        Once(ref toolName, "toolName");
                        fields.ToolName = RequiredString(value, "toolName");
                        break;
                    case "parameters":
                        Once(ref parameters, "parameters");
                        fields.Parameters = value;
                        break;
                }
            }

            Require(toolName, "toolName");
            if (!parameters)
            {
                fields.Parameters = EmptyObject;
            }
        }

        private static void ParseSecret(JsonElement data, EventData fields)
        {
            bool secretName = false, scope = false;
            foreach (var property in data.EnumerateObject())
            {
                JsonElement value = property.Value;
                switch (property.Name)
                {
                    case "secretName":
                    case "secret_name":
                        Once(ref secretName, "secretName");
                        fields.SecretName = RequiredString(value, "secretName");
                        break;
                    case "scope":
                        Once(ref scope, "scope");
                        fields.Scope = RequiredString(value, "scope");
                        break;
                }
            }

            Require(secretName, "secretName");
            Require(scope, "scope");
        }

        private static void ParseCustom(JsonElement data, EventData fields)
        {
            bool customType = false;
            var extras = new List<CustomField>();
            foreach (var property in data.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "type":
                        break;
                    case "customType":
                    case "custom_type":
                        Once(ref customType, "customType");
                        fields.CustomType = RequiredString(property.Value, "customType");
                        break;
                    default:
                        int existing = extras.FindIndex(e => string.Equals(e.Key, property.Name, StringComparison.Ordinal));
                        var entry = new CustomField(property.Name, property.Value);
                        if (existing >= 0)
                        {
                            extras[existing] = entry;
                        }
                        else
                        {
                            extras.Add(entry);
                        }

                        break;
                }
            }

            Require(customType, "customType");
            fields.Extras = extras;
        }

        private static readonly JsonElement EmptyObject = CreateEmptyObject();

        private static JsonElement CreateEmptyObject()
        {
            var reader = new Utf8JsonReader(new[] { (byte)'{', (byte)'}' });
            return JsonElement.ParseValue(ref reader);
        }

        private static int Port(JsonElement value)
        {
            if (value.ValueKind != JsonValueKind.Number)
            {
                throw Invalid(value, "u16", "port");
            }

            string raw = value.GetRawText();
            bool integerSyntax = raw.IndexOf('.') < 0 && raw.IndexOf('e') < 0 && raw.IndexOf('E') < 0 && raw != "-0";
            if (integerSyntax && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number))
            {
                if (number < 0 || number > ushort.MaxValue)
                {
                    throw new PolicyEventFormatException("invalid value: integer `" + raw + "`, expected u16", "port");
                }

                return (int)number;
            }

            if (integerSyntax && raw[0] != '-' && ulong.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                throw new PolicyEventFormatException("invalid value: integer `" + raw + "`, expected u16", "port");
            }

            throw Invalid(value, "u16", "port");
        }

        private static string RequiredString(JsonElement value, string field)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                throw Invalid(value, ExpectedString, field);
            }

            return value.GetString()!;
        }

        private static string? OptionalString(JsonElement value, string field)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return RequiredString(value, field);
        }

        private static void Once(ref bool seen, string field)
        {
            if (seen)
            {
                throw new PolicyEventFormatException("duplicate field `" + field + "`", field);
            }

            seen = true;
        }

        private static void Require(bool seen, string field)
        {
            if (!seen)
            {
                throw new PolicyEventFormatException("missing field `" + field + "`", field);
            }
        }

        /// <summary>serde's <c>invalid type: {unexpected}, expected {expected}</c> with serde_json's rendering of values.</summary>
        private static PolicyEventFormatException Invalid(JsonElement value, string expected, string? field)
            => new PolicyEventFormatException("invalid type: " + Unexpected(value) + ", expected " + expected, field);

        private static string Unexpected(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    return "map";
                case JsonValueKind.Array:
                    return "sequence";
                case JsonValueKind.String:
                    return "string " + RustDebug.Quote(value.GetString()!);
                case JsonValueKind.True:
                    return "boolean `true`";
                case JsonValueKind.False:
                    return "boolean `false`";
                case JsonValueKind.Null:
                    return "null";
                default:
                    var sb = new StringBuilder();
                    SerdeJsonWriter.AppendNumber(sb, value.GetRawText());
                    string printed = sb.ToString();
                    bool isFloat = printed.IndexOfAny(FloatMarks) >= 0;
                    return (isFloat ? "floating point `" : "integer `") + printed + "`";
            }
        }

    }
}
