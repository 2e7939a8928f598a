using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PolicySim.Serialization
{
    /// <summary>
    /// Writes JSON exactly as Rust's <c>serde_json</c> does (Clawdstrike spec §6 "JSON output"):
    /// compact (<c>{"a":1,"b":[1,2]}</c>) or pretty (2-space indent, <c>": "</c>, empty containers as
    /// <c>{}</c>/<c>[]</c>); strings escape only <c>"</c>, <c>\</c> and U+0000–U+001F; floats in ryu layout.
    /// </summary>
    /// <remarks>
    /// Lone UTF-16 surrogates cannot occur in Rust strings (they are rejected when JSON is read, see
    /// <see cref="SerdeJsonValidator"/>); if a .NET string still carries one, it is written as a lowercase
    /// <c>\udXXX</c> escape so that the output stays valid JSON and loses nothing.
    /// The writer appends to a <see cref="StringBuilder"/>; it checks only what it needs to place commas.
    /// </remarks>
    internal sealed class SerdeJsonWriter
    {
        private const string Indent = "  ";
        private readonly StringBuilder _sb;
        private readonly bool _pretty;
        private readonly Stack<bool> _hasElements = new Stack<bool>();
        private readonly int _baseDepth;
        private bool _afterPropertyName;

        /// <summary>Creates a writer appending to <paramref name="output"/>.</summary>
        public SerdeJsonWriter(StringBuilder output, bool pretty = false)
            : this(output, pretty, 0)
        {
        }

        /// <summary>
        /// Creates a writer whose pretty output is indented as if nested <paramref name="baseDepth"/> levels deep, so a
        /// value can be built apart (e.g. a results array) and spliced in with <see cref="WriteRaw"/>.
        /// </summary>
        public SerdeJsonWriter(StringBuilder output, bool pretty, int baseDepth)
        {
            _sb = output ?? throw new ArgumentNullException(nameof(output));
            _pretty = pretty;
            _baseDepth = baseDepth;
        }

        /// <summary>Creates a writer over a new buffer.</summary>
        public SerdeJsonWriter(bool pretty = false)
            : this(new StringBuilder(256), pretty)
        {
        }

        [ThreadStatic]
        private static SerdeJsonWriter? t_line;

#if NET8_0_OR_GREATER
        // What AppendQuoted must look at: quote, backslash, controls and surrogates (a pair is kept, a lone half escaped).
        private static readonly System.Buffers.SearchValues<char> NeedsAttention = System.Buffers.SearchValues.Create(NeedsAttentionChars());

        private static string NeedsAttentionChars()
        {
            var chars = new StringBuilder("\"\\");
            for (char c = '\u0000'; c < '\u0020'; c++)
            {
                chars.Append(c);
            }

            for (int c = 0xD800; c <= 0xDFFF; c++)
            {
                chars.Append((char)c);
            }

            return chars.ToString();
        }
#endif

        /// <summary>Gets the buffer written to.</summary>
        public StringBuilder Output => _sb;

        /// <summary>
        /// Writes one compact JSON value with this thread's reusable writer and returns it as a string: result lines
        /// are formatted for every event, and a new writer with a growing builder cost ~1.5 KB of garbage per line.
        /// <paramref name="write"/> must not itself call <see cref="FormatLine{T}"/>.
        /// </summary>
        /// <typeparam name="T">The value's type.</typeparam>
        /// <param name="value">The value.</param>
        /// <param name="write">Writes the value.</param>
        /// <returns>The JSON text.</returns>
        public static string FormatLine<T>(T value, Action<SerdeJsonWriter, T> write)
        {
            SerdeJsonWriter w = t_line ??= new SerdeJsonWriter(new StringBuilder(1024), pretty: false);
            t_line = null; // a nested call (or a failure half-way) gets a fresh writer instead of this one's state
            w._sb.Clear();
            w._hasElements.Clear();
            w._afterPropertyName = false;
            write(w, value);
            string text = w._sb.ToString();
            if (w._sb.Capacity <= 64 * 1024)
            {
                // Keep the writer unless one huge line grew its buffer.
                t_line = w;
            }

            return text;
        }

        /// <summary>Gets whether the output is pretty-printed.</summary>
        public bool Pretty => _pretty;

        /// <summary>Returns the JSON written so far.</summary>
        public override string ToString() => _sb.ToString();

        /// <summary>Serializes <paramref name="element"/> (serde_json <c>Value</c> semantics when <paramref name="sortKeys"/>).</summary>
        public static string Serialize(JsonElement element, bool pretty = false, bool sortKeys = true)
        {
            var writer = new SerdeJsonWriter(pretty);
            writer.WriteElement(element, sortKeys);
            return writer.ToString();
        }

        /// <summary>Starts an object.</summary>
        public void WriteStartObject()
        {
            BeforeValue();
            _sb.Append('{');
            _hasElements.Push(false);
        }

        /// <summary>Ends the current object.</summary>
        public void WriteEndObject() => EndContainer('}');

        /// <summary>Starts an array.</summary>
        public void WriteStartArray()
        {
            BeforeValue();
            _sb.Append('[');
            _hasElements.Push(false);
        }

        /// <summary>Ends the current array.</summary>
        public void WriteEndArray() => EndContainer(']');

        /// <summary>Writes an object key; the next Write* call writes its value.</summary>
        public void WritePropertyName(string name)
        {
            _ = name ?? throw new ArgumentNullException(nameof(name));
            BeforeElement();
            AppendQuoted(_sb, name);
            _sb.Append(_pretty ? ": " : ":");
            _afterPropertyName = true;
        }

        /// <summary>Writes a string, or <c>null</c> when <paramref name="value"/> is null.</summary>
        public void WriteString(string? value)
        {
            BeforeValue();
            if (value is null)
            {
                _sb.Append("null");
            }
            else
            {
                AppendQuoted(_sb, value);
            }
        }

        /// <summary>Writes a signed integer.</summary>
        public void WriteInteger(long value)
        {
            BeforeValue();
            _sb.Append(value.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>Writes an unsigned integer.</summary>
        public void WriteInteger(ulong value)
        {
            BeforeValue();
            _sb.Append(value.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>Writes an f64 in ryu layout (<c>10.0</c>, <c>1e16</c>); NaN and infinities as <c>null</c>.</summary>
        public void WriteDouble(double value)
        {
            BeforeValue();
            RyuFormat.AppendDouble(_sb, value);
        }

        /// <summary>Writes an f32 in ryu layout (<c>0.70445</c>); NaN and infinities as <c>null</c>.</summary>
        public void WriteSingle(float value)
        {
            BeforeValue();
            RyuFormat.AppendSingle(_sb, value);
        }

        /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
        public void WriteBool(bool value)
        {
            BeforeValue();
            _sb.Append(value ? "true" : "false");
        }

        /// <summary>Writes <c>null</c>.</summary>
        public void WriteNull()
        {
            BeforeValue();
            _sb.Append("null");
        }

        /// <summary>Writes a property with a string value (null ⇒ <c>null</c>).</summary>
        public void WriteString(string name, string? value)
        {
            WritePropertyName(name);
            WriteString(value);
        }

        /// <summary>Writes a property with an integer value.</summary>
        public void WriteInteger(string name, long value)
        {
            WritePropertyName(name);
            WriteInteger(value);
        }

        /// <summary>Writes a property with a boolean value.</summary>
        public void WriteBool(string name, bool value)
        {
            WritePropertyName(name);
            WriteBool(value);
        }

        /// <summary>Writes a property with a <c>null</c> value.</summary>
        public void WriteNull(string name)
        {
            WritePropertyName(name);
            WriteNull();
        }

        /// <summary>
        /// Re-serializes a JSON value as serde_json would print the <c>serde_json::Value</c> parsed from it:
        /// integers that fit i64/u64 stay integers (except <c>-0</c>, which serde reads as f64 <c>-0.0</c>),
        /// every other number is read as f64 and printed ryu-style (<c>1.50</c>→<c>1.5</c>, <c>1e2</c>→<c>100.0</c>);
        /// duplicate keys keep the last value; with <paramref name="sortKeys"/> keys are ordered by code point
        /// (= UTF-8 byte order, as a <c>BTreeMap&lt;String, _&gt;</c>), otherwise in first-seen order.
        /// </summary>
        public void WriteElement(JsonElement element, bool sortKeys)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    WriteStartObject();
                    foreach (var property in ObjectEntries(element, sortKeys))
                    {
                        WritePropertyName(property.Key);
                        WriteElement(property.Value, sortKeys);
                    }

                    WriteEndObject();
                    break;
                case JsonValueKind.Array:
                    WriteStartArray();
                    foreach (var item in element.EnumerateArray())
                    {
                        WriteElement(item, sortKeys);
                    }

                    WriteEndArray();
                    break;
                case JsonValueKind.String:
                    WriteString(element.GetString());
                    break;
                case JsonValueKind.Number:
                    BeforeValue();
                    AppendNumber(_sb, element.GetRawText());
                    break;
                case JsonValueKind.True:
                    WriteBool(true);
                    break;
                case JsonValueKind.False:
                    WriteBool(false);
                    break;
                case JsonValueKind.Null:
                    WriteNull();
                    break;
                default:
                    throw new ArgumentException("The element holds no value.", nameof(element));
            }
        }

        /// <summary>
        /// Number of UTF-8 bytes of the compact serde_json serialization of <paramref name="element"/>
        /// (the mcp_tool argument size, spec §3.6 step 1). Key order does not matter; duplicate keys count once.
        /// </summary>
        public static long CompactUtf8Size(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                {
                    long size = 2;
                    int count = 0;
                    foreach (var property in ObjectEntries(element, sortKeys: false))
                    {
                        size += EscapedUtf8Length(property.Key) + 1 + CompactUtf8Size(property.Value);
                        count++;
                    }

                    return size + Math.Max(0, count - 1);
                }

                case JsonValueKind.Array:
                {
                    long size = 2;
                    int count = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        size += CompactUtf8Size(item);
                        count++;
                    }

                    return size + Math.Max(0, count - 1);
                }

                case JsonValueKind.String:
                    return EscapedUtf8Length(element.GetString()!);
                case JsonValueKind.Number:
                {
                    var sb = new StringBuilder(24);
                    AppendNumber(sb, element.GetRawText());
                    return sb.Length; // numbers are ASCII
                }

                case JsonValueKind.True:
                case JsonValueKind.Null:
                    return 4;
                case JsonValueKind.False:
                    return 5;
                default:
                    throw new ArgumentException("The element holds no value.", nameof(element));
            }
        }

        /// <summary>UTF-8 length of <paramref name="value"/> once quoted and escaped serde-style.</summary>
        public static long EscapedUtf8Length(string value)
        {
            long length = 2;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '"' || c == '\\')
                {
                    length += 2;
                }
                else if (c < 0x20)
                {
                    length += c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t' ? 2 : 6;
                }
                else if (c < 0x80)
                {
                    length += 1;
                }
                else if (c < 0x800)
                {
                    length += 2;
                }
                else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    length += 4;
                    i++;
                }
                else if (char.IsSurrogate(c))
                {
                    length += 6;
                }
                else
                {
                    length += 3;
                }
            }

            return length;
        }

        /// <summary>Appends <paramref name="value"/> quoted and escaped serde-style.</summary>
        public static void AppendQuoted(StringBuilder sb, string value)
        {
            sb.Append('"');
#if NET8_0_OR_GREATER
            // Most strings need no escape: find the first character that may, with a vectorized search.
            int first = value.AsSpan().IndexOfAny(NeedsAttention);
            if (first < 0)
            {
                sb.Append(value).Append('"');
                return;
            }

            int runStart = 0;
            for (int i = first; i < value.Length; i++)
#else
            int runStart = 0;
            for (int i = 0; i < value.Length; i++)
#endif
            {
                char c = value[i];
                string? escape = null;
                if (c == '"')
                {
                    escape = "\\\"";
                }
                else if (c == '\\')
                {
                    escape = "\\\\";
                }
                else if (c < 0x20)
                {
                    escape = c switch
                    {
                        '\b' => "\\b",
                        '\f' => "\\f",
                        '\n' => "\\n",
                        '\r' => "\\r",
                        '\t' => "\\t",
                        _ => null,
                    };
                }
                else if (char.IsSurrogate(c))
                {
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        i++;
                        continue;
                    }
                }
                else
                {
                    continue;
                }

                sb.Append(value, runStart, i - runStart);
                if (escape != null)
                {
                    sb.Append(escape);
                }
                else
                {
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }

                runStart = i + 1;
            }

            sb.Append(value, runStart, value.Length - runStart);
            sb.Append('"');
        }

        /// <summary>Appends a JSON number literal re-printed as serde_json prints the value it parses to.</summary>
        internal static void AppendNumber(StringBuilder sb, string raw)
        {
            bool integerSyntax = raw.IndexOf('.') < 0 && raw.IndexOf('e') < 0 && raw.IndexOf('E') < 0;
            if (integerSyntax)
            {
                if (raw[0] == '-')
                {
                    if (raw != "-0" && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long signed))
                    {
                        sb.Append(signed.ToString(CultureInfo.InvariantCulture));
                        return;
                    }
                }
                else if (ulong.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out ulong unsigned))
                {
                    sb.Append(unsigned.ToString(CultureInfo.InvariantCulture));
                    return;
                }
            }

            RyuFormat.AppendDouble(sb, ParseDouble(raw));
        }

        /// <summary>Parses a JSON number literal as f64 (overflow gives an infinity).</summary>
        internal static double ParseDouble(string raw)
        {
            if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                return value;
            }

            // .NET Framework reports overflow as failure instead of returning an infinity.
            return raw[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
        }

        /// <summary>Object members with duplicate keys collapsed (last value wins), optionally sorted by code point.</summary>
        internal static List<KeyValuePair<string, JsonElement>> ObjectEntries(JsonElement element, bool sortKeys)
        {
            var entries = new List<KeyValuePair<string, JsonElement>>();
            Dictionary<string, int>? index = null;
            foreach (var property in element.EnumerateObject())
            {
                string name = property.Name;
                if (entries.Count >= 8 && index is null)
                {
                    index = new Dictionary<string, int>(StringComparer.Ordinal);
                    for (int i = 0; i < entries.Count; i++)
                    {
                        index[entries[i].Key] = i;
                    }
                }

                int existing = -1;
                if (index != null)
                {
                    if (index.TryGetValue(name, out int found))
                    {
                        existing = found;
                    }
                }
                else
                {
                    for (int i = 0; i < entries.Count; i++)
                    {
                        if (string.Equals(entries[i].Key, name, StringComparison.Ordinal))
                        {
                            existing = i;
                            break;
                        }
                    }
                }

                if (existing >= 0)
                {
                    entries[existing] = new KeyValuePair<string, JsonElement>(name, property.Value);
                }
                else
                {
                    index?.Add(name, entries.Count);
                    entries.Add(new KeyValuePair<string, JsonElement>(name, property.Value));
                }
            }

            if (sortKeys && entries.Count > 1)
            {
                entries.Sort((a, b) => CodePointComparer.Instance.Compare(a.Key, b.Key));
            }

            return entries;
        }

        private void EndContainer(char close)
        {
            bool hadElements = _hasElements.Pop();
            if (_pretty && hadElements)
            {
                _sb.Append('\n');
                AppendIndent(_hasElements.Count);
            }

            _sb.Append(close);
        }

        private void BeforeValue()
        {
            if (_afterPropertyName)
            {
                _afterPropertyName = false;
                return;
            }

            if (_hasElements.Count > 0)
            {
                BeforeElement();
            }
        }

        private void BeforeElement()
        {
            bool had = _hasElements.Pop();
            _hasElements.Push(true);
            if (had)
            {
                _sb.Append(',');
            }

            if (_pretty)
            {
                _sb.Append('\n');
                AppendIndent(_hasElements.Count);
            }
        }

        /// <summary>Writes an already-serialized JSON value (built with the matching base depth) as the next value.</summary>
        public void WriteRaw(string json)
        {
            BeforeValue();
            _sb.Append(json);
        }

        private void AppendIndent(int depth)
        {
            for (int i = 0; i < depth + _baseDepth; i++)
            {
                _sb.Append(Indent);
            }
        }
    }
}
