using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using PolicySim.Serialization;

namespace PolicySim.Events
{
    /// <summary>
    /// The single-pass reader of a PolicyEvent: one <see cref="Utf8JsonReader"/> pass that checks everything
    /// serde_json would reject (<see cref="SerdeJsonValidator"/>) and extracts the envelope and the typed data
    /// fields directly (property names matched as UTF-8 bytes). It only handles the happy path: any problem,
    /// and any unusual shape (escaped property names, a data type without a schema, a repeated <c>type</c>),
    /// returns null, and the caller takes the exact path (<see cref="PolicyEventParser"/>), which produces the
    /// pinned error messages in serde's order. So the result, when not null, is exactly what that path returns.
    /// </summary>
    internal static class PolicyEventFastParser
    {
        private static readonly byte[] EventId = Encoding.UTF8.GetBytes("eventId");
        private static readonly byte[] EventIdSnake = Encoding.UTF8.GetBytes("event_id");
        private static readonly byte[] EventType = Encoding.UTF8.GetBytes("eventType");
        private static readonly byte[] EventTypeSnake = Encoding.UTF8.GetBytes("event_type");
        private static readonly byte[] Timestamp = Encoding.UTF8.GetBytes("timestamp");
        private static readonly byte[] SessionId = Encoding.UTF8.GetBytes("sessionId");
        private static readonly byte[] SessionIdSnake = Encoding.UTF8.GetBytes("session_id");
        private static readonly byte[] Data = Encoding.UTF8.GetBytes("data");
        private static readonly byte[] Metadata = Encoding.UTF8.GetBytes("metadata");
        private static readonly byte[] Context = Encoding.UTF8.GetBytes("context");
        private static readonly byte[] Outcome = Encoding.UTF8.GetBytes("outcome");
        private static readonly byte[] Decision = Encoding.UTF8.GetBytes("decision");
        private static readonly byte[] ActionType = Encoding.UTF8.GetBytes("action_type");
        private static readonly byte[] Type = Encoding.UTF8.GetBytes("type");

        private static readonly byte[] Path = Encoding.UTF8.GetBytes("path");
        private static readonly byte[] FilePathSnake = Encoding.UTF8.GetBytes("file_path");
        private static readonly byte[] Operation = Encoding.UTF8.GetBytes("operation");
        private static readonly byte[] Content = Encoding.UTF8.GetBytes("content");
        private static readonly byte[] ContentBase64 = Encoding.UTF8.GetBytes("contentBase64");
        private static readonly byte[] ContentBase64Snake = Encoding.UTF8.GetBytes("content_base64");
        private static readonly byte[] ContentHash = Encoding.UTF8.GetBytes("contentHash");
        private static readonly byte[] ContentHashSnake = Encoding.UTF8.GetBytes("content_hash");
        private static readonly byte[] Host = Encoding.UTF8.GetBytes("host");
        private static readonly byte[] Port = Encoding.UTF8.GetBytes("port");
        private static readonly byte[] Protocol = Encoding.UTF8.GetBytes("protocol");
        private static readonly byte[] Url = Encoding.UTF8.GetBytes("url");
        private static readonly byte[] Command = Encoding.UTF8.GetBytes("command");
        private static readonly byte[] Args = Encoding.UTF8.GetBytes("args");
        private static readonly byte[] FilePath = Encoding.UTF8.GetBytes("filePath");
        private static readonly byte[] PatchContent = Encoding.UTF8.GetBytes("patchContent");
        private static readonly byte[] PatchContentSnake = Encoding.UTF8.GetBytes("patch_content");
        private static readonly byte[] PatchHash = Encoding.UTF8.GetBytes("patchHash");
        private static readonly byte[] PatchHashSnake = Encoding.UTF8.GetBytes("patch_hash");
        private static readonly byte[] ToolName = Encoding.UTF8.GetBytes("toolName");
        private static readonly byte[] ToolNameSnake = Encoding.UTF8.GetBytes("tool_name");
        private static readonly byte[] Parameters = Encoding.UTF8.GetBytes("parameters");
        private static readonly byte[] SecretName = Encoding.UTF8.GetBytes("secretName");
        private static readonly byte[] SecretNameSnake = Encoding.UTF8.GetBytes("secret_name");
        private static readonly byte[] Scope = Encoding.UTF8.GetBytes("scope");
        private static readonly byte[] CustomType = Encoding.UTF8.GetBytes("customType");
        private static readonly byte[] CustomTypeSnake = Encoding.UTF8.GetBytes("custom_type");
        private static readonly byte[] TextKey = Encoding.UTF8.GetBytes("text");
        private static readonly byte[] SourceKey = Encoding.UTF8.GetBytes("source");

