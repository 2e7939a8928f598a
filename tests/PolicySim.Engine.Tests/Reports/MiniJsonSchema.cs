using System.IO;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PolicySim.Tests.Reports
{
    /// <summary>
    /// A small JSON Schema validator for the checked-in schemas (no JSON Schema package restores here: JsonSchema.Net
    /// and NJsonSchema miss dependencies on this feed). Supports what those schemas use: type (one or a list), const,
    /// enum, required, properties, additionalProperties (false or a schema), items, minItems, maxItems, minLength,
    /// minimum, maximum, pattern and local $ref (#/$defs/… or #/definitions/…). Unknown keywords are ignored.
    /// </summary>
    internal sealed class MiniJsonSchema
    {
        private readonly JsonElement _root;

        public MiniJsonSchema(string schemaJson)
        {
            _root = JsonDocument.Parse(schemaJson).RootElement.Clone();
        }

        public static MiniJsonSchema Load(string name) => new MiniJsonSchema(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema", name)));

        /// <summary>Validates a document; returns every violation as <c>path: problem</c>.</summary>
        public List<string> Validate(string json)
        {
            var errors = new List<string>();
            Check(_root, JsonDocument.Parse(json).RootElement, "$", errors);
            return errors;
        }

        private JsonElement Resolve(string reference)
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal))
            {
                throw new NotSupportedException("only local $ref: " + reference);
            }

            JsonElement node = _root;
            foreach (string part in reference.Substring(2).Split('/'))
            {
                node = node.GetProperty(part.Replace("~1", "/").Replace("~0", "~"));
            }

            return node;
        }

        private void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
        {
            if (schema.ValueKind == JsonValueKind.True)
            {
                return;
            }

            if (schema.ValueKind == JsonValueKind.False)
            {
                errors.Add(path + ": not allowed");
                return;
            }

            if (schema.TryGetProperty("$ref", out JsonElement r))
            {
                Check(Resolve(r.GetString()!), value, path, errors);
            }

            if (schema.TryGetProperty("type", out JsonElement type))
            {
                var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : new List<string> { type.GetString()! };
                if (!types.Any(t => IsType(value, t)))
                {
                    errors.Add(path + ": expected " + string.Join("|", types) + ", got " + value.ValueKind);
                    return;
                }
            }

            if (schema.TryGetProperty("const", out JsonElement c) && !JsonEquals(c, value))
            {
                errors.Add(path + ": expected " + c.GetRawText());
            }

            if (schema.TryGetProperty("enum", out JsonElement e) && !e.EnumerateArray().Any(x => JsonEquals(x, value)))
            {
                errors.Add(path + ": " + value.GetRawText() + " not in " + e.GetRawText());
            }

            if (value.ValueKind == JsonValueKind.Object)
            {
                if (schema.TryGetProperty("required", out JsonElement req))
                {
                    foreach (JsonElement name in req.EnumerateArray())
                    {
                        if (!value.TryGetProperty(name.GetString()!, out _))
                        {
                            errors.Add(path + ": missing required " + name.GetString());
                        }
                    }
                }

                schema.TryGetProperty("properties", out JsonElement props);
                bool hasAdditional = schema.TryGetProperty("additionalProperties", out JsonElement additional);
                foreach (JsonProperty p in value.EnumerateObject())
                {
                    if (props.ValueKind == JsonValueKind.Object && props.TryGetProperty(p.Name, out JsonElement ps))
                    {
                        Check(ps, p.Value, path + "." + p.Name, errors);
                    }
                    else if (hasAdditional)
                    {
                        Check(additional, p.Value, path + "." + p.Name, errors);
                    }
                }
            }

            if (value.ValueKind == JsonValueKind.Array)
            {
                int n = value.GetArrayLength();
                if (schema.TryGetProperty("minItems", out JsonElement min) && n < min.GetInt32())
                {
                    errors.Add(path + ": fewer than " + min.GetInt32() + " items");
                }

                if (schema.TryGetProperty("maxItems", out JsonElement max) && n > max.GetInt32())
                {
                    errors.Add(path + ": more than " + max.GetInt32() + " items");
                }

                if (schema.TryGetProperty("items", out JsonElement items))
                {
                    int i = 0;
                    foreach (JsonElement item in value.EnumerateArray())
                    {
                        Check(items, item, path + "[" + i++ + "]", errors);
                    }
                }
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                string s = value.GetString()!;
                if (schema.TryGetProperty("minLength", out JsonElement ml) && s.Length < ml.GetInt32())
                {
                    errors.Add(path + ": shorter than " + ml.GetInt32());
                }

                if (schema.TryGetProperty("pattern", out JsonElement pattern) && !Regex.IsMatch(s, pattern.GetString()!))
                {
                    errors.Add(path + ": '" + s + "' does not match " + pattern.GetString());
                }
            }

            if (value.ValueKind == JsonValueKind.Number)
            {
                double d = value.GetDouble();
                if (schema.TryGetProperty("minimum", out JsonElement mn) && d < mn.GetDouble())
                {
                    errors.Add(path + ": below " + mn.GetDouble().ToString(CultureInfo.InvariantCulture));
                }

                if (schema.TryGetProperty("maximum", out JsonElement mx) && d > mx.GetDouble())
                {
                    errors.Add(path + ": above " + mx.GetDouble().ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        private static bool IsType(JsonElement v, string type) => type switch
        {
            "object" => v.ValueKind == JsonValueKind.Object,
            "array" => v.ValueKind == JsonValueKind.Array,
            "string" => v.ValueKind == JsonValueKind.String,
            "boolean" => v.ValueKind == JsonValueKind.True || v.ValueKind == JsonValueKind.False,
            "null" => v.ValueKind == JsonValueKind.Null,
            "number" => v.ValueKind == JsonValueKind.Number,
            "integer" => v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out _),
            _ => throw new NotSupportedException("type " + type),
        };

        private static bool JsonEquals(JsonElement a, JsonElement b) =>
            a.ValueKind == b.ValueKind && (a.ValueKind == JsonValueKind.String ? a.GetString() == b.GetString() : a.GetRawText() == b.GetRawText());
    }
}
