using System.Text.Json;

namespace PolicySim.Evaluation.Guards
{
    /// <summary>Reads the text of an untrusted_text / user_input payload (spec §3.7): a string, or an object with string <c>text</c>.</summary>
    internal static class TextPayload
    {
        /// <summary>
        /// Same as <see cref="TryRead(JsonElement, out string, out string?, out string?)"/> on the action's payload, but
        /// for a custom event it reads the deduplicated extra keys directly instead of building the data object
        /// (which holds exactly those keys besides <c>type</c> and <c>customType</c>).
        /// </summary>
        public static bool TryRead(CustomAction action, out string text, out string? source, out string? error)
        {
            if (action.Source is Events.PolicyEvent origin && string.Equals(origin.Fields.Type, Events.EventData.CustomKind, System.StringComparison.Ordinal))
            {
                text = string.Empty;
                source = null;
                error = null;
                JsonElement? textValue = null, sourceValue = null;
                if (origin.Fields.Extras != null)
                {
                    foreach (var extra in origin.Fields.Extras)
                    {
                        if (string.Equals(extra.Key, "text", System.StringComparison.Ordinal))
                        {
                            textValue = extra.Value;
                        }
                        else if (string.Equals(extra.Key, "source", System.StringComparison.Ordinal))
                        {
                            sourceValue = extra.Value;
                        }
                    }
                }

                if (textValue is not JsonElement t || t.ValueKind != JsonValueKind.String)
                {
                    error = "payload.text must be a string";
                    return false;
                }

                text = t.GetString() ?? string.Empty;
                if (sourceValue is JsonElement s && s.ValueKind == JsonValueKind.String)
                {
                    source = s.GetString();
                }

                return true;
            }

            return TryRead(action.Payload, out text, out source, out error);
        }

        public static bool TryRead(JsonElement payload, out string text, out string? source, out string? error)
        {
            text = string.Empty;
            source = null;
            error = null;
            switch (payload.ValueKind)
            {
                case JsonValueKind.String:
                    text = payload.GetString() ?? string.Empty;
                    return true;
                case JsonValueKind.Object:
                    if (!payload.TryGetProperty("text", out JsonElement t) || t.ValueKind != JsonValueKind.String)
                    {
                        error = "payload.text must be a string";
                        return false;
                    }

                    text = t.GetString() ?? string.Empty;
                    if (payload.TryGetProperty("source", out JsonElement s) && s.ValueKind == JsonValueKind.String)
                    {
                        source = s.GetString();
                    }

                    return true;
                default:
                    error = "payload must be a string or object";
                    return false;
            }
        }
    }
}