        /// <summary>
        /// Reads one event, or returns null when the exact path must decide (any error or unusual shape).
        /// With <paramref name="plainEventsOnly"/>, a top-level <c>outcome</c>, <c>decision</c> or <c>action_type</c> key
        /// also returns null (recorded-decision readers interpret those keys and detect formats by them).
        /// </summary>
        public static PolicyEvent? TryParse(ReadOnlySpan<byte> json, bool plainEventsOnly)
        {
            // The reader runs over `tokens`; elements and masked values are taken from `json` at the same offsets.
            ReadOnlySpan<byte> tokens = json;
#if NET8_0_OR_GREATER
            byte[]? masked = EscapedStringMask.TryMask(json);
            if (masked != null)
            {
                tokens = masked.AsSpan(0, json.Length);
            }
#endif
            try
            {
                var reader = new Utf8JsonReader(tokens, isFinalBlock: true, new JsonReaderState(SerdeJsonValidator.ReaderOptions));
                return ParseRoot(ref reader, json, plainEventsOnly);
            }
            catch (JsonException)
            {
                return null;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
            catch (FormatException)
            {
                return null;
            }
#if NET8_0_OR_GREATER
            finally
            {
                if (masked != null)
                {
                    EscapedStringMask.Release(masked);
                }
            }
#endif
        }

        private static PolicyEvent? ParseRoot(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, bool plainEventsOnly)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string? eventId = null, eventType = null, timestampText = null, sessionId = null;
            DateTimeOffset timestamp = default;
            JsonElement? metadata = null, context = null;
            EventData? fields = null;
            bool seenSessionId = false, seenMetadata = false, seenContext = false;

            while (true)
            {
                if (!reader.Read())
                {
                    return null;
                }

                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                if (reader.ValueIsEscaped || !SerdeJsonValidator.IsValidUtf8(reader.ValueSpan))
                {
                    return null;
                }

                ReadOnlySpan<byte> name = reader.ValueSpan;
                if (!reader.Read())
                {
                    return null;
                }

                if (Is(name, EventId) || Is(name, EventIdSnake))
                {
                    if (eventId != null || (eventId = String(ref reader)) == null)
                    {
                        return null;
                    }
                }
                else if (Is(name, EventType) || Is(name, EventTypeSnake))
                {
                    if (eventType != null || (eventType = String(ref reader)) == null)
                    {
                        return null;
                    }
                }
                else if (Is(name, Timestamp))
                {
                    if (timestampText != null || (timestampText = String(ref reader)) == null
                        || !Rfc3339Timestamp.TryParse(timestampText, out timestamp, out _))
                    {
                        return null;
                    }
                }
                else if (Is(name, SessionId) || Is(name, SessionIdSnake))
                {
                    if (seenSessionId || !OptionalString(ref reader, out sessionId))
                    {
                        return null;
                    }

                    seenSessionId = true;
                }
                else if (Is(name, Data))
                {
                    if (fields != null || reader.TokenType != JsonTokenType.StartObject || (fields = ParseData(ref reader, json)) == null)
                    {
                        return null;
                    }
                }
                else if (Is(name, Metadata))
                {
                    if (seenMetadata || !Element(ref reader, json, out metadata))
                    {
                        return null;
                    }

                    seenMetadata = true;
                }
                else if (Is(name, Context))
                {
                    if (seenContext || !Element(ref reader, json, out context))
                    {
                        return null;
                    }

                    seenContext = true;
                }
                else if (plainEventsOnly && (Is(name, Outcome) || Is(name, Decision) || Is(name, ActionType)))
                {
                    return null;
                }
                else if (!Skip(ref reader))
                {
                    return null;
                }
            }

            // Exactly one value: anything after it (but whitespace) makes the reader throw.
            if (reader.Read())
            {
                return null;
            }

            if (eventId == null || eventType == null || timestampText == null || fields == null || eventId.Trim().Length == 0)
            {
                return null;
            }

            return new PolicyEvent(eventId, eventType, timestamp, timestampText, sessionId, fields, metadata, context);
        }

