using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicySim.Evaluation;
using PolicySim.Events;

namespace PolicySim.Replay
{
    /// <summary>
    /// Finds the payload fields a decision needed that the record lacks or holds redacted (design §4): those make
    /// the decision Unknown instead of a silent allow or deny.
    /// </summary>
    /// <remarks>
    /// A field is needed when a guard that reads it ran for the action (it has a per-guard result):
    /// forbidden_path/path_allowlist read <c>data.path</c> (<c>data.filePath</c> for patches), egress_allowlist
    /// <c>data.host</c>, mcp_tool <c>data.toolName</c> and <c>data.parameters</c> (size check), secret_leak
    /// <c>data.content</c> (file writes; <c>data.contentBase64</c> when that is what the record holds) or
    /// <c>data.patchContent</c>, patch_integrity <c>data.patchContent</c>, prompt_injection and jailbreak_detection
    /// <c>data.text</c>. The decision stays known when it is a Critical block by a guard whose inputs are all
    /// present and that ran before every guard with a missing input: no later result can displace it (spec §4.3).
    /// Redacted means: <c>[redacted]</c> or <c>&lt;redacted&gt;</c> (any case), only asterisks (3 or more), or only a
    /// hash (<c>sha256:…</c>, <c>sha1:</c>, <c>sha512:</c>, <c>md5:</c> …). For full PolicyEvents a missing
    /// <c>content</c> is not "missing": the reference decides it as empty bytes with reason
    /// <c>missing_content_bytes</c>, and so does PolicySim; only logs without payloads (daemon audit) list missing fields.
    /// </remarks>
    internal static class DecisionInputs
    {
        private static readonly Regex HashOnly = new Regex(
            "^(sha1|sha224|sha256|sha384|sha512|sha3-256|sha3-512|md5|blake2b|blake3)[:=-][0-9A-Za-z+/=_-]+$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
            TimeSpan.FromSeconds(1));

