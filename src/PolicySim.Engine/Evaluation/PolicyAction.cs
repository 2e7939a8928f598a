using System;
using System.Text.Json;

namespace PolicySim.Evaluation
{
    /// <summary>
    /// What a guard evaluates: the single action an event maps to (Clawdstrike spec §2.3).
    /// Exactly one of the derived types.
    /// </summary>
    public abstract class PolicyAction
    {
        private protected PolicyAction()
        {
        }

        /// <summary>Gets the kind of this action.</summary>
        public abstract ActionKind Kind { get; }
    }

    /// <summary>Reading the file at <see cref="Path"/>.</summary>
    public sealed class FileAccessAction : PolicyAction
    {
        /// <summary>Creates a file read action.</summary>
        /// <param name="path">The path exactly as the event gave it.</param>
        public FileAccessAction(string path) => Path = path ?? throw new ArgumentNullException(nameof(path));

        /// <inheritdoc />
        public override ActionKind Kind => ActionKind.FileAccess;

        /// <summary>Gets the path exactly as the event gave it (not normalized).</summary>
        public string Path { get; }
    }

    /// <summary>Writing <see cref="Content"/> to the file at <see cref="Path"/>.</summary>
    public sealed class FileWriteAction : PolicyAction
    {
        private readonly ReadOnlyMemory<byte> _content;
        private readonly string? _source;
        private byte[]? _encoded;

        /// <summary>Creates a file write action.</summary>
        /// <param name="path">The path exactly as the event gave it.</param>
        /// <param name="content">The bytes written (may be empty).</param>
        public FileWriteAction(string path, ReadOnlyMemory<byte> content)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
            _content = content;
        }

        /// <inheritdoc />
        public override ActionKind Kind => ActionKind.FileWrite;

        /// <summary>Gets the path exactly as the event gave it.</summary>
        public string Path { get; }

        /// <summary>Creates a file write action whose bytes are the UTF-8 encoding of <paramref name="text"/>, encoded only if read.</summary>
        internal FileWriteAction(string path, string text)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
            _source = text ?? throw new ArgumentNullException(nameof(text));

            // Without surrogates the strict UTF-8 decoding of the bytes gives back exactly this text, so scanners
            // can use it instead of decoding again; with any surrogate they decode (a lone one became U+FFFD).
#if NET8_0_OR_GREATER
            if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
            {
                Text = text;
            }
#else
            foreach (char c in text)
            {
                if (char.IsSurrogate(c))
                {
                    return;
                }
            }

