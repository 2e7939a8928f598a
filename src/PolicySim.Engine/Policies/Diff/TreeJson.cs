using System.Collections;
using System.Collections.Generic;
using System.Linq;
using PolicySim.Serialization;

namespace PolicySim.Policies.Diff
{
    /// <summary>Writes document trees (see <c>ClawdstrikeDocumentTree</c>) as serde-style JSON.</summary>
    internal static class TreeJson
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
                case List<KeyValuePair<string, object?>> ordered:
                    w.WriteStartObject();
                    foreach (var pair in ordered)
                    {
                        w.WritePropertyName(pair.Key);
                        Write(w, pair.Value);
                    }

                    w.WriteEndObject();
                    break;
                case IDictionary<string, object?> dict:
                    w.WriteStartObject();
                    foreach (var key in dict.Keys.OrderBy(k => k, CodePointComparer.Instance))
                    {
                        w.WritePropertyName(key);
                        Write(w, dict[key]);
                    }

                    w.WriteEndObject();
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
    }
}
