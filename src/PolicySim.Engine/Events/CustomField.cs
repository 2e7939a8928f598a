using System.Text.Json;

namespace PolicySim.Events
{
    /// <summary>
    /// An extra key of a custom payload (anything besides <c>type</c> and <c>customType</c>). The fast parser keeps a
    /// string value as the decoded string, because the text guards read <c>text</c> of every untrusted-text event and a
    /// JSON element of its own cost a copy of the value and a second decode; any other value stays a JSON element.
    /// </summary>
    internal readonly struct CustomField
    {
        private readonly string? _text;
        private readonly JsonElement _value;

        /// <summary>Creates a field whose value is a JSON string, already decoded.</summary>
        /// <param name="key">The key.</param>
        /// <param name="text">The decoded string.</param>
        public CustomField(string key, string text)
        {
            Key = key;
            _text = text;
            _value = default;
        }

        /// <summary>Creates a field holding any JSON value.</summary>
        /// <param name="key">The key.</param>
        /// <param name="value">The value.</param>
        public CustomField(string key, JsonElement value)
        {
            Key = key;
            _text = null;
            _value = value;
        }

        /// <summary>Gets the key.</summary>
        public string Key { get; }

        /// <summary>Gets the value for writing: the decoded <see cref="string"/> or the <see cref="JsonElement"/>.</summary>
        public object Value => _text ?? (object)_value;

        /// <summary>Gets the string value, or null when the value is not a JSON string (a JSON string never gives null).</summary>
        /// <returns>The string, or null.</returns>
        public string? GetString() => _text ?? (_value.ValueKind == JsonValueKind.String ? _value.GetString() : null);
    }
}