        /// <summary>Reads <c>data</c> (the reader is on its StartObject); null when the exact path must decide.</summary>
        private static EventData? ParseData(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
        {
            int start = (int)reader.TokenStartIndex;
            if (!reader.Read())
            {
                return null;
            }

            if (reader.TokenType == JsonTokenType.PropertyName && !reader.ValueIsEscaped && Is(reader.ValueSpan, Type))
            {
                // The usual layout: type first, so the fields can be read in the same pass.
                if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return null;
                }

                string? type = KnownType(ref reader);
                if (type == null || !reader.Read())
                {
                    return null;
                }

                var fields = new EventData(type);
                return ParseFields(ref reader, json, fields, skipType: false) ? fields : null;
            }

            // type comes later: find it, then read the fields from the data object's own bytes.
            int depth = reader.CurrentDepth - 1;
            if (reader.TokenType != JsonTokenType.EndObject && (!Valid(ref reader) || !SkipTo(ref reader, depth)))
            {
                return null;
            }

            // The readers below read the original bytes (masked values are escaped there), with offsets relative to
            // data, which could equal a masked value's. They cannot take another token for a masked one: an unescaped
            // value is only looked up when it starts with the marker byte, which is invalid UTF-8, and the pass above
            // has already rejected every such value of data that was not masked.
            ReadOnlySpan<byte> slice = json.Slice(start, (int)reader.BytesConsumed - start);
            var scan = new Utf8JsonReader(slice, SerdeJsonValidator.ReaderOptions);
            scan.Read();
            string? found = null;
            while (scan.Read() && scan.TokenType == JsonTokenType.PropertyName)
            {
                bool isType = !scan.ValueIsEscaped && Is(scan.ValueSpan, Type);
                scan.Read();
                if (isType)
                {
                    if (found != null || scan.TokenType != JsonTokenType.String || (found = KnownType(ref scan)) == null)
                    {
                        return null;
                    }
                }

                scan.Skip();
            }

            if (found == null)
            {
                return null;
            }

            var second = new Utf8JsonReader(slice, SerdeJsonValidator.ReaderOptions);
            second.Read();
            second.Read();
            var result = new EventData(found);
            return ParseFields(ref second, slice, result, skipType: true) ? result : null;
        }

        /// <summary>The data type when it is one of the seven schemas (interned constant), else null.</summary>
        private static string? KnownType(ref Utf8JsonReader reader)
        {
            if (reader.ValueIsEscaped)
            {
                return null;
            }

            ReadOnlySpan<byte> t = reader.ValueSpan;
            string? type = t.Length switch
            {
                4 when Ascii(t, EventData.FileKind) => EventData.FileKind,
                4 when t[0] == (byte)'t' && t[1] == (byte)'o' && t[2] == (byte)'o' && t[3] == (byte)'l' => EventData.ToolKind,
                5 when t[0] == (byte)'p' && t[1] == (byte)'a' && t[2] == (byte)'t' && t[3] == (byte)'c' && t[4] == (byte)'h' => EventData.PatchKind,
                6 when Ascii(t, EventData.SecretKind) => EventData.SecretKind,
                6 when Ascii(t, EventData.CustomKind) => EventData.CustomKind,
                7 when Ascii(t, EventData.NetworkKind) => EventData.NetworkKind,
                7 when Ascii(t, EventData.CommandKind) => EventData.CommandKind,
                _ => null,
            };
            return type;
        }

