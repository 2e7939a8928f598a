using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using PolicySim.Serialization;

namespace PolicySim.Events
{
    /// <summary>
    /// Turns one-line what-if shortcuts into PolicyEvents, for interactive hosts (<c>Test-PolicyEvent</c>,
    /// the simulator):
    /// <list type="table">
    /// <item><term><c>file:read &lt;path&gt;</c></term><description><c>file_read</c></description></item>
    /// <item><term><c>file:write &lt;path&gt; [content]</c></term><description><c>file_write</c> (no content: the reason <c>missing_content_bytes</c>)</description></item>
    /// <item><term><c>egress &lt;host&gt; [port]</c> or <c>egress &lt;host&gt;:&lt;port&gt;</c></term><description><c>network_egress</c>, port 443 by default</description></item>
    /// <item><term><c>tool &lt;name&gt; [json object]</c></term><description><c>tool_call</c> marked as MCP (<c>metadata.toolKind = "mcp"</c>) so the mcp_tool guard decides it</description></item>
    /// <item><term><c>patch &lt;file&gt; &lt;content&gt;</c></term><description><c>patch_apply</c></description></item>
    /// <item><term><c>untrusted &lt;text&gt;</c></term><description><c>custom</c> <c>untrusted_text</c> (prompt_injection)</description></item>
    /// <item><term><c>input &lt;text&gt;</c></term><description><c>custom</c> <c>user_input</c> (jailbreak_detection)</description></item>
    /// <item><term><c>command &lt;cmdline&gt;</c></term><description><c>command_exec</c>, words split like a shell</description></item>
    /// </list>
    /// Words may be wrapped in <c>"…"</c> or <c>'…'</c> to hold spaces; a trailing text argument that is wholly
    /// quoted loses its quotes. The JSON built from the shortcut goes through the normal PolicyEvent parser, so a
    /// shortcut event is exactly the event its JSON would be.
    /// </summary>
    public static class EventShortcut
    {
        /// <summary>The default event id of a shortcut event.</summary>
        public const string DefaultEventId = "shortcut-1";

        private static readonly string[] KeywordList =
        {
            "file:read", "file:write", "egress", "tool", "patch", "untrusted", "input", "command",
        };

        /// <summary>Gets the shortcut keywords, in documentation order.</summary>
        public static IReadOnlyList<string> Keywords => KeywordList;

        /// <summary>The timestamp of shortcut events when none is given: the Unix epoch, so output is deterministic.</summary>
        public static DateTimeOffset DefaultTimestamp => DateTimeOffset.FromUnixTimeSeconds(0);

        /// <summary>Whether <paramref name="text"/> starts with a shortcut keyword (ignoring case and leading spaces).</summary>
        /// <param name="text">The text.</param>
        /// <returns>True when the first word is a keyword.</returns>
        public static bool IsShortcut(string? text)
        {
            if (text is null)
            {
                return false;
            }

            int pos = 0;
            string? keyword = ReadBareWord(text, ref pos);
            return keyword != null && Canonical(keyword) != null;
        }

        /// <summary>Parses a shortcut with the event id <see cref="DefaultEventId"/>.</summary>
        /// <param name="text">The shortcut, e.g. <c>file:read /etc/passwd</c>.</param>
        /// <param name="timestamp">The event time (default <see cref="DefaultTimestamp"/>).</param>
        /// <returns>The event.</returns>
        /// <exception cref="EventShortcutException">The text is not a valid shortcut.</exception>
        public static PolicyEvent Parse(string text, DateTimeOffset? timestamp = null) => Parse(text, DefaultEventId, timestamp);

        /// <summary>Parses a shortcut.</summary>
        /// <param name="text">The shortcut, e.g. <c>egress api.github.com 443</c>.</param>
        /// <param name="eventId">The event id to give it, e.g. <c>shortcut-3</c>.</param>
        /// <param name="timestamp">The event time (default <see cref="DefaultTimestamp"/>).</param>
        /// <returns>The event.</returns>
        /// <exception cref="EventShortcutException">The text is not a valid shortcut.</exception>
        public static PolicyEvent Parse(string text, string eventId, DateTimeOffset? timestamp = null)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            if (string.IsNullOrWhiteSpace(eventId))
            {
                throw new ArgumentException("event id must be a non-empty string", nameof(eventId));
            }

