using System.Collections.Generic;
using System.Text.Json;
using PolicySim.Serialization;

namespace PolicySim.Events
{
    /// <summary>
    /// The typed <c>data</c> payload of a PolicyEvent after parsing (Clawdstrike spec §2.2). Only the fields of
    /// <see cref="Type"/> are set; optional fields that were absent or <c>null</c> stay null.
    /// </summary>
    internal sealed class EventData
    {
        /// <summary>The data types with a typed schema.</summary>
        public const string FileKind = "file";
        public const string NetworkKind = "network";
        public const string CommandKind = "command";
        public const string PatchKind = "patch";
        public const string ToolKind = "tool";
        public const string SecretKind = "secret";
        public const string CustomKind = "custom";

        public EventData(string type) => Type = type;

        public string Type { get; }

        /// <summary>Gets whether <see cref="Type"/> is one of the seven typed schemas.</summary>
        public bool IsKnownType => IsKnown(Type);

        // file
        public string? Path { get; set; }
        public string? Operation { get; set; }
        public string? Content { get; set; }
        public string? ContentBase64 { get; set; }
        public string? ContentHash { get; set; }

        // network
        public string? Host { get; set; }
        public int Port { get; set; }
        public string? Protocol { get; set; }
        public string? Url { get; set; }

        // command
        public string? Command { get; set; }
        public IReadOnlyList<string> Args { get; set; } = System.Array.Empty<string>();

        // patch
        public string? FilePath { get; set; }
        public string? PatchContent { get; set; }
        public string? PatchHash { get; set; }

        // tool
        public string? ToolName { get; set; }
        public JsonElement Parameters { get; set; }

        // secret
        public string? SecretName { get; set; }
        public string? Scope { get; set; }

        // custom
        public string? CustomType { get; set; }

        /// <summary>Extra keys of a custom payload (deduplicated, last value wins, in first-seen order).</summary>
        public List<CustomField>? Extras { get; set; }

        /// <summary>The data object as given, for data types without a schema.</summary>
        public JsonElement Raw { get; set; }

        public static bool IsKnown(string type) => type switch
        {
            FileKind or NetworkKind or CommandKind or PatchKind or ToolKind or SecretKind or CustomKind => true,
            _ => false,
        };

        /// <summary>
        /// Writes the normalized data object. <paramref name="sorted"/> gives the <c>serde_json::Value</c> form
        /// (keys in code-point order: the <c>dataJson</c> of custom actions); otherwise the serialization order
        /// of the typed Rust enum: <c>type</c> first, then the fields in schema order, then custom extras sorted.
        /// Absent optional fields are omitted; <c>args</c> and <c>parameters</c> always appear (they default).
        /// </summary>
        public void Write(SerdeJsonWriter writer, bool sorted)
        {
            if (!IsKnownType)
            {
                writer.WriteElement(Raw, sortKeys: true);
                return;
            }

            var entries = new List<KeyValuePair<string, object>>(8) { new("type", Type) };
            void Add(string key, object? value)
            {
                if (value != null)
                {
                    entries.Add(new KeyValuePair<string, object>(key, value));
                }
            }

            switch (Type)
            {
                case FileKind:
                    Add("path", Path);
                    Add("operation", Operation);
                    Add("content", Content);
                    Add("contentBase64", ContentBase64);
                    Add("contentHash", ContentHash);
                    break;
                case NetworkKind:
                    Add("host", Host);
                    Add("port", Port);
                    Add("protocol", Protocol);
                    Add("url", Url);
                    break;
                case CommandKind:
                    Add("command", Command);
                    Add("args", Args);
                    break;
                case PatchKind:
                    Add("filePath", FilePath);
                    Add("patchContent", PatchContent);
                    Add("patchHash", PatchHash);
                    break;
                case ToolKind:
                    Add("toolName", ToolName);
                    Add("parameters", Parameters);
                    break;
                case SecretKind:
                    Add("secretName", SecretName);
                    Add("scope", Scope);
                    break;
                case CustomKind:
                    Add("customType", CustomType);
                    if (Extras != null)
                    {
                        var extras = new List<CustomField>(Extras);
                        extras.Sort((a, b) => CodePointComparer.Instance.Compare(a.Key, b.Key));
                        foreach (var extra in extras)
                        {
                            Add(extra.Key, extra.Value);
                        }
                    }

                    break;
            }

            if (sorted)
            {
                entries.Sort((a, b) => CodePointComparer.Instance.Compare(a.Key, b.Key));
            }

            writer.WriteStartObject();
            foreach (var entry in entries)
            {
                writer.WritePropertyName(entry.Key);
                switch (entry.Value)
                {
                    case string text:
                        writer.WriteString(text);
                        break;
                    case int number:
                        writer.WriteInteger(number);
                        break;
                    case IReadOnlyList<string> list:
                        writer.WriteStartArray();
                        foreach (string item in list)
                        {
                            writer.WriteString(item);
                        }

                        writer.WriteEndArray();
                        break;
                    case JsonElement element:
                        writer.WriteElement(element, sortKeys: true);
                        break;
                }
            }

            writer.WriteEndObject();
        }

        /// <summary>A short human description of the target (path, host:port, command line...).</summary>
        public string? Target() => Type switch
        {
            FileKind => Path,
            NetworkKind => Host + ":" + Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CommandKind => Args.Count == 0 ? Command : Command + " " + string.Join(" ", Args),
            PatchKind => FilePath,
            ToolKind => ToolName,
            SecretKind => SecretName,
            CustomKind => CustomType,
            _ => null,
        };
    }
}