            Text = text;
#endif
        }

        /// <summary>Gets the bytes written.</summary>
        public ReadOnlyMemory<byte> Content
        {
            get
            {
                if (_source == null)
                {
                    return _content;
                }

                // Encoded on first use (most guards only need the text); a reference write is atomic, so a race
                // at worst encodes twice.
                byte[]? encoded = _encoded;
                if (encoded == null)
                {
                    encoded = System.Text.Encoding.UTF8.GetBytes(_source);
                    _encoded = encoded;
                }

                return encoded;
            }
        }

        /// <summary>Gets whether no bytes are written.</summary>
        internal bool IsEmpty => _source != null ? _source.Length == 0 : _content.Length == 0;

        /// <summary>Gets the text the bytes decode to, when known without decoding.</summary>
        internal string? Text { get; }
    }

    /// <summary>An outbound connection to <see cref="Host"/>:<see cref="Port"/>.</summary>
    public sealed class NetworkEgressAction : PolicyAction
    {
        /// <summary>Creates a network egress action.</summary>
        /// <param name="host">The host exactly as given.</param>
        /// <param name="port">The port (0..65535).</param>
        public NetworkEgressAction(string host, int port)
        {
            Host = host ?? throw new ArgumentNullException(nameof(host));
            Port = port;
        }

        /// <inheritdoc />
        public override ActionKind Kind => ActionKind.NetworkEgress;

        /// <summary>Gets the host exactly as given (no case folding or trimming).</summary>
        public string Host { get; }

        /// <summary>Gets the port; it never influences a decision.</summary>
        public int Port { get; }
    }

    /// <summary>A shell command line.</summary>
    public sealed class ShellCommandAction : PolicyAction
    {
        /// <summary>Creates a shell command action.</summary>
        /// <param name="commandLine">The POSIX-quoted command line.</param>
        public ShellCommandAction(string commandLine) => CommandLine = commandLine ?? throw new ArgumentNullException(nameof(commandLine));

        /// <inheritdoc />
        public override ActionKind Kind => ActionKind.ShellCommand;

        /// <summary>Gets the command line.</summary>
        public string CommandLine { get; }
    }

    /// <summary>An MCP tool call.</summary>
    public sealed class McpToolAction : PolicyAction
    {
        /// <summary>Creates an MCP tool action.</summary>
        /// <param name="toolName">The tool name (compared case-sensitively).</param>
        /// <param name="parameters">The tool parameters as JSON (any value; an empty object when absent).</param>
        public McpToolAction(string toolName, JsonElement parameters)
        {
            ToolName = toolName ?? throw new ArgumentNullException(nameof(toolName));
            Parameters = parameters;
        }

        /// <inheritdoc />
        public override ActionKind Kind => ActionKind.McpTool;

        /// <summary>Gets the tool name.</summary>
        public string ToolName { get; }

        /// <summary>Gets the parameters.</summary>
        public JsonElement Parameters { get; }

        /// <summary>Gets the UTF-8 size of the parameters as compact JSON, computed once (both policies of a comparison ask).</summary>
        internal long ParametersSize
        {
            get
            {
                long size = System.Threading.Interlocked.Read(ref _parametersSize);
                if (size < 0)
                {
                    size = Serialization.SerdeJsonWriter.CompactUtf8Size(Parameters);
                    System.Threading.Interlocked.Exchange(ref _parametersSize, size);
                }

                return size;
            }
        }

        private long _parametersSize = -1;
    }

    /// <summary>Applying the unified diff <see cref="Diff"/> to <see cref="Path"/>.</summary>
    public sealed class PatchAction : PolicyAction
    {
        /// <summary>Creates a patch action.</summary>
        /// <param name="path">The file path as given.</param>
        /// <param name="diff">The whole diff text.</param>
        public PatchAction(string path, string diff)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
            Diff = diff ?? throw new ArgumentNullException(nameof(diff));
        }

        /// <inheritdoc />
        public override ActionKind Kind => ActionKind.Patch;

        /// <summary>Gets the file path as given.</summary>
        public string Path { get; }

        /// <summary>Gets the diff text.</summary>
        public string Diff { get; }
    }

    /// <summary>Any other action, identified by <see cref="CustomKind"/> with a JSON payload.</summary>
    public sealed class CustomAction : PolicyAction
    {
        /// <summary>Creates a custom action.</summary>
        /// <param name="customKind">The custom kind (matched case-sensitively), e.g. <c>untrusted_text</c>.</param>
        /// <param name="payload">The normalized data object.</param>
        public CustomAction(string customKind, JsonElement payload)
        {
            CustomKind = customKind ?? throw new ArgumentNullException(nameof(customKind));
            _payload = payload;
        }

        /// <summary>
        /// Creates a custom action whose payload is the normalized data object of <paramref name="source"/>, built on
        /// first read (most guards never read it).
        /// </summary>
        internal CustomAction(string customKind, Events.PolicyEvent source)
        {
            CustomKind = customKind ?? throw new ArgumentNullException(nameof(customKind));
            Source = source;
        }

        /// <inheritdoc />
        public override ActionKind Kind => ActionKind.Custom;

        /// <summary>Gets the custom kind.</summary>
        public string CustomKind { get; }

        /// <summary>Gets the payload.</summary>
        public JsonElement Payload => Source != null ? Source.Data : _payload;

        /// <summary>Gets the event the payload comes from, when it is built lazily.</summary>
        internal Events.PolicyEvent? Source { get; }

        private readonly JsonElement _payload;
    }
}
