using System;
using System.Collections.Generic;
using System.Linq;
using PolicySim.Evaluation;
using PolicySim.Evaluation.Text;

namespace PolicySim.Policies.Clawdstrike
{
    /// <summary>How a document is merged onto the policy it extends (spec §1.6).</summary>
    internal enum MergeStrategy
    {
        Replace,
        Merge,
        DeepMerge,
    }

    /// <summary>A string from the policy with where it was written; merges compare <see cref="Value"/> only.</summary>
    internal sealed class Sourced : IEquatable<Sourced>
    {
        public Sourced(string value, SourceLocation? location)
        {
            Value = value;
            Location = location;
        }

        public string Value { get; }

        public SourceLocation? Location { get; }

        public bool Equals(Sourced? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as Sourced);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

        public override string ToString() => Value;

        public static List<Sourced> Plain(IEnumerable<string> values) => values.Select(v => new Sourced(v, null)).ToList();
    }

    /// <summary>
    /// A Clawdstrike policy document as written (before or after merging), keeping the difference between an absent
    /// section or field and an explicit one, because defaults differ (spec §1.3).
    /// </summary>
    internal sealed class ClawdstrikeDocument
    {
        public const string DefaultVersion = "1.2.0";

        public string Source { get; set; } = "<inline>";

        public string Version { get; set; } = DefaultVersion;

        public SourceLocation? VersionLocation { get; set; }

        public string Name { get; set; } = string.Empty;

        public string Description { get; set; } = string.Empty;

        public string? Extends { get; set; }

        public SourceLocation? ExtendsLocation { get; set; }

        public MergeStrategy MergeStrategy { get; set; } = MergeStrategy.DeepMerge;

        public GuardsSection Guards { get; set; } = new GuardsSection();

        public List<CustomGuardSpec> CustomGuards { get; set; } = new List<CustomGuardSpec>();

        public SettingsSection Settings { get; set; } = new SettingsSection();

        public PostureConfig? Posture { get; set; }

        public SourceLocation? PostureLocation { get; set; }
    }

    internal sealed class GuardsSection
    {
        public ForbiddenPathConfig? ForbiddenPath { get; set; }

        public PathAllowlistConfig? PathAllowlist { get; set; }

        public EgressAllowlistConfig? EgressAllowlist { get; set; }

        public SecretLeakConfig? SecretLeak { get; set; }

        public PatchIntegrityConfig? PatchIntegrity { get; set; }

        public McpToolConfig? McpTool { get; set; }

        public PromptInjectionConfig? PromptInjection { get; set; }

        public JailbreakConfig? Jailbreak { get; set; }

        public List<CustomPackageSpec> Custom { get; set; } = new List<CustomPackageSpec>();

        /// <summary>True when nothing is configured (the serde default); shallow merge keeps the base then.</summary>
        public bool IsEmpty =>
            ForbiddenPath is null && PathAllowlist is null && EgressAllowlist is null && SecretLeak is null &&
            PatchIntegrity is null && McpTool is null && PromptInjection is null && Jailbreak is null && Custom.Count == 0;
    }

    internal sealed class ForbiddenPathConfig
    {
        public bool Enabled { get; set; } = true;

        /// <summary>Null when omitted: the 19 built-in patterns apply.</summary>
        public List<Sourced>? Patterns { get; set; }

        public List<Sourced> Exceptions { get; set; } = new List<Sourced>();

        public List<Sourced> AdditionalPatterns { get; set; } = new List<Sourced>();

        public List<Sourced> RemovePatterns { get; set; } = new List<Sourced>();

        public SourceLocation? Location { get; set; }

        /// <summary>(patterns or built-ins) + additional (dedup) − remove (exact strings), spec §1.7.</summary>
        public List<Sourced> EffectivePatterns()
        {
            var list = new List<Sourced>(Patterns ?? Sourced.Plain(ClawdstrikeDefaults.ForbiddenPathPatterns));
            foreach (var add in AdditionalPatterns)
            {
                if (!list.Contains(add))
                {
                    list.Add(add);
                }
            }

            list.RemoveAll(p => RemovePatterns.Contains(p));
            return list;
        }
    }

    internal sealed class PathAllowlistConfig
    {
        public bool Enabled { get; set; } = true;

        public List<Sourced> FileAccessAllow { get; set; } = new List<Sourced>();

