using System.Text.Json;

namespace PolicySim.Evaluation.Guards
{
    /// <summary>Reads the text of an untrusted_text / user_input payload (spec §3.7): a string, or an object with string <c>text</c>.</summary>
    internal static class TextPayload
    {
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