            string json = ToJson(text, eventId, timestamp ?? DefaultTimestamp);
            try
            {
                return PolicyEventParser.Parse(json);
            }
            catch (PolicyEventFormatException ex)
            {
                throw new EventShortcutException("Invalid shortcut '" + text + "': " + ex.Message, ex);
            }
        }

        /// <summary>Builds the PolicyEvent JSON of a shortcut (compact, keys in a fixed order).</summary>
        /// <param name="text">The shortcut.</param>
        /// <param name="eventId">The event id.</param>
        /// <param name="timestamp">The event time.</param>
        /// <returns>The JSON text.</returns>
        /// <exception cref="EventShortcutException">The text is not a valid shortcut.</exception>
        public static string ToJson(string text, string eventId, DateTimeOffset timestamp)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            int pos = 0;
            string? word = ReadBareWord(text, ref pos);
            string? keyword = word is null ? null : Canonical(word);
            if (keyword is null)
            {
                throw Fail(text, word is null ? "the shortcut is empty" : "unknown keyword '" + word + "'");
            }

            var w = new SerdeJsonWriter();
            w.WriteStartObject();
            w.WriteString("eventId", eventId);
            w.WriteString("eventType", EventTypeOf(keyword));
            w.WriteString("timestamp", Rfc3339(timestamp));
            w.WritePropertyName("data");
            w.WriteStartObject();
            bool mcp = false;
            switch (keyword)
            {
                case "file:read":
                case "file:write":
                {
                    string path = RequireWord(text, ref pos, "a path");
                    w.WriteString("type", EventData.FileKind);
                    w.WriteString("path", path);
                    w.WriteString("operation", keyword == "file:read" ? "read" : "write");
                    string? content = RestText(text, pos);
                    if (keyword == "file:write" && content != null)
                    {
                        w.WriteString("content", content);
                    }
                    else if (keyword == "file:read" && content != null)
                    {
                        throw Fail(text, "file:read takes one path (quote a path that holds spaces)");
                    }

                    break;
                }

                case "egress":
                {
                    string host = RequireWord(text, ref pos, "a host");
                    string? portText = ReadWord(text, ref pos);
                    int colon = host.IndexOf(':');
                    if (portText is null && colon > 0 && colon == host.LastIndexOf(':'))
                    {
                        portText = host.Substring(colon + 1);
                        host = host.Substring(0, colon);
                    }

                    if (RestText(text, pos) != null)
                    {
                        throw Fail(text, "egress takes a host and an optional port");
                    }

                    int port = 443;
                    if (portText != null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535))
                    {
                        throw Fail(text, "port '" + portText + "' is not a number from 0 to 65535");
                    }

                    w.WriteString("type", EventData.NetworkKind);
                    w.WriteString("host", host);
                    w.WriteInteger("port", port);
                    break;
                }

                case "tool":
                {
                    string name = RequireWord(text, ref pos, "a tool name");
                    string? parameters = RestText(text, pos, unquote: false);
                    w.WriteString("type", EventData.ToolKind);
                    w.WriteString("toolName", name);
                    w.WritePropertyName("parameters");
                    if (parameters is null)
                    {
                        w.WriteStartObject();
                        w.WriteEndObject();
                    }
                    else
                    {
                        WriteParameters(w, text, parameters);
                    }

                    mcp = true;
                    break;
                }

                case "patch":
                {
                    string file = RequireWord(text, ref pos, "a file path");
                    string content = RestText(text, pos) ?? throw Fail(text, "patch needs the patch content after the file");
                    w.WriteString("type", EventData.PatchKind);
                    w.WriteString("filePath", file);
                    w.WriteString("patchContent", content);
                    break;
                }

                case "untrusted":
                case "input":
                {
                    string body = RestText(text, pos) ?? throw Fail(text, keyword + " needs the text to check");
                    w.WriteString("type", EventData.CustomKind);
                    w.WriteString("customType", keyword == "untrusted" ? "untrusted_text" : "user_input");
                    w.WriteString("text", body);
                    break;
                }

