using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PolicySim.Serialization
{
    /// <summary>
    /// Writes plain value graphs (guard details, policy document trees) as serde-style JSON: dictionaries with their
    /// keys sorted by code point (serde_json::Value without preserve_order), ordered key/value lists in their order
    /// (struct field order), lists as arrays, and the scalar types the engine uses.
    /// </summary>
    internal static class ValueJson
    {
        public static string Compact(object? value)
        {
            var w = new SerdeJsonWriter(pretty: false);
            Write(w, value);
            return w.ToString();
        }

        public static void Write(SerdeJsonWriter w, object? value)
        {
            switch (value)
            {
                case null:
                    w.WriteNull();
                    break;
                case string s:
                    w.WriteString(s);
                    break;
                case bool b:
                    w.WriteBool(b);
                    break;
                case long l:
                    w.WriteInteger(l);
                    break;
                case int i:
                    w.WriteInteger(i);
                    break;
                case double d:
                    w.WriteDouble(d);
                    break;
                case float f:
                    w.WriteSingle(f);
                    break;
                case JsonElement e:
                    w.WriteElement(e, sortKeys: true);
                    break;
                case List<KeyValuePair<string, object?>> ordered:
                    w.WriteStartObject();
                    foreach (var pair in ordered)
                    {
                        w.WritePropertyName(pair.Key);
                        Write(w, pair.Value);
                    }

                    w.WriteEndObject();
                    break;
                case IReadOnlyDictionary<string, object?> dict:
                    WriteSorted(w, dict);
                    break;
                case IDictionary<string, object?> dict:
                    WriteSorted(w, dict);
                    break;
                case IEnumerable list:
                    w.WriteStartArray();
                    foreach (object? item in list)
                    {
                        Write(w, item);
                    }

                    w.WriteEndArray();
                    break;
                default:
                    w.WriteString(value.ToString());
                    break;
            }
        }

        /// <summary>A dictionary's pairs in the order they are written: keys by code point, as serde_json::Value prints them.</summary>
        internal static List<KeyValuePair<string, object?>> SortedByKey(IEnumerable<KeyValuePair<string, object?>> dict)
        {
            // Details dictionaries have a handful of keys: sort a copy of the pairs (no LINQ pipeline and key look-ups).
            var pairs = new List<KeyValuePair<string, object?>>(dict);
            pairs.Sort(ByKey);
            return pairs;
        }

        private static void WriteSorted(SerdeJsonWriter w, IEnumerable<KeyValuePair<string, object?>> dict)
        {
            w.WriteStartObject();
            foreach (var pair in SortedByKey(dict))
            {
                w.WritePropertyName(pair.Key);
                Write(w, pair.Value);
            }

            w.WriteEndObject();
        }

        private static int ByKey(KeyValuePair<string, object?> a, KeyValuePair<string, object?> b) => CodePointComparer.Instance.Compare(a.Key, b.Key);
    }
}