        /// <summary>Whether a value is redacted rather than real data.</summary>
        public static bool IsRedacted(string? value)
        {
            if (value == null)
            {
                return false;
            }

            // Spans: no copy of large contents (string.Trim copied every value with surrounding white space).
            ReadOnlySpan<char> v = value.AsSpan().Trim();
            if (v.Length == 0)
            {
                return false;
            }

            if (v.Equals("[redacted]".AsSpan(), StringComparison.OrdinalIgnoreCase) || v.Equals("<redacted>".AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (v.Length >= 3 && v.Trim('*').Length == 0)
            {
                return true;
            }

            // The regex needs an algorithm name and a separator: values without one (tool names such as "search") skip it.
            return v.Length <= 200 && v.IndexOfAny(':', '=', '-') > 0 && MayBeHash(v) && HashOnly.IsMatch(v.Length == value.Length ? value : v.ToString());
        }

        /// <summary>
        /// Whether every character may occur in a hash-only value (the regex needs at least ASCII letters/digits and
        /// <c>+/=_-:</c>); skips the regex, with its timeout setup, for ordinary values.
        /// </summary>
        private static bool MayBeHash(ReadOnlySpan<char> v)
        {
            foreach (char c in v)
            {
                bool allowed = c >= 128 || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                    || c == '+' || c == '/' || c == '=' || c == '_' || c == '-' || c == ':';
                if (!allowed)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The field that makes mapping fail because it is redacted (a redacted <c>contentBase64</c>), or null.</summary>
        public static string? RedactedBeforeMapping(PolicyEvent ev) =>
            ev.EventType == "file_write" && IsRedacted(ev.Fields.ContentBase64) ? "data.contentBase64" : null;

        /// <summary>The needed fields the record lacks or redacts, in a stable order; empty when the decision is known.</summary>
        public static IReadOnlyList<string> UnknownFields(PolicyEvent ev, IReadOnlyList<string> missingFields, PolicyDecision decision)
        {
            // Most records carry every field and redact none: then no guard's input can be unknown, and the walk over
            // the guards below (a field list and a memo lookup per guard) is not needed.
            if (missingFields.Count == 0 && !MayHaveRedactedFieldCached(ev))
            {
                return Array.Empty<string>();
            }

            // The lists are made on the first unknown field (most decisions have none).
            List<string>? unknown = null;
            List<bool>? guardHasUnknown = null;
            IReadOnlyList<GuardResult> results = decision.Report.PerGuard;
            for (int g = 0; g < results.Count; g++)
            {
                GuardResult r = results[g]; // indexed: foreach over the interface boxed an enumerator per decision
                bool any = false;
                foreach (string field in FieldsRead(r.Guard, ev))
                {
                    if (Contains(missingFields, field) || IsRedactedFieldCached(ev, field))
                    {
                        any = true;
                        if (unknown == null)
                        {
                            unknown = new List<string>();
                            guardHasUnknown = new List<bool>();
                            for (int i = 0; i < g; i++)
                            {
                                guardHasUnknown.Add(false);
                            }
                        }

                        if (!unknown.Contains(field))
                        {
                            unknown.Add(field);
                        }
                    }
                }

                guardHasUnknown?.Add(any);
            }

            if (unknown == null || guardHasUnknown == null)
            {
                return Array.Empty<string>();
            }

            GuardResult overall = decision.Report.Overall;
            if (!overall.Allowed && overall.Severity == GuardSeverity.Critical)
            {
                var perGuard = decision.Report.PerGuard;
                for (int i = 0; i < perGuard.Count; i++)
                {
                    if (guardHasUnknown[i])
                    {
                        break;
                    }

                    if (ReferenceEquals(perGuard[i], overall))
                    {
                        return Array.Empty<string>();
                    }
                }
            }

            return unknown;
        }

        /// <summary><c>missing field a, b</c> / <c>redacted field a</c> (both parts when both apply).</summary>
        public static string Describe(IReadOnlyList<string> fields, IReadOnlyList<string> missingFields)
        {
            var missing = new List<string>();
            var redacted = new List<string>();
            foreach (string f in fields)
            {
                (Contains(missingFields, f) ? missing : redacted).Add(f);
            }

            string text = missing.Count > 0 ? (missing.Count == 1 ? "missing field " : "missing fields ") + string.Join(", ", missing) : string.Empty;
            if (redacted.Count > 0)
            {
                text += (text.Length > 0 ? "; " : string.Empty) + (redacted.Count == 1 ? "redacted field " : "redacted fields ") + string.Join(", ", redacted);
            }

            return text;
        }

        private static bool Contains(IReadOnlyList<string> list, string value)
        {
            foreach (string s in list)
            {
                if (string.Equals(s, value, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        [ThreadStatic]
        private static RecentObjectMemo<bool>? t_redacted;

        private static readonly string[] NoFields = Array.Empty<string>();
        private static readonly string[] PathField = { "data.path" };
        private static readonly string[] FilePathField = { "data.filePath" };
        private static readonly string[] HostField = { "data.host" };
        private static readonly string[] ToolFields = { "data.toolName", "data.parameters" };
        private static readonly string[] PatchContentField = { "data.patchContent" };
        private static readonly string[] ContentBase64Field = { "data.contentBase64" };
        private static readonly string[] ContentField = { "data.content" };
        private static readonly string[] TextField = { "data.text" };

        // Shared arrays, not an iterator: this runs for every guard of every decision.
        private static string[] FieldsRead(string guard, PolicyEvent ev)
        {
            bool patch = ev.EventType == "patch_apply";
            switch (guard)
            {
                case "forbidden_path":
                case "path_allowlist":
                    return patch ? FilePathField : PathField;
                case "egress_allowlist":
                    return HostField;
                case "mcp_tool":
                    return ToolFields;
                case "secret_leak":
                    return patch ? PatchContentField : ev.Fields.ContentBase64 != null ? ContentBase64Field : ContentField;
                case "patch_integrity":
                    return PatchContentField;
                case "prompt_injection":
                case "jailbreak_detection":
                    return TextField;
                default:
                    return NoFields;
            }
        }

        // The memo key of "some field of the event may be redacted" (not a field name).
        private const string AnyField = "data.*";

        // False only when none of the fields FieldsRead can name for this event is redacted. Fields a data type lacks
        // are null (EventData sets only its type's fields). Tool parameters are a JSON tree that is only walked when
        // an MCP guard read them, so tool calls answer "maybe" and take the per-guard path, as before. Asked once per
        // event: both decisions of a comparison ask on the same thread.
        private static bool MayHaveRedactedFieldCached(PolicyEvent ev)
        {
            RecentObjectMemo<bool> memo = t_redacted ??= new RecentObjectMemo<bool>(4);
            if (!memo.TryGet(ev, AnyField, out bool may))
            {
                EventData d = ev.Fields;
                may = d.Type switch
                {
                    EventData.FileKind => IsRedacted(d.Path) || IsRedacted(d.Content) || IsRedacted(d.ContentBase64),
                    EventData.PatchKind => IsRedacted(d.FilePath) || IsRedacted(d.PatchContent),
                    EventData.NetworkKind => IsRedacted(d.Host),
                    EventData.ToolKind => true,
                    EventData.CustomKind => IsRedactedField(ev, "data.text"),
                    _ => false,
                };
                memo.Add(ev, AnyField, may);
            }

            return may;
        }

        // Guards reading the same field (forbidden_path and path_allowlist, the two text guards), and both decisions of
        // a comparison, ask about the same event's fields on one thread: look at each value once.
        private static bool IsRedactedFieldCached(PolicyEvent ev, string field)
        {
            RecentObjectMemo<bool> memo = t_redacted ??= new RecentObjectMemo<bool>(4);
            if (!memo.TryGet(ev, field, out bool redacted))
            {
                redacted = IsRedactedField(ev, field);
                memo.Add(ev, field, redacted);
            }

            return redacted;
        }

        private static bool IsRedactedField(PolicyEvent ev, string field)
        {
            EventData d = ev.Fields;
            switch (field)
            {
                case "data.path":
                    return IsRedacted(d.Path);
                case "data.filePath":
                    return IsRedacted(d.FilePath);
                case "data.host":
                    return IsRedacted(d.Host);
                case "data.toolName":
                    return IsRedacted(d.ToolName);
                case "data.parameters":
                    return HasRedactedString(d.Parameters);
                case "data.content":
                    return IsRedacted(d.Content);
                case "data.contentBase64":
                    return IsRedacted(d.ContentBase64);
                case "data.patchContent":
                    return IsRedacted(d.PatchContent);
                case "data.text":
                    if (string.Equals(d.Type, EventData.CustomKind, StringComparison.Ordinal))
                    {
                        // The text guards decoded it already (extras keys are unique, so this is the same value).
                        string? text = Evaluation.Guards.TextPayload.TextOf(ev);
                        return text != null && IsRedacted(text);
                    }

                    // Only custom payloads have extra keys such as text.
                    return false;
                default:
                    return false;
            }
        }

        private static bool HasRedactedString(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    return IsRedacted(value.GetString());
                case JsonValueKind.Object:
                    foreach (var p in value.EnumerateObject())
                    {
                        if (HasRedactedString(p.Value))
                        {
                            return true;
                        }
                    }

                    return false;
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                    {
                        if (HasRedactedString(item))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }
    }
}