                default: // command
                {
                    string command = RequireWord(text, ref pos, "a command");
                    w.WriteString("type", EventData.CommandKind);
                    w.WriteString("command", command);
                    w.WritePropertyName("args");
                    w.WriteStartArray();
                    for (string? arg = ReadWord(text, ref pos); arg != null; arg = ReadWord(text, ref pos))
                    {
                        w.WriteString(arg);
                    }

                    w.WriteEndArray();
                    break;
                }
            }

            w.WriteEndObject();
            if (mcp)
            {
                w.WritePropertyName("metadata");
                w.WriteStartObject();
                w.WriteString("toolKind", "mcp");
                w.WriteEndObject();
            }

            w.WriteEndObject();
            return w.ToString();
        }

        /// <summary>Formats a time as RFC 3339 in UTC (<c>2026-01-02T03:04:05Z</c>, fraction only when non-zero).</summary>
        internal static string Rfc3339(DateTimeOffset time) =>
            time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

        private static string EventTypeOf(string keyword) => keyword switch
        {
            "file:read" => "file_read",
            "file:write" => "file_write",
            "egress" => "network_egress",
            "tool" => "tool_call",
            "patch" => "patch_apply",
            "untrusted" or "input" => "custom",
            _ => "command_exec",
        };

        private static string? Canonical(string word)
        {
            foreach (string keyword in KeywordList)
            {
                if (string.Equals(keyword, word, StringComparison.OrdinalIgnoreCase))
                {
                    return keyword;
                }
            }

            return null;
        }

        private static void WriteParameters(SerdeJsonWriter w, string text, string parameters)
        {
            string? problem = SerdeJsonValidator.Validate(System.Text.Encoding.UTF8.GetBytes(parameters));
            if (problem != null)
            {
                throw Fail(text, "tool parameters are not valid JSON: " + problem);
            }

            using JsonDocument doc = JsonDocument.Parse(parameters, new JsonDocumentOptions { MaxDepth = SerdeJsonValidator.MaxDepth });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Fail(text, "tool parameters must be a JSON object");
            }

            w.WriteElement(doc.RootElement, sortKeys: false);
        }

        private static string RequireWord(string text, ref int pos, string what) =>
            ReadWord(text, ref pos) ?? throw Fail(text, "expected " + what);

        /// <summary>Reads the next word without quote handling (the keyword).</summary>
        private static string? ReadBareWord(string text, ref int pos)
        {
            SkipSpace(text, ref pos);
            int start = pos;
            while (pos < text.Length && !char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }

            return pos > start ? text.Substring(start, pos - start) : null;
        }

        /// <summary>Reads the next word; <c>"…"</c> or <c>'…'</c> groups spaces (no escapes inside).</summary>
        private static string? ReadWord(string text, ref int pos)
        {
            SkipSpace(text, ref pos);
            if (pos >= text.Length)
            {
                return null;
            }

            char first = text[pos];
            if (first == '"' || first == '\'')
            {
                int close = text.IndexOf(first, pos + 1);
                if (close < 0)
                {
                    throw Fail(text, "unterminated quote " + first);
                }

                string quoted = text.Substring(pos + 1, close - pos - 1);
                pos = close + 1;
                return quoted;
            }

            return ReadBareWord(text, ref pos);
        }

        /// <summary>The rest of the text after the current word (leading spaces skipped), or null when empty.</summary>
        private static string? RestText(string text, int pos, bool unquote = true)
        {
            SkipSpace(text, ref pos);
            if (pos >= text.Length)
            {
                return null;
            }

            string rest = text.Substring(pos).TrimEnd();
            if (unquote && rest.Length >= 2 && (rest[0] == '"' || rest[0] == '\'') && rest[rest.Length - 1] == rest[0]
                && rest.IndexOf(rest[0], 1) == rest.Length - 1)
            {
                return rest.Substring(1, rest.Length - 2);
            }

            return rest;
        }

        private static void SkipSpace(string text, ref int pos)
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }
        }

        private static EventShortcutException Fail(string text, string reason) =>
            new EventShortcutException("Invalid shortcut '" + text + "': " + reason + ". Shortcuts: " + string.Join(", ", KeywordList) + ".");
    }
}
