namespace PolicySim.Evaluation
{
    /// <summary>The kind of action a guard sees after an event is mapped (Clawdstrike spec §0, §2.3).</summary>
    public enum ActionKind
    {
        /// <summary>Reading a file.</summary>
        FileAccess,

        /// <summary>Writing a file with content bytes.</summary>
        FileWrite,

        /// <summary>An outbound network connection.</summary>
        NetworkEgress,

        /// <summary>A shell command line.</summary>
        ShellCommand,

        /// <summary>An MCP tool invocation.</summary>
        McpTool,

        /// <summary>Applying a unified diff to a file.</summary>
        Patch,

        /// <summary>Any other action, identified by its custom kind.</summary>
        Custom,
    }
}