        private static bool Ascii(ReadOnlySpan<byte> bytes, string text)
        {
            if (bytes.Length != text.Length)
            {
                return false;
            }

            for (int i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] != text[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Reads the data properties after <c>type</c> up to the data object's EndObject (the reader is on the next token).</summary>
        private static bool ParseFields(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, EventData fields, bool skipType)
        {
            bool a = false, b = false, c = false, d = false, e = false;
            List<CustomField>? extras = fields.Type == EventData.CustomKind ? new List<CustomField>() : null;
            while (reader.TokenType != JsonTokenType.EndObject)
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped || !SerdeJsonValidator.IsValidUtf8(reader.ValueSpan))
                {
                    return false;
                }

                ReadOnlySpan<byte> name = reader.ValueSpan;
                if (Is(name, Type))
                {
                    if (!skipType)
                    {
                        return false; // a repeated type: the exact path applies "last one wins"
                    }

                    if (!reader.Read() || !reader.Read())
                    {
                        return false;
                    }

                    continue;
                }

                if (!reader.Read())
                {
                    return false;
                }

                bool ok;
                switch (fields.Type)
                {
                    case EventData.FileKind:
                        if (Is(name, Path) || Is(name, FilePathSnake))
                        {
                            ok = Once(ref a) && (fields.Path = String(ref reader)) != null;
                        }
                        else if (Is(name, Operation))
                        {
                            ok = OptionalString(ref reader, out string? v) && Once(ref b);
                            fields.Operation = v;
                        }
                        else if (Is(name, Content))
                        {
                            ok = OptionalString(ref reader, out string? v) && Once(ref c);
                            fields.Content = v;
                        }
                        else if (Is(name, ContentBase64) || Is(name, ContentBase64Snake))
                        {
                            ok = OptionalString(ref reader, out string? v) && Once(ref d);
                            fields.ContentBase64 = v;
                        }
                        else if (Is(name, ContentHash) || Is(name, ContentHashSnake))
                        {
                            ok = OptionalString(ref reader, out string? v) && Once(ref e);
                            fields.ContentHash = v;
                        }
                        else
                        {
                            ok = Skip(ref reader);
                        }

                        break;
                    case EventData.NetworkKind:
                        if (Is(name, Host))
                        {
                            ok = Once(ref a) && (fields.Host = String(ref reader)) != null;
                        }
                        else if (Is(name, Port))
                        {
                            ok = PortNumber(ref reader, out int port) && Once(ref b);
                            fields.Port = port;
                        }
                        else if (Is(name, Protocol))
                        {
                            ok = OptionalString(ref reader, out string? v) && Once(ref c);
                            fields.Protocol = v;
                        }
                        else if (Is(name, Url))
                        {
                            ok = OptionalString(ref reader, out string? v) && Once(ref d);
                            fields.Url = v;
                        }
                        else
                        {
                            ok = Skip(ref reader);
                        }

                        break;
                    case EventData.CommandKind:
                        if (Is(name, Command))
                        {
                            ok = Once(ref a) && (fields.Command = String(ref reader)) != null;
                        }
                        else if (Is(name, Args))
                        {
                            ok = StringList(ref reader, out List<string>? list) && Once(ref b);
                            fields.Args = list ?? (IReadOnlyList<string>)Array.Empty<string>();
                        }
                        else
                        {
                            ok = Skip(ref reader);
                        }

                        break;
                    case EventData.PatchKind:
                        if (Is(name, FilePath) || Is(name, FilePathSnake))
                        {
                            ok = Once(ref a) && (fields.FilePath = String(ref reader)) != null;
                        }
                        else if (Is(name, PatchContent) || Is(name, PatchContentSnake))
                        {
                            ok = Once(ref b) && (fields.PatchContent = String(ref reader)) != null;
                        }
                        else if (Is(name, PatchHash) || Is(name, PatchHashSnake))
                        {
                            ok = OptionalString(ref reader, out string? v) && Once(ref c);
                            fields.PatchHash = v;
                        }
                        else
                        {
                            ok = Skip(ref reader);
                        }

                        break;
                    case EventData.ToolKind:
                        if (Is(name, ToolName) || Is(name, ToolNameSnake))
                        {
                            ok = Once(ref a) && (fields.ToolName = String(ref reader)) != null;
                        }
                        else if (Is(name, Parameters))
                        {
                            ok = Element(ref reader, json, out JsonElement? parameters, keepNull: true) && Once(ref b);
                            fields.Parameters = parameters ?? default;
                        }
                        else
                        {
                            ok = Skip(ref reader);
                        }

                        break;
                    case EventData.SecretKind:
                        if (Is(name, SecretName) || Is(name, SecretNameSnake))
                        {
                            ok = Once(ref a) && (fields.SecretName = String(ref reader)) != null;
                        }
                        else if (Is(name, Scope))
                        {
                            ok = Once(ref b) && (fields.Scope = String(ref reader)) != null;
                        }
                        else
                        {
                            ok = Skip(ref reader);
                        }

                        break;
                    default: // custom
                        if (Is(name, CustomType) || Is(name, CustomTypeSnake))
                        {
                            ok = Once(ref a) && (fields.CustomType = String(ref reader)) != null;
                        }
                        else
                        {
                            // A string value is decoded once here (the text guards read it); anything else stays JSON.
                            string customName = CustomKey(name);
                            CustomField entry = default;
                            if (reader.TokenType == JsonTokenType.String)
                            {
                                string? text = String(ref reader);
                                ok = text != null;
                                if (ok)
                                {
                                    entry = new CustomField(customName, text!);
                                }
                            }
                            else
                            {
                                ok = Element(ref reader, json, out JsonElement? value, keepNull: true);
                                if (ok)
                                {
                                    entry = new CustomField(customName, value!.Value);
                                }
                            }

                            if (ok)
                            {
                                // A loop, not FindIndex with a lambda: the closure over customName was allocated for every field.
                                int existing = -1;
                                for (int i = 0; i < extras!.Count; i++)
                                {
                                    if (string.Equals(extras[i].Key, customName, StringComparison.Ordinal))
                                    {
                                        existing = i;
                                        break;
                                    }
                                }

                                if (existing >= 0)
                                {
                                    extras[existing] = entry;
                                }
                                else
                                {
                                    extras.Add(entry);
                                }
                            }
                        }

                        break;
                }

                if (!ok || !reader.Read())
                {
                    return false;
                }
            }

            switch (fields.Type)
            {
                case EventData.FileKind:
                case EventData.CommandKind:
                    return a;
                case EventData.NetworkKind:
                case EventData.PatchKind:
                case EventData.SecretKind:
                    return a && b;
                case EventData.ToolKind:
                    if (!b)
                    {
                        fields.Parameters = EmptyObject;
                    }

                    return a;
                default:
                    fields.Extras = extras;
                    return a;
            }
        }

