using System.Text.Json;

namespace PolicySim.Evaluation.Guards
{
    /// <summary>Reads the text of an untrusted_text / user_input payload (spec §3.7): a string, or an object with string <c>text</c>.</summary>
    internal static class TextPayload
    {
        // The last custom event read on this thread and what was read from it.
        [System.ThreadStatic]
        private static Events.PolicyEvent? t_origin;

        [System.ThreadStatic]
        private static string? t_text;

        [System.ThreadStatic]
        private static string? t_source;

        [System.ThreadStatic]
        private static string? t_error;

        /// <summary>
        /// Same as <see cref="TryRead(JsonElement, out string, out string?, out string?)"/> on the action's payload, but
        /// for a custom event it reads the deduplicated extra keys directly instead of building the data object
        /// (which holds exactly those keys besides <c>type</c> and <c>customType</c>).
        /// </summary>
        public static bool TryRead(CustomAction action, out string text, out string? source, out string? error)
        {
            if (action.Source is Events.PolicyEvent origin && string.Equals(origin.Fields.Type, Events.EventData.CustomKind, System.StringComparison.Ordinal))
            {
                // Both text guards of both policies of a comparison read the same event on one thread: decode once.
                ReadCached(origin);
                text = t_text!;
                source = t_source;
                error = t_error;
                return t_error == null;
            }

            return TryRead(action.Payload, out text, out source, out error);
        }

        /// <summary>Forgets the event read last on this thread (for timing one guard alone).</summary>
        public static void Clear() => t_origin = null;

        /// <summary>The <c>text</c> of a custom event when it is a string (decoded once per event and thread), else null.</summary>
        public static string? TextOf(Events.PolicyEvent origin)
        {
            ReadCached(origin);
            return t_error == null ? t_text : null;
        }

        private static void ReadCached(Events.PolicyEvent origin)
        {
            if (!ReferenceEquals(t_origin, origin))
            {
                TryReadExtras(origin, out string text, out string? source, out string? error);
                t_origin = origin;
                t_text = text;
                t_source = source;
                t_error = error;
            }
        }

        private static bool TryReadExtras(Events.PolicyEvent origin, out string text, out string? source, out string? error)
        {
            text = string.Empty;
            source = null;
            error = null;
            string? textValue = null, sourceValue = null;
            if (origin.Fields.Extras != null)
            {
                // Keys are unique (the parsers keep the last value of a repeated key).
                foreach (Events.CustomField extra in origin.Fields.Extras)
                {
                    if (string.Equals(extra.Key, "text", System.StringComparison.Ordinal))
                    {
                        textValue = extra.GetString();
                    }
                    else if (string.Equals(extra.Key, "source", System.StringComparison.Ordinal))
                    {
                        sourceValue = extra.GetString();
                    }
                }
            }

            if (textValue == null)
            {
                error = "payload.text must be a string";
                return false;
            }

            text = textValue;
            source = sourceValue;
            return true;
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