        public List<Sourced> FileWriteAllow { get; set; } = new List<Sourced>();

        public List<Sourced> PatchAllow { get; set; } = new List<Sourced>();

        public SourceLocation? Location { get; set; }
    }

    /// <summary>Egress default action; <c>deny</c> is read as block.</summary>
    internal enum EgressDefaultAction
    {
        Allow,
        Block,
        Log,
    }

    /// <summary>The allow/block lists with deep-merge additions and removals (egress_allowlist, mcp_tool).</summary>
    internal interface IAllowBlockEdits
    {
        List<Sourced> AdditionalAllow { get; set; }

        List<Sourced> RemoveAllow { get; set; }

        List<Sourced> AdditionalBlock { get; set; }

        List<Sourced> RemoveBlock { get; set; }
    }

    internal sealed class EgressAllowlistConfig : IAllowBlockEdits
    {
        public bool Enabled { get; set; } = true;

        public List<Sourced> Allow { get; set; } = new List<Sourced>();

        public List<Sourced> Block { get; set; } = new List<Sourced>();

        public EgressDefaultAction? DefaultAction { get; set; }

        public List<Sourced> AdditionalAllow { get; set; } = new List<Sourced>();

        public List<Sourced> RemoveAllow { get; set; } = new List<Sourced>();

        public List<Sourced> AdditionalBlock { get; set; } = new List<Sourced>();

        public List<Sourced> RemoveBlock { get; set; } = new List<Sourced>();

        public SourceLocation? Location { get; set; }

        public static EgressAllowlistConfig BuiltIn() => new EgressAllowlistConfig
        {
            Allow = Sourced.Plain(ClawdstrikeDefaults.EgressAllow),
            DefaultAction = EgressDefaultAction.Block,
        };
    }

    internal sealed class SecretPatternSpec
    {
        public Sourced Name { get; set; } = new Sourced(string.Empty, null);

        public Sourced Pattern { get; set; } = new Sourced(string.Empty, null);

        public GuardSeverity Severity { get; set; } = GuardSeverity.Critical;

        public string? Description { get; set; }

        public bool LuhnCheck { get; set; }

        public int? MaskFirst { get; set; }

        public int? MaskLast { get; set; }

        public bool HasMasking { get; set; }

        public SourceLocation? Location { get; set; }
    }

    internal sealed class SecretLeakConfig
    {
        public bool Enabled { get; set; } = true;

        public bool Redact { get; set; } = true;

        public GuardSeverity SeverityThreshold { get; set; } = GuardSeverity.Error;

        public List<SecretPatternSpec> Patterns { get; set; } = ClawdstrikeDefaults.BuiltInSecretPatterns();

        public bool PatternsSpecified { get; set; }

        public List<Sourced> SkipPaths { get; set; } = new List<Sourced>();

        public SourceLocation? Location { get; set; }

        /// <summary>The configuration used when the whole section is absent (note the skip paths).</summary>
        public static SecretLeakConfig BuiltIn() => new SecretLeakConfig { SkipPaths = Sourced.Plain(ClawdstrikeDefaults.SecretSkipPaths) };
    }

    internal sealed class PatchIntegrityConfig
    {
        public bool Enabled { get; set; } = true;

        public long MaxAdditions { get; set; } = 1000;

        public long MaxDeletions { get; set; } = 500;

        public List<Sourced> ForbiddenPatterns { get; set; } = Sourced.Plain(ClawdstrikeDefaults.PatchForbiddenPatterns);

        public bool ForbiddenPatternsSpecified { get; set; }

        public bool RequireBalance { get; set; }

        public double MaxImbalanceRatio { get; set; } = 10.0;

        public SourceLocation? Location { get; set; }
    }

    /// <summary>MCP default action; <c>deny</c> is read as block.</summary>
    internal enum McpDefaultAction
    {
        Allow,
        Block,
    }

    internal sealed class McpToolConfig : IAllowBlockEdits
    {
        public const long DefaultMaxArgsSize = 1_048_576;

        public bool Enabled { get; set; } = true;

        public List<Sourced> Allow { get; set; } = new List<Sourced>();

        public List<Sourced> Block { get; set; } = new List<Sourced>();

        public List<Sourced> RequireConfirmation { get; set; } = new List<Sourced>();

        public McpDefaultAction? DefaultAction { get; set; }