        private static readonly JsonElement EmptyObject = CreateEmptyObject();

        private static JsonElement CreateEmptyObject()
        {
            var reader = new Utf8JsonReader(new[] { (byte)'{', (byte)'}' });
            return JsonElement.ParseValue(ref reader);
        }

        private static bool Once(ref bool seen)
        {
            if (seen)
            {
                return false;
            }

            seen = true;
            return true;
        }

        private static bool Is(ReadOnlySpan<byte> name, byte[] expected) => name.SequenceEqual(expected);

        /// <summary>A string value (checked as serde does), or null when the token is not a valid string.</summary>
        private static string? String(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return null;
            }

            if (!reader.ValueIsEscaped)
            {
#if NET8_0_OR_GREATER
                if (EscapedStringMask.MaskedValue(reader.ValueSpan, reader.TokenStartIndex) is string masked)
                {
                    return masked;
                }
#endif
                if (!SerdeJsonValidator.IsValidUtf8(reader.ValueSpan))
                {
                    return null;
                }
            }

            // Escaped strings: GetString throws InvalidOperationException on a lone surrogate (TryParse returns null).
            return reader.GetString();
        }

        private static bool OptionalString(ref Utf8JsonReader reader, out string? value)
        {
            value = null;
            if (reader.TokenType == JsonTokenType.Null)
            {
                return true;
            }

            value = String(ref reader);
            return value != null;
        }

