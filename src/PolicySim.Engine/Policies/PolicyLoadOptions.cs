using System;
using System.Collections.Generic;

namespace PolicySim.Policies
{
    /// <summary>Options for loading policies.</summary>
    public sealed class PolicyLoadOptions
    {
        /// <summary>Gets the default options.</summary>
        public static PolicyLoadOptions Default { get; } = new PolicyLoadOptions();

        /// <summary>
        /// Gets or sets the directory that relative <c>extends</c> of inline YAML and built-in rulesets resolve against
        /// (null: the process working directory, as the reference does).
        /// </summary>
        public string? BaseDirectory { get; set; }

        /// <summary>Gets or sets the environment lookup for <c>${NAME}</c> placeholders (null: the process environment).</summary>
        public Func<string, string?>? Environment { get; set; }

        /// <summary>Gets or sets the longest <c>extends</c> chain accepted (the reference has none; 32 stops runaway chains).</summary>
        public int MaxExtendsDepth { get; set; } = 32;

        /// <summary>Gets or sets directories that <c>extends</c> files must lie under; empty or null allows any.</summary>
        public IReadOnlyList<string>? AllowedRoots { get; set; }
    }
}