        public long? MaxArgsSize { get; set; }

        public List<Sourced> AdditionalAllow { get; set; } = new List<Sourced>();

        public List<Sourced> RemoveAllow { get; set; } = new List<Sourced>();

        public List<Sourced> AdditionalBlock { get; set; } = new List<Sourced>();

        public List<Sourced> RemoveBlock { get; set; } = new List<Sourced>();

        public SourceLocation? Location { get; set; }

        public static McpToolConfig BuiltIn() => new McpToolConfig
        {
            Block = Sourced.Plain(ClawdstrikeDefaults.McpBlock),
            RequireConfirmation = Sourced.Plain(ClawdstrikeDefaults.McpRequireConfirmation),
        };
    }

    /// <summary>Prompt-injection level thresholds, ordered.</summary>
    internal enum InjectionThreshold
    {
        Safe = 0,
        Suspicious = 1,
        High = 2,
        Critical = 3,
    }

    internal sealed class PromptInjectionConfig
    {
        public bool Enabled { get; set; } = true;

        public InjectionThreshold WarnAtOrAbove { get; set; } = InjectionThreshold.Suspicious;

        public InjectionThreshold BlockAtOrAbove { get; set; } = InjectionThreshold.High;

        public long MaxScanBytes { get; set; } = 200_000;

        public SourceLocation? Location { get; set; }

        public SourceLocation? WarnLocation { get; set; }

        public SourceLocation? MaxScanBytesLocation { get; set; }
    }

    internal sealed class JailbreakConfig
    {
        public bool Enabled { get; set; } = true;

        /// <summary>The detector settings (thresholds, input budget, layers, linear model); defaults per spec §3.8.</summary>
        public JailbreakDetectorOptions Detector { get; set; } = JailbreakDetectorOptions.Default;

        // Session settings are parsed and kept for diffs; they never change a decision (spec §3.8).
        public bool SessionAggregation { get; set; } = true;

        public long SessionMaxEntries { get; set; } = 1024;

        public long SessionTtlSeconds { get; set; } = 3600;

        public long SessionHalfLifeSeconds { get; set; } = 900;

        public SourceLocation? Location { get; set; }
    }

    internal sealed class CustomPackageSpec
    {
        public string Package { get; set; } = string.Empty;

        public string? Registry { get; set; }

        public string? Version { get; set; }

        public bool Enabled { get; set; } = true;

        /// <summary>The config mapping as plain values (string, long, double, bool, null, lists, dictionaries).</summary>
        public object? Config { get; set; }

        public Dictionary<string, object?>? Async { get; set; }

        public SourceLocation? Location { get; set; }
    }

    internal sealed class CustomGuardSpec
    {
        public string Id { get; set; } = string.Empty;

        public bool Enabled { get; set; } = true;

        public object? Config { get; set; } = new Dictionary<string, object?>();

        public SourceLocation? Location { get; set; }
    }

    internal sealed class SettingsSection
    {
        public bool? FailFast { get; set; }

        public bool? VerboseLogging { get; set; }

        public long? SessionTimeoutSecs { get; set; }

        public bool AnySet => FailFast.HasValue || VerboseLogging.HasValue || SessionTimeoutSecs.HasValue;
    }

    internal sealed class PostureConfig
    {
        public string Initial { get; set; } = string.Empty;

        /// <summary>States in document order.</summary>
        public List<PostureStateSpec> States { get; set; } = new List<PostureStateSpec>();

        public List<PostureTransitionSpec> Transitions { get; set; } = new List<PostureTransitionSpec>();

        public SourceLocation? Location { get; set; }
    }

    internal sealed class PostureStateSpec
    {
        public string Name { get; set; } = string.Empty;

        public string? Description { get; set; }

        public List<string> Capabilities { get; set; } = new List<string>();

        /// <summary>Budgets in document order.</summary>
        public List<KeyValuePair<string, long>> Budgets { get; set; } = new List<KeyValuePair<string, long>>();

        public SourceLocation? Location { get; set; }
    }

    internal sealed class PostureTransitionSpec
    {
        public string From { get; set; } = string.Empty;

        public string To { get; set; } = string.Empty;

        public string On { get; set; } = string.Empty;

        public string? After { get; set; }

        public List<string> Requires { get; set; } = new List<string>();

        public SourceLocation? Location { get; set; }
    }
}