        private static bool StringList(ref Utf8JsonReader reader, out List<string>? list)
        {
            list = null;
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return false;
            }

            var items = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                string? item = String(ref reader);
                if (item == null)
                {
                    return false;
                }

                items.Add(item);
            }

            list = items;
            return true;
        }

        /// <summary>A port: a plain non-negative integer literal up to 65535 (everything else goes to the exact path).</summary>
        private static bool PortNumber(ref Utf8JsonReader reader, out int port)
        {
            port = 0;
            if (reader.TokenType != JsonTokenType.Number)
            {
                return false;
            }

            ReadOnlySpan<byte> digits = reader.ValueSpan;
            if (digits.Length == 0 || digits.Length > 5)
            {
                return false;
            }

            int value = 0;
            foreach (byte b in digits)
            {
                if (b < (byte)'0' || b > (byte)'9')
                {
                    return false;
                }

                value = (value * 10) + (b - '0');
            }

            if (value > ushort.MaxValue)
            {
                return false;
            }

            port = value;
            return true;
        }

        /// <summary>
        /// Checks the value at the reader (and everything inside it) and returns it as a JsonElement; JSON <c>null</c>
        /// gives null unless <paramref name="keepNull"/>.
        /// </summary>
        private static bool Element(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, out JsonElement? element, bool keepNull = false)
        {
            element = null;
            if (reader.TokenType == JsonTokenType.Null && !keepNull)
            {
                return true;
            }

            int start = (int)reader.TokenStartIndex;
            if (!Skip(ref reader))
            {
                return false;
            }

            var sub = new Utf8JsonReader(json.Slice(start, (int)reader.BytesConsumed - start), SerdeJsonValidator.ReaderOptions);
            element = JsonElement.ParseValue(ref sub);
            return true;
        }

        /// <summary>Checks the value at the reader and everything inside it, leaving the reader on its last token.</summary>
        private static bool Skip(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject && reader.TokenType != JsonTokenType.StartArray)
            {
                return Valid(ref reader);
            }

            return SkipTo(ref reader, reader.CurrentDepth);
        }

        /// <summary>Reads and checks tokens until the end of the container opened at <paramref name="depth"/>.</summary>
        private static bool SkipTo(ref Utf8JsonReader reader, int depth)
        {
            while (reader.Read())
            {
                if (!Valid(ref reader))
                {
                    return false;
                }

                if ((reader.TokenType == JsonTokenType.EndObject || reader.TokenType == JsonTokenType.EndArray) && reader.CurrentDepth == depth)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Valid(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                case JsonTokenType.PropertyName:
                    if (!reader.ValueIsEscaped)
                    {
#if NET8_0_OR_GREATER
                        return SerdeJsonValidator.IsValidUtf8(reader.ValueSpan) || EscapedStringMask.MaskedValue(reader.ValueSpan, reader.TokenStartIndex) != null;
#else
                        return SerdeJsonValidator.IsValidUtf8(reader.ValueSpan);
#endif
                    }

                    return SerdeJsonValidator.CheckToken(ref reader) == null;
                case JsonTokenType.Number:
                    return SerdeJsonValidator.CheckToken(ref reader) == null;
                default:
                    return true;
            }
        }

        /// <summary>An extra key of a custom payload; the keys the text guards read are not allocated per event.</summary>
        private static string CustomKey(ReadOnlySpan<byte> name) =>
            Is(name, TextKey) ? "text" : Is(name, SourceKey) ? "source" : Utf8String(name);

        private static string Utf8String(ReadOnlySpan<byte> utf8)
        {
#if NET8_0_OR_GREATER
            return Encoding.UTF8.GetString(utf8);
#else
            return Encoding.UTF8.GetString(utf8.ToArray());
#endif
        }
    }
}
