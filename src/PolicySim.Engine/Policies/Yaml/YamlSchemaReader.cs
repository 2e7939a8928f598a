using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace PolicySim.Policies.Yaml
{
    /// <summary>
    /// Walks a YAML node tree against a strict schema, collecting every problem with its line, column and
    /// field path instead of stopping at the first (serde stops at the first; users prefer all at once).
    /// Scalars follow the YAML 1.2 core schema as serde_yaml reads them.
    /// </summary>
    internal sealed class YamlSchemaReader
    {
        // Aliases share nodes; walking a "billion laughs" document would visit them exponentially often.
        private const int MaxNodeVisits = 200_000;

        private readonly List<PolicyDiagnostic> _diagnostics;
        private int _visits;

        public YamlSchemaReader(string source, List<PolicyDiagnostic> diagnostics)
        {
            Source = source;
            _diagnostics = diagnostics;
        }

        public string Source { get; }

        public bool Exhausted { get; private set; }

        public void Error(YamlNode? node, string path, string message)
        {
            int line = node is null ? 0 : (int)node.Start.Line;
            int column = node is null ? 0 : (int)node.Start.Column;
            _diagnostics.Add(new PolicyDiagnostic(Source, line, column, path, message));
        }

        /// <summary>Counts a node visit; false once the document is too large to walk safely.</summary>
        public bool Visit(YamlNode node)
        {
            if (Exhausted)
            {
                return false;
            }

            if (++_visits > MaxNodeVisits)
            {
                Exhausted = true;
                Error(node, string.Empty, "document too large or alias expansion too deep (more than 200000 nodes)");
                return false;
            }

            return true;
        }

        public static bool IsNull(YamlNode node) =>
            node is YamlScalarNode s && s.Style == YamlDotNet.Core.ScalarStyle.Plain && IsNullText(s.Value);

        private static bool IsNullText(string? v) => v is null || v.Length == 0 || v == "~" || v == "null" || v == "Null" || v == "NULL";

        /// <summary>Reads a mapping, reporting keys not in <paramref name="allowed"/> as serde does.</summary>
        public IReadOnlyList<KeyValuePair<string, YamlNode>>? Mapping(YamlNode node, string path, IReadOnlyList<string>? allowed)
        {
            if (!Visit(node))
            {
                return null;
            }

            if (node is not YamlMappingNode map)
            {
                Error(node, path, "invalid type: " + Describe(node) + ", expected a mapping");
                return null;
            }

            var result = new List<KeyValuePair<string, YamlNode>>(map.Children.Count);
            foreach (var pair in map.Children)
            {
                if (pair.Key is not YamlScalarNode keyNode || keyNode.Value is null)
                {
                    Error(pair.Key, path, "invalid type: " + Describe(pair.Key) + ", expected a field name");
                    continue;
                }

                string key = keyNode.Value;
                if (allowed != null && !allowed.Contains(key, StringComparer.Ordinal))
                {
                    Error(pair.Key, Join(path, key), UnknownField(key, allowed));
                    continue;
                }

                result.Add(new KeyValuePair<string, YamlNode>(key, pair.Value));
            }

            return result;
        }

        public static string UnknownField(string key, IReadOnlyList<string> allowed)
        {
            var sb = new StringBuilder();
            sb.Append("unknown field `").Append(key).Append("`, expected ");
            if (allowed.Count == 1)
            {
                sb.Append('`').Append(allowed[0]).Append('`');
            }
            else if (allowed.Count == 2)
            {
                sb.Append('`').Append(allowed[0]).Append("` or `").Append(allowed[1]).Append('`');
            }
            else
            {
                sb.Append("one of ");
                for (int i = 0; i < allowed.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    sb.Append('`').Append(allowed[i]).Append('`');
                }
            }

            return sb.ToString();
        }

        public static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

        public static string Index(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

        public string? String(YamlNode node, string path)
        {
            if (!Visit(node))
            {
                return null;
            }

            if (node is YamlScalarNode s)
            {
                if (s.Style == YamlDotNet.Core.ScalarStyle.Plain && IsNullText(s.Value))
                {
                    Error(node, path, "invalid type: unit value, expected a string");
                    return null;
                }

                return s.Value ?? string.Empty;
            }

            Error(node, path, "invalid type: " + Describe(node) + ", expected a string");
            return null;
        }

        /// <summary>Reads an optional string: null/~ gives null.</summary>
        public string? OptionalString(YamlNode node, string path, out bool ok)
        {
            ok = true;
            if (IsNull(node))
            {
                return null;
            }

            string? s = String(node, path);
            ok = s != null;
            return s;
        }

        /// <summary>
        /// Reads a string naming one of <paramref name="variants"/> (aliases allowed: several names may share a value);
        /// anything else is serde's <c>unknown variant</c> error listing <paramref name="canonical"/>.
        /// </summary>
        public T? Variant<T>(YamlNode node, string path, IReadOnlyList<string> canonical, params (string Name, T Value)[] variants)
            where T : struct
        {
            string? text = String(node, path);
            if (text == null)
            {
                return null;
            }

            foreach (var (name, value) in variants)
            {
                if (string.Equals(name, text, StringComparison.Ordinal))
                {
                    return value;
                }
            }

            string expected = canonical.Count == 2
                ? "`" + canonical[0] + "` or `" + canonical[1] + "`"
                : "one of " + string.Join(", ", canonical.Select(c => "`" + c + "`"));
            Error(node, path, "unknown variant `" + text + "`, expected " + expected);
            return null;
        }

        public bool? Bool(YamlNode node, string path)
        {
            if (!Visit(node))
            {
                return null;
            }

            if (node is YamlScalarNode s && s.Style == YamlDotNet.Core.ScalarStyle.Plain)
            {
                switch (s.Value)
                {
                    case "true":
                    case "True":
                    case "TRUE":
                        return true;
                    case "false":
                    case "False":
                    case "FALSE":
                        return false;
                }
            }

            Error(node, path, "invalid type: " + Describe(node) + ", expected a boolean");
            return null;
        }

        public long? Integer(YamlNode node, string path, long min = long.MinValue, long max = long.MaxValue, string expected = "an integer")
        {
            if (!Visit(node))
            {
                return null;
            }

            if (node is YamlScalarNode s && s.Style == YamlDotNet.Core.ScalarStyle.Plain && TryParseInteger(s.Value, out long value))
            {
                if (value < min || value > max)
                {
                    Error(node, path, "invalid value: integer `" + value.ToString(CultureInfo.InvariantCulture) + "`, expected " + expected);
                    return null;
                }

                return value;
            }

            Error(node, path, "invalid type: " + Describe(node) + ", expected " + expected);
            return null;
        }

        public double? Float(YamlNode node, string path)
        {
            if (!Visit(node))
            {
                return null;
            }

            if (node is YamlScalarNode s && s.Style == YamlDotNet.Core.ScalarStyle.Plain)
            {
                if (TryParseInteger(s.Value, out long l))
                {
                    return l;
                }

                if (TryParseFloat(s.Value, out double d))
                {
                    return d;
                }
            }

            Error(node, path, "invalid type: " + Describe(node) + ", expected f64");
            return null;
        }

        /// <summary>Reads a list of strings, each with its own node (for source lines).</summary>
        public List<(string Value, YamlNode Node)>? StringList(YamlNode node, string path)
        {
            if (!Visit(node))
            {
                return null;
            }

            if (node is not YamlSequenceNode seq)
            {
                Error(node, path, "invalid type: " + Describe(node) + ", expected a sequence");
                return null;
            }

            var list = new List<(string, YamlNode)>(seq.Children.Count);
            for (int i = 0; i < seq.Children.Count; i++)
            {
                string? s = String(seq.Children[i], Index(path, i));
                if (s != null)
                {
                    list.Add((s, seq.Children[i]));
                }
            }

            return list;
        }

        public IReadOnlyList<YamlNode>? Sequence(YamlNode node, string path)
        {
            if (!Visit(node))
            {
                return null;
            }

            if (node is not YamlSequenceNode seq)
            {
                Error(node, path, "invalid type: " + Describe(node) + ", expected a sequence");
                return null;
            }

            return seq.Children.ToList();
        }

        public static string Describe(YamlNode node)
        {
            switch (node)
            {
                case YamlMappingNode:
                    return "map";
                case YamlSequenceNode:
                    return "sequence";
                case YamlScalarNode s when s.Style == YamlDotNet.Core.ScalarStyle.Plain:
                    if (IsNullText(s.Value))
                    {
                        return "unit value";
                    }

                    if (s.Value == "true" || s.Value == "false")
                    {
                        return "boolean `" + s.Value + "`";
                    }

                    if (TryParseInteger(s.Value, out long l))
                    {
                        return "integer `" + l.ToString(CultureInfo.InvariantCulture) + "`";
                    }

                    if (TryParseFloat(s.Value, out _))
                    {
                        return "floating point `" + s.Value + "`";
                    }

                    return "string \"" + s.Value + "\"";
                case YamlScalarNode s:
                    return "string \"" + s.Value + "\"";
                default:
                    return "value";
            }
        }

        public static bool TryParseInteger(string? text, out long value)
        {
            value = 0;
            if (string.IsNullOrEmpty(text))
            {
                return false;
            }

            string t = text!;
            bool negative = false;
            if (t[0] == '+' || t[0] == '-')
            {
                negative = t[0] == '-';
                t = t.Substring(1);
            }

            if (t.Length == 0)
            {
                return false;
            }

            NumberStyles style = NumberStyles.None;
            if (t.StartsWith("0x", StringComparison.Ordinal))
            {
                t = t.Substring(2);
                style = NumberStyles.AllowHexSpecifier;
            }
            else if (t.StartsWith("0o", StringComparison.Ordinal))
            {
                try
                {
                    value = Convert.ToInt64(t.Substring(2), 8);
                    value = negative ? -value : value;
                    return t.Length > 2;
                }
                catch (FormatException)
                {
                    return false;
                }
                catch (OverflowException)
                {
                    return false;
                }
                catch (ArgumentException)
                {
                    return false;
                }
            }

            if (t.Length == 0 || !long.TryParse(t, style, CultureInfo.InvariantCulture, out long v))
            {
                return false;
            }

            value = negative ? -v : v;
            return true;
        }

        public static bool TryParseFloat(string? text, out double value)
        {
            value = 0;
            if (string.IsNullOrEmpty(text))
            {
                return false;
            }

            switch (text)
            {
                case ".inf":
                case ".Inf":
                case ".INF":
                case "+.inf":
                case "+.Inf":
                case "+.INF":
                    value = double.PositiveInfinity;
                    return true;
                case "-.inf":
                case "-.Inf":
                case "-.INF":
                    value = double.NegativeInfinity;
                    return true;
                case ".nan":
                case ".NaN":
                case ".NAN":
                    value = double.NaN;
                    return true;
            }

            // YAML 1.2 core float: [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
            int i = 0;
            string t = text!;
            if (t[i] == '+' || t[i] == '-')
            {
                i++;
            }

            int digits = 0;
            while (i < t.Length && t[i] >= '0' && t[i] <= '9')
            {
                i++;
                digits++;
            }

            if (i < t.Length && t[i] == '.')
            {
                i++;
                while (i < t.Length && t[i] >= '0' && t[i] <= '9')
                {
                    i++;
                    digits++;
                }
            }

            if (digits == 0)
            {
                return false;
            }

            if (i < t.Length && (t[i] == 'e' || t[i] == 'E'))
            {
                i++;
                if (i < t.Length && (t[i] == '+' || t[i] == '-'))
                {
                    i++;
                }

                int exp = 0;
                while (i < t.Length && t[i] >= '0' && t[i] <= '9')
                {
                    i++;
                    exp++;
                }

                if (exp == 0)
                {
                    return false;
                }
            }

            return i == t.Length && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
