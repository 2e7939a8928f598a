using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicySim.Serialization
{
    /// <summary>
    /// Builds, in memory, the YAML nodes that YamlDotNet would read from the JSON text <see cref="ValueJson"/> writes for
    /// the same value graph: strings and keys as double-quoted scalars, numbers, booleans and null as plain scalars
    /// with the same text, dictionaries with their keys sorted by code point, ordered lists in order.
    /// </summary>
    /// <remarks>
    /// Attribution loads one policy variant per change; writing each as JSON and parsing it back as YAML was more than
    /// half of that work (YamlDotNet is slow on flow-style text). The nodes carry no positions (no line or column).
    /// </remarks>
    internal static class ValueYaml
    {
        /// <summary>The nodes for <paramref name="value"/>.</summary>
        /// <param name="value">A value graph as <see cref="ValueJson.Write"/> accepts it.</param>
        /// <returns>The root node.</returns>
        public static YamlNode ToNode(object? value)
        {
            switch (value)
            {
                case null:
                    return Plain("null");
                case string s:
                    return Quoted(s);
                case bool b:
                    return Plain(b ? "true" : "false");
                case long l:
                    return Plain(l.ToString(CultureInfo.InvariantCulture));
                case int i:
                    return Plain(i.ToString(CultureInfo.InvariantCulture));
                case double _:
                case float _:
                    // Ryu layout (and null for NaN and infinities), exactly as the JSON text would have it.
                    return Plain(ValueJson.Compact(value));
                case JsonElement e:
                    return FromElement(e);
                case List<KeyValuePair<string, object?>> ordered:
                    return Mapping(ordered);
                case IReadOnlyDictionary<string, object?> dict:
                    return Mapping(ValueJson.SortedByKey(dict));
                case IDictionary<string, object?> dict:
                    return Mapping(ValueJson.SortedByKey(dict));
                case IEnumerable list:
                    var sequence = new YamlSequenceNode();
                    foreach (object? item in list)
                    {
                        sequence.Add(ToNode(item));
                    }

                    return sequence;
                default:
                    return Quoted(value.ToString() ?? string.Empty);
            }
        }

        private static YamlMappingNode Mapping(List<KeyValuePair<string, object?>> pairs)
        {
            var mapping = new YamlMappingNode();
            foreach (var pair in pairs)
            {
                mapping.Add(Quoted(pair.Key), ToNode(pair.Value));
            }

            return mapping;
        }

        private static YamlNode FromElement(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var mapping = new YamlMappingNode();
                    foreach (var property in SerdeJsonWriter.ObjectEntries(element, sortKeys: true))
                    {
                        mapping.Add(Quoted(property.Key), FromElement(property.Value));
                    }

                    return mapping;
                case JsonValueKind.Array:
                    var sequence = new YamlSequenceNode();
                    foreach (JsonElement item in element.EnumerateArray())
                    {
                        sequence.Add(FromElement(item));
                    }

                    return sequence;
                case JsonValueKind.String:
                    return Quoted(element.GetString()!);
                case JsonValueKind.Number:
                    var number = new StringBuilder();
                    SerdeJsonWriter.AppendNumber(number, element.GetRawText());
                    return Plain(number.ToString());
                case JsonValueKind.True:
                    return Plain("true");
                case JsonValueKind.False:
                    return Plain("false");
                default:
                    return Plain("null");
            }
        }

        private static YamlScalarNode Plain(string text) => new YamlScalarNode(text) { Style = ScalarStyle.Plain };

        private static YamlScalarNode Quoted(string text) => new YamlScalarNode(text) { Style = ScalarStyle.DoubleQuoted };
    }
}
