using System;
using System.Collections;
using System.Globalization;
using PolicySim.Serialization;

namespace PolicySim.Events
{
    /// <summary>
    /// Builds PolicyEvents from in-memory objects a host hands over: dictionaries (a PowerShell hashtable),
    /// lists, strings, numbers, booleans and times, nested freely. The object is written as JSON and read by the
    /// normal PolicyEvent parser, so the same field names, aliases and checks apply as for JSON text.
    /// </summary>
    public static class PolicyEventObjects
    {
        /// <summary>Objects nested deeper than this are rejected (also stops reference cycles).</summary>
        public const int MaxDepth = 64;

        /// <summary>
        /// Converts an object graph to compact JSON. Dictionaries become objects (keys as strings, in enumeration
        /// order), other enumerables arrays, <see cref="DateTimeOffset"/>/<see cref="DateTime"/> RFC 3339 strings,
        /// enums their names, integers and floating-point numbers numbers, anything else its invariant string.
        /// </summary>
        /// <param name="value">The value.</param>
        /// <param name="unwrap">
        /// The host's adapter for its own wrapper types, applied to every value first (e.g. PowerShell's
        /// <c>PSObject</c> to its base object or to a dictionary of its properties); null for none.
        /// </param>
        /// <returns>The JSON text.</returns>
        /// <exception cref="FormatException">The graph is deeper than <see cref="MaxDepth"/>.</exception>
        public static string ToJson(object? value, Func<object, object?>? unwrap = null)
        {
            var writer = new SerdeJsonWriter();
            Write(writer, value, unwrap, 0, null, null);
            return writer.ToString();
        }

        /// <summary>
        /// Builds an event from a dictionary-like object; a missing <c>eventId</c> (or <c>event_id</c>) becomes
        /// <paramref name="defaultEventId"/> and a missing <c>timestamp</c> becomes <paramref name="defaultTimestamp"/>.
        /// </summary>
        /// <param name="value">The object, e.g. a hashtable with <c>eventType</c> and <c>data</c>.</param>
        /// <param name="defaultEventId">The id for an object that has none.</param>
        /// <param name="defaultTimestamp">The time for an object that has none.</param>
        /// <param name="unwrap">The host's adapter for its wrapper types (see <see cref="ToJson"/>).</param>
        /// <returns>The event.</returns>
        /// <exception cref="PolicyEventFormatException">The object is not a valid PolicyEvent.</exception>
        public static PolicyEvent FromObject(object value, string defaultEventId, DateTimeOffset defaultTimestamp, Func<object, object?>? unwrap = null)
        {
            if (value is null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            object? root = unwrap != null ? unwrap(value) : value;
            if (root is not IDictionary)
            {
                throw new PolicyEventFormatException("invalid type: " + Describe(root) + ", expected struct PolicyEvent");
            }

            var writer = new SerdeJsonWriter();
            try
            {
                Write(writer, root, unwrap, 0, defaultEventId, EventShortcut.Rfc3339(defaultTimestamp));
            }
            catch (FormatException ex) when (ex is not PolicyEventFormatException)
            {
                throw new PolicyEventFormatException(ex.Message, ex);
            }

            return PolicyEventParser.Parse(writer.ToString());
        }

        private static void Write(SerdeJsonWriter w, object? value, Func<object, object?>? unwrap, int depth, string? defaultId, string? defaultTime)
        {
            if (depth > MaxDepth)
            {
                throw new FormatException("object nested deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels");
            }

            if (value != null && unwrap != null)
            {
                value = unwrap(value);
            }

            switch (value)
            {
                case null:
                    w.WriteNull();
                    return;
                case string s:
                    w.WriteString(s);
                    return;
                case char c:
                    w.WriteString(c.ToString());
                    return;
                case bool b:
                    w.WriteBool(b);
                    return;
                case Enum e:
                    w.WriteString(e.ToString());
                    return;
                case byte or sbyte or short or ushort or int or long:
                    w.WriteInteger(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    return;
                case uint or ulong:
                    w.WriteInteger(Convert.ToUInt64(value, CultureInfo.InvariantCulture));
                    return;
                case float f:
                    w.WriteSingle(f);
                    return;
                case double d:
                    w.WriteDouble(d);
                    return;
                case decimal m:
                    w.WriteRaw(m.ToString(CultureInfo.InvariantCulture));
                    return;
                case DateTimeOffset dto:
                    w.WriteString(EventShortcut.Rfc3339(dto));
                    return;
                case DateTime dt:
                    w.WriteString(EventShortcut.Rfc3339(dt.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)) : new DateTimeOffset(dt)));
                    return;
                case IDictionary dictionary:
                    WriteObject(w, dictionary, unwrap, depth, defaultId, defaultTime);
                    return;
                case IEnumerable list:
                    w.WriteStartArray();
                    foreach (object? item in list)
                    {
                        Write(w, item, unwrap, depth + 1, null, null);
                    }

                    w.WriteEndArray();
                    return;
                default:
                    w.WriteString(Convert.ToString(value, CultureInfo.InvariantCulture));
                    return;
            }
        }

        private static void WriteObject(SerdeJsonWriter w, IDictionary dictionary, Func<object, object?>? unwrap, int depth, string? defaultId, string? defaultTime)
        {
            bool hasId = false, hasTime = false;
            w.WriteStartObject();
            foreach (DictionaryEntry entry in dictionary)
            {
                string key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                hasId |= key == "eventId" || key == "event_id";
                hasTime |= key == "timestamp";
                w.WritePropertyName(key);
                Write(w, entry.Value, unwrap, depth + 1, null, null);
            }

            if (defaultId != null && !hasId)
            {
                w.WriteString("eventId", defaultId);
            }

            if (defaultTime != null && !hasTime)
            {
                w.WriteString("timestamp", defaultTime);
            }

            w.WriteEndObject();
        }

        private static string Describe(object? value) => value switch
        {
            null => "null",
            string s => "string \"" + s + "\"",
            IEnumerable => "sequence",
            _ => value.GetType().Name,
        };
    }
}
