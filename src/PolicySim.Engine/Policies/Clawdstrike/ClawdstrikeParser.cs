using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicySim.Evaluation;
using PolicySim.Policies.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicySim.Policies.Clawdstrike
{
    /// <summary>
    /// Parses Clawdstrike policy YAML strictly (spec §1.1, §1.3): unknown keys at any level and wrong value types
    /// are errors, reported together with line, column and field path.
    /// </summary>
    internal static class ClawdstrikeParser
    {
        private static readonly string[] TopKeys = { "version", "name", "description", "extends", "merge_strategy", "guards", "custom_guards", "settings", "posture" };
        private static readonly string[] GuardKeys = { "forbidden_path", "path_allowlist", "egress_allowlist", "secret_leak", "patch_integrity", "mcp_tool", "prompt_injection", "jailbreak", "custom" };
        private static readonly string[] ForbiddenPathKeys = { "enabled", "patterns", "exceptions", "additional_patterns", "remove_patterns" };
        private static readonly string[] PathAllowlistKeys = { "enabled", "file_access_allow", "file_write_allow", "patch_allow" };
        private static readonly string[] EgressKeys = { "enabled", "allow", "block", "default_action", "additional_allow", "remove_allow", "additional_block", "remove_block" };
        private static readonly string[] SecretLeakKeys = { "enabled", "redact", "severity_threshold", "patterns", "skip_paths" };
        private static readonly string[] SecretPatternKeys = { "name", "pattern", "severity", "description", "luhn_check", "masking" };
        private static readonly string[] MaskingKeys = { "first", "last" };
        private static readonly string[] PatchKeys = { "enabled", "max_additions", "max_deletions", "forbidden_patterns", "require_balance", "max_imbalance_ratio" };
        private static readonly string[] McpKeys = { "enabled", "allow", "block", "deny", "require_confirmation", "default_action", "max_args_size", "additional_allow", "remove_allow", "additional_block", "remove_block" };
        private static readonly string[] MergeStrategyNames = { "replace", "merge", "deep_merge" };
        private static readonly string[] EgressActionNames = { "allow", "block", "log" };
        private static readonly string[] McpActionNames = { "allow", "block" };
        private static readonly string[] SeverityNames = { "info", "warning", "error", "critical" };
        private static readonly string[] LevelNames = { "safe", "suspicious", "high", "critical" };
        private static readonly string[] PromptInjectionKeys = { "enabled", "warn_at_or_above", "block_at_or_above", "max_scan_bytes" };
        private static readonly string[] JailbreakKeys = { "enabled", "detector" };
        private static readonly string[] DetectorKeys = { "block_threshold", "warn_threshold", "max_input_bytes", "session_aggregation", "layers", "linear_model", "session_max_entries", "session_ttl_seconds", "session_half_life_seconds" };
        private static readonly string[] LinearModelKeys = { "bias", "w_ignore_policy", "w_dan", "w_role_change", "w_prompt_extraction", "w_encoded", "w_punct", "w_symbol_run" };
        private static readonly string[] CustomPackageKeys = { "package", "registry", "version", "enabled", "config", "async" };
        private static readonly string[] CustomGuardKeys = { "id", "enabled", "config" };
        private static readonly string[] SettingsKeys = { "fail_fast", "verbose_logging", "session_timeout_secs" };
        private static readonly string[] PostureKeys = { "initial", "states", "transitions" };
        private static readonly string[] PostureStateKeys = { "description", "capabilities", "budgets" };
        private static readonly string[] PostureTransitionKeys = { "from", "to", "on", "after", "requires" };

        /// <summary>Parses one document. Problems go to <paramref name="diagnostics"/>; the result is partial then.</summary>
        public static ClawdstrikeDocument Parse(string yaml, string source, List<PolicyDiagnostic> diagnostics)
        {
            var doc = new ClawdstrikeDocument { Source = source };
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(yaml));
            }
            catch (YamlException ex)
            {
                diagnostics.Add(new PolicyDiagnostic(source, (int)ex.Start.Line, (int)ex.Start.Column, string.Empty, "YAML syntax error: " + ex.Message));
                return doc;
            }

            if (stream.Documents.Count == 0)
            {
                // serde_yaml reads an empty document as unit, which is not a policy mapping.
                diagnostics.Add(new PolicyDiagnostic(source, 1, 1, string.Empty, "invalid type: unit value, expected struct PolicyFile"));
                return doc;
            }

            if (stream.Documents.Count > 1)
            {
                diagnostics.Add(new PolicyDiagnostic(source, (int)stream.Documents[1].RootNode.Start.Line, 1, string.Empty, "deserializing from YAML containing more than one document is not supported"));
            }

            return Parse(stream.Documents[0].RootNode, source, diagnostics, doc);
        }

        /// <summary>Parses a document already in YAML nodes (built in memory, e.g. a policy variant for attribution).</summary>
        /// <param name="root">The document's root node.</param>
        /// <param name="source">The source name for diagnostics.</param>
        /// <param name="diagnostics">Receives the problems; the result is partial then.</param>
        /// <returns>The document.</returns>
        public static ClawdstrikeDocument Parse(YamlNode root, string source, List<PolicyDiagnostic> diagnostics) =>
            Parse(root, source, diagnostics, new ClawdstrikeDocument { Source = source });

        private static ClawdstrikeDocument Parse(YamlNode root, string source, List<PolicyDiagnostic> diagnostics, ClawdstrikeDocument doc)
        {
            var r = new YamlSchemaReader(source, diagnostics);
            var top = r.Mapping(root, string.Empty, TopKeys);
            if (top == null)
            {
                return doc;
            }

            foreach (var (key, node) in top.Select(p => (p.Key, p.Value)))
            {
                switch (key)
                {
                    case "version":
                        doc.Version = r.String(node, key) ?? doc.Version;
                        doc.VersionLocation = Loc(r, node);
                        break;
                    case "name":
                        doc.Name = r.String(node, key) ?? string.Empty;
                        break;
                    case "description":
                        doc.Description = r.String(node, key) ?? string.Empty;
                        break;
                    case "extends":
                        doc.Extends = r.OptionalString(node, key, out _);
                        doc.ExtendsLocation = Loc(r, node);
                        break;
                    case "merge_strategy":
                        doc.MergeStrategy = r.Variant(node, key, MergeStrategyNames, ("replace", MergeStrategy.Replace), ("merge", MergeStrategy.Merge), ("deep_merge", MergeStrategy.DeepMerge)) ?? doc.MergeStrategy;
                        break;
                    case "guards":
                        if (!YamlSchemaReader.IsNull(node))
                        {
                            doc.Guards = ParseGuards(r, node, key);
                        }

                        break;
                    case "custom_guards":
                        doc.CustomGuards = ParseCustomGuards(r, node, key);
                        break;
                    case "settings":
                        if (!YamlSchemaReader.IsNull(node))
                        {
                            doc.Settings = ParseSettings(r, node, key);
                        }

                        break;
                    case "posture":
                        if (!YamlSchemaReader.IsNull(node))
                        {
                            doc.Posture = ParsePosture(r, node, key);
                            doc.PostureLocation = Loc(r, node);
                        }

                        break;
                }
            }

            return doc;
        }

        private static SourceLocation Loc(YamlSchemaReader r, YamlNode node) => new SourceLocation(r.Source, (int)node.Start.Line, (int)node.Start.Column);

        private static List<Sourced> Strings(YamlSchemaReader r, YamlNode node, string path)
        {
            var list = r.StringList(node, path);
            return list == null ? new List<Sourced>() : list.Select(x => new Sourced(x.Value, Loc(r, x.Node))).ToList();
        }

        private static bool Enabled(YamlSchemaReader r, YamlNode node, string path) => r.Bool(node, path) ?? true;

        private static GuardsSection ParseGuards(YamlSchemaReader r, YamlNode node, string path)
        {
            var g = new GuardsSection();
            var map = r.Mapping(node, path, GuardKeys);
            if (map == null)
            {
                return g;
            }

            foreach (var pair in map)
            {
                string p = YamlSchemaReader.Join(path, pair.Key);
                YamlNode n = pair.Value;
                if (YamlSchemaReader.IsNull(n))
                {
                    // An explicit null is the same as an absent Option<section>.
                    continue;
                }

                switch (pair.Key)
                {
                    case "forbidden_path":
                        g.ForbiddenPath = ParseForbiddenPath(r, n, p);
                        break;
                    case "path_allowlist":
                        g.PathAllowlist = ParsePathAllowlist(r, n, p);
                        break;
                    case "egress_allowlist":
                        g.EgressAllowlist = ParseEgress(r, n, p);
                        break;
                    case "secret_leak":
                        g.SecretLeak = ParseSecretLeak(r, n, p);
                        break;
                    case "patch_integrity":
                        g.PatchIntegrity = ParsePatch(r, n, p);
                        break;
                    case "mcp_tool":
                        g.McpTool = ParseMcp(r, n, p);
                        break;
                    case "prompt_injection":
                        g.PromptInjection = ParsePromptInjection(r, n, p);
                        break;
                    case "jailbreak":
                        g.Jailbreak = ParseJailbreak(r, n, p);
                        break;
                    case "custom":
                        g.Custom = ParseCustomPackages(r, n, p);
                        break;
                }
            }

            return g;
        }

        private static ForbiddenPathConfig ParseForbiddenPath(YamlSchemaReader r, YamlNode node, string path)
        {
            var c = new ForbiddenPathConfig { Location = Loc(r, node) };
            foreach (var pair in r.Mapping(node, path, ForbiddenPathKeys) ?? Array.Empty<KeyValuePair<string, YamlNode>>())
            {
                string p = YamlSchemaReader.Join(path, pair.Key);
                switch (pair.Key)
                {
                    case "enabled":
                        c.Enabled = Enabled(r, pair.Value, p);
                        break;
                    case "patterns":
                        c.Patterns = YamlSchemaReader.IsNull(pair.Value) ? null : Strings(r, pair.Value, p);
                        break;
                    case "exceptions":
                        c.Exceptions = Strings(r, pair.Value, p);
                        break;
                    case "additional_patterns":
                        c.AdditionalPatterns = Strings(r, pair.Value, p);
                        break;
                    case "remove_patterns":
                        c.RemovePatterns = Strings(r, pair.Value, p);
                        break;
                }
            }

            return c;
        }

        private static PathAllowlistConfig ParsePathAllowlist(YamlSchemaReader r, YamlNode node, string path)
        {
            var c = new PathAllowlistConfig { Location = Loc(r, node) };
            foreach (var pair in r.Mapping(node, path, PathAllowlistKeys) ?? Array.Empty<KeyValuePair<string, YamlNode>>())
            {
                string p = YamlSchemaReader.Join(path, pair.Key);
                switch (pair.Key)
                {
                    case "enabled":
                        c.Enabled = Enabled(r, pair.Value, p);
                        break;
                    case "file_access_allow":
                        c.FileAccessAllow = Strings(r, pair.Value, p);
                        break;
                    case "file_write_allow":
                        c.FileWriteAllow = Strings(r, pair.Value, p);
                        break;
                    case "patch_allow":
                        c.PatchAllow = Strings(r, pair.Value, p);
                        break;
                }
            }

            return c;
        }

        private static EgressAllowlistConfig ParseEgress(YamlSchemaReader r, YamlNode node, string path)
        {
            var c = new EgressAllowlistConfig { Location = Loc(r, node) };
            foreach (var pair in r.Mapping(node, path, EgressKeys) ?? Array.Empty<KeyValuePair<string, YamlNode>>())
            {
                string p = YamlSchemaReader.Join(path, pair.Key);
                switch (pair.Key)
                {
                    case "enabled":
                        c.Enabled = Enabled(r, pair.Value, p);
                        break;
                    case "allow":
                        c.Allow = Strings(r, pair.Value, p);
                        break;
                    case "block":
                        c.Block = Strings(r, pair.Value, p);
                        break;
                    case "default_action":
                        if (!YamlSchemaReader.IsNull(pair.Value))
                        {
                            c.DefaultAction = r.Variant(pair.Value, p, EgressActionNames, ("allow", EgressDefaultAction.Allow), ("block", EgressDefaultAction.Block), ("deny", EgressDefaultAction.Block), ("log", EgressDefaultAction.Log));
                        }

                        break;
                    default:
                        ParseEdit(r, c, pair.Key, pair.Value, p);
                        break;
                }
            }

            return c;
        }

        /// <summary>The four deep-merge list keys shared by egress_allowlist and mcp_tool (the schema already admitted the key).</summary>
        private static void ParseEdit(YamlSchemaReader r, IAllowBlockEdits c, string key, YamlNode value, string path)
        {
            switch (key)
            {
                case "additional_allow":
                    c.AdditionalAllow = Strings(r, value, path);
                    break;
                case "remove_allow":
                    c.RemoveAllow = Strings(r, value, path);
                    break;
                case "additional_block":
                    c.AdditionalBlock = Strings(r, value, path);
                    break;
                case "remove_block":
                    c.RemoveBlock = Strings(r, value, path);
                    break;
            }
        }

        internal static GuardSeverity? ParseSeverity(YamlSchemaReader r, YamlNode node, string path) =>
            r.Variant(node, path, SeverityNames, ("info", GuardSeverity.Info), ("low", GuardSeverity.Info), ("warning", GuardSeverity.Warning), ("medium", GuardSeverity.Warning), ("error", GuardSeverity.Error), ("high", GuardSeverity.Error), ("critical", GuardSeverity.Critical));

        private static SecretLeakConfig ParseSecretLeak(YamlSchemaReader r, YamlNode node, string path)
        {
            var c = new SecretLeakConfig { Location = Loc(r, node) };
            foreach (var pair in r.Mapping(node, path, SecretLeakKeys) ?? Array.Empty<KeyValuePair<string, YamlNode>>())
            {
                string p = YamlSchemaReader.Join(path, pair.Key);
                switch (pair.Key)
                {
                    case "enabled":
                        c.Enabled = Enabled(r, pair.Value, p);
                        break;
                    case "redact":
                        c.Redact = r.Bool(pair.Value, p) ?? true;
                        break;
                    case "severity_threshold":
                        c.SeverityThreshold = ParseSeverity(r, pair.Value, p) ?? GuardSeverity.Error;
                        break;
                    case "skip_paths":
                        c.SkipPaths = Strings(r, pair.Value, p);
                        break;
                    case "patterns":
                        c.PatternsSpecified = true;
                        c.Patterns = new List<SecretPatternSpec>();
                        var items = r.Sequence(pair.Value, p);
                        if (items != null)
                        {
                            for (int i = 0; i < items.Count; i++)
                            {
                                var spec = ParseSecretPattern(r, items[i], YamlSchemaReader.Index(p, i));
                                if (spec != null)
                                {
                                    c.Patterns.Add(spec);
                                }
                            }
                        }

                        break;
                }
            }

            return c;
        }

        private static SecretPatternSpec? ParseSecretPattern(YamlSchemaReader r, YamlNode node, string path)
        {
            var map = r.Mapping(node, path, SecretPatternKeys);
            if (map == null)
            {
                return null;
            }

            var s = new SecretPatternSpec { Location = Loc(r, node) };
            bool hasName = false, hasPattern = false;
            foreach (var pair in map)
            {
                string p = YamlSchemaReader.Join(path, pair.Key);
                switch (pair.Key)
                {
                    case "name":
                        hasName = true;
                        s.Name = new Sourced(r.String(pair.Value, p) ?? string.Empty, Loc(r, pair.Value));
                        break;
                    case "pattern":
                        hasPattern = true;
                        s.Pattern = new Sourced(r.String(pair.Value, p) ?? string.Empty, Loc(r, pair.Value));
                        break;
                    case "severity":
                        s.Severity = ParseSeverity(r, pair.Value, p) ?? GuardSeverity.Critical;
                        break;
                    case "description":
                        s.Description = r.OptionalString(pair.Value, p, out _);
                        break;
                    case "luhn_check":
                        s.LuhnCheck = r.Bool(pair.Value, p) ?? false;
                        break;
                    case "masking":
                        if (YamlSchemaReader.IsNull(pair.Value))
                        {
                            break;
                        }

                        s.HasMasking = true;
                        foreach (var m in r.Mapping(pair.Value, p, MaskingKeys) ?? Array.Empty<KeyValuePair<string, YamlNode>>())
                        {
                            string mp = YamlSchemaReader.Join(p, m.Key);
                            long? v = r.Integer(m.Value, mp, 0, int.MaxValue, "usize");
                            if (m.Key == "first")
                            {
                                s.MaskFirst = (int?)v;
                            }
                            else
                            {
                                s.MaskLast = (int?)v;
                            }
                        }

                        break;
                }
            }

            if (!hasName)
            {
                r.Error(node, path, "missing field `name`");
            }

            if (!hasPattern)
            {
                r.Error(node, path, "missing field `pattern`");
            }

            return s;
        }

        private static PatchIntegrityConfig ParsePatch(YamlSchemaReader r, YamlNode node, string path)
        {
            var c = new PatchIntegrityConfig { Location = Loc(r, node) };
            foreach (var pair in r.Mapping(node, path, PatchKeys) ?? Array.Empty<KeyValuePair<string, YamlNode>>())
            {
                string p = YamlSchemaReader.Join(path, pair.Key);
                switch (pair.Key)
                {
                    case "enabled":
                        c.Enabled = Enabled(r, pair.Value, p);
                        break;
                    case "max_additions":
                        c.MaxAdditions = r.Integer(pair.Value, p, 0, long.MaxValue, "usize") ?? c.MaxAdditions;
                        break;
                    case "max_deletions":
                        c.MaxDeletions = r.Integer(pair.Value, p, 0, long.MaxValue, "usize") ?? c.MaxDeletions;
                        break;
                    case "forbidden_patterns":
                        c.ForbiddenPatternsSpecified = true;
                        c.ForbiddenPatterns = Strings(r, pair.Value, p);
                        break;
                    case "require_balance":
                        c.RequireBalance = r.Bool(pair.Value, p) ?? false;
                        break;
                    case "max_imbalance_ratio":
                        c.MaxImbalanceRatio = r.Float(pair.Value, p) ?? c.MaxImbalanceRatio;
                        break;
                }
            }

            return c;
        }

        private static McpToolConfig ParseMcp(YamlSchemaReader r, YamlNode node, string path)
        {
            var c = new McpToolConfig { Location = Loc(r, node) };
            bool sawBlock = false;
            foreach (var pair in r.Mapping(node, path, McpKeys) ?? Array.Empty<KeyValuePair<string, YamlNode>>())
            {
                string p = YamlSchemaReader.Join(path, pair.Key);
                switch (pair.Key)
                {
                    case "enabled":
                        c.Enabled = Enabled(r, pair.Value, p);
                        break;
                    case "allow":
                        c.Allow = Strings(r, pair.Value, p);
                        break;
                    case "block":
                    case "deny":
                        if (sawBlock)
                        {
                            r.Error(pair.Value, p, "duplicate field `block`");
                        }

                        sawBlock = true;
                        c.Block = Strings(r, pair.Value, p);
                        break;
                    case "require_confirmation":
                        c.RequireConfirmation = Strings(r, pair.Value, p);
                        break;
                    case "default_action":
                        if (!YamlSchemaReader.IsNull(pair.Value))
                        {
                            c.DefaultAction = r.Variant(pair.Value, p, McpActionNames, ("allow", McpDefaultAction.Allow), ("block", McpDefaultAction.Block), ("deny", McpDefaultAction.Block));
                        }

                        break;
                    case "max_args_size":
                        if (!YamlSchemaReader.IsNull(pair.Value))
                        {
                            c.MaxArgsSize = r.Integer(pair.Value, p, 0, long.MaxValue, "usize");
                        }

                        break;
                    default:
                        ParseEdit(r, c, pair.Key, pair.Value, p);
                        break;
                }
            }

            return c;
        }

        private static InjectionThreshold? ParseLevel(YamlSchemaReader r, YamlNode node, string path) =>
            r.Variant(node, path, LevelNames, ("safe", InjectionThreshold.Safe), ("suspicious", InjectionThreshold.Suspicious), ("low", InjectionThreshold.Suspicious), ("high", InjectionThreshold.High), ("medium", InjectionThreshold.High), ("critical", InjectionThreshold.Critical));

        private static PromptInjectionConfig ParsePromptInjection(YamlSchemaReader r, YamlNode node, string path)
        {
            var c = new PromptInjectionConfig { Location = Loc(r, node) };
            foreach (var pair in r.Mapping(node, path, PromptInjectionKeys) ?? Array.Empty<KeyValuePair<string, YamlNode>>())
            {
                string p = YamlSchemaReader.Join(path, pair.Key);
                switch (pair.Key)
                {
                    case "enabled":
                        c.Enabled = Enabled(r, pair.Value, p);
                        break;
                    case "warn_at_or_above":
                        c.WarnAtOrAbove = ParseLevel(r, pair.Value, p) ?? c.WarnAtOrAbove;
                        c.WarnLocation = Loc(r, pair.Value);
                        break;
                    case "block_at_or_above":
                        c.BlockAtOrAbove = ParseLevel(r, pair.Value, p) ?? c.BlockAtOrAbove;
                        break;
                    case "max_scan_bytes":
                        c.MaxScanBytes = r.Integer(pair.Value, p, 0, long.MaxValue, "usize") ?? c.MaxScanBytes;
                        c.MaxScanBytesLocation = Loc(r, pair.Value);
                        break;
                }
            }

            return c;
        }

        private static JailbreakConfig ParseJailbreak(YamlSchemaReader r, YamlNode node, string path)
        {
            var c = new JailbreakConfig { Location = Loc(r, node) };
            foreach (var pair in r.Mapping(node, path, JailbreakKeys) ?? Array.Empty<KeyValuePair<string, YamlNode>>())
            {
                string p = YamlSchemaReader.Join(path, pair.Key);
                if (pair.Key == "enabled")
                {
                    c.Enabled = Enabled(r, pair.Value, p);
                    continue;
                }

                foreach (var d in r.Mapping(pair.Value, p, DetectorKeys) ?? Array.Empty<KeyValuePair<string, YamlNode>>())
                {
                    string dp = YamlSchemaReader.Join(p, d.Key);
                    switch (d.Key)
                    {
                        case "block_threshold":
                            if (r.Integer(d.Value, dp, 0, 255, "u8") is long block)
                            {
                                c.Detector = c.Detector with { BlockThreshold = (int)block };
                            }

                            break;
                        case "warn_threshold":
                            if (r.Integer(d.Value, dp, 0, 255, "u8") is long warn)
                            {
                                c.Detector = c.Detector with { WarnThreshold = (int)warn };
                            }

                            break;
                        case "max_input_bytes":
                            if (r.Integer(d.Value, dp, 0, long.MaxValue, "usize") is long max)
                            {
                                // The budget counts UTF-8 bytes of one string, which cannot exceed int range.
                                c.Detector = c.Detector with { MaxInputBytes = max > int.MaxValue ? int.MaxValue : (int)max };
                            }

                            break;
                        case "session_aggregation":
                            c.SessionAggregation = r.Bool(d.Value, dp) ?? c.SessionAggregation;
                            break;
                        case "session_max_entries":
                            c.SessionMaxEntries = r.Integer(d.Value, dp, 0, long.MaxValue, "usize") ?? c.SessionMaxEntries;
                            break;
                        case "session_ttl_seconds":
                            c.SessionTtlSeconds = r.Integer(d.Value, dp, 0, long.MaxValue, "u64") ?? c.SessionTtlSeconds;
                            break;
                        case "session_half_life_seconds":
                            c.SessionHalfLifeSeconds = r.Integer(d.Value, dp, 0, long.MaxValue, "u64") ?? c.SessionHalfLifeSeconds;
                            break;
                        case "layers":
                            // The one lenient block of the schema: unknown keys are ignored (spec §1.1).
                            foreach (var l in r.Mapping(d.Value, dp, null) ?? Array.Empty<KeyValuePair<string, YamlNode>>())
                            {
                                string lp = YamlSchemaReader.Join(dp, l.Key);
                                switch (l.Key)
                                {
                                    case "heuristic":
                                        c.Detector = c.Detector with { HeuristicLayer = r.Bool(l.Value, lp) ?? c.Detector.HeuristicLayer };
                                        break;
                                    case "statistical":
                                        c.Detector = c.Detector with { StatisticalLayer = r.Bool(l.Value, lp) ?? c.Detector.StatisticalLayer };
                                        break;
                                    case "ml":
                                        c.Detector = c.Detector with { MlLayer = r.Bool(l.Value, lp) ?? c.Detector.MlLayer };
                                        break;
                                    case "llm_judge":
                                        c.Detector = c.Detector with { LlmJudgeLayer = r.Bool(l.Value, lp) ?? c.Detector.LlmJudgeLayer };
                                        break;
                                }
                            }

                            break;
                        case "linear_model":
                            foreach (var m in r.Mapping(d.Value, dp, LinearModelKeys) ?? Array.Empty<KeyValuePair<string, YamlNode>>())
                            {
                                float? f = (float?)r.Float(m.Value, YamlSchemaReader.Join(dp, m.Key));
                                if (f is not float w)
                                {
                                    continue;
                                }

                                switch (m.Key)
                                {
                                    case "bias": c.Detector = c.Detector with { Bias = w }; break;
                                    case "w_ignore_policy": c.Detector = c.Detector with { WeightIgnorePolicy = w }; break;
                                    case "w_dan": c.Detector = c.Detector with { WeightDan = w }; break;
                                    case "w_role_change": c.Detector = c.Detector with { WeightRoleChange = w }; break;
                                    case "w_prompt_extraction": c.Detector = c.Detector with { WeightPromptExtraction = w }; break;
                                    case "w_encoded": c.Detector = c.Detector with { WeightEncoded = w }; break;
                                    case "w_punct": c.Detector = c.Detector with { WeightPunctuation = w }; break;
                                    case "w_symbol_run": c.Detector = c.Detector with { WeightSymbolRun = w }; break;
                                }
                            }

                            break;
                    }
                }
            }

            return c;
        }

        private static List<CustomPackageSpec> ParseCustomPackages(YamlSchemaReader r, YamlNode node, string path)
        {
            var list = new List<CustomPackageSpec>();
            var items = r.Sequence(node, path);
            if (items == null)
            {
                return list;
            }

            for (int i = 0; i < items.Count; i++)
            {
                string ip = YamlSchemaReader.Index(path, i);
                var map = r.Mapping(items[i], ip, CustomPackageKeys);
                if (map == null)
                {
                    continue;
                }

                var spec = new CustomPackageSpec { Location = Loc(r, items[i]) };
                bool hasPackage = false, hasConfig = false;
                foreach (var pair in map)
                {
                    string p = YamlSchemaReader.Join(ip, pair.Key);
                    switch (pair.Key)
                    {
                        case "package":
                            hasPackage = true;
                            spec.Package = r.String(pair.Value, p) ?? string.Empty;
                            break;
                        case "registry":
                            spec.Registry = r.OptionalString(pair.Value, p, out _);
                            break;
                        case "version":
                            spec.Version = r.OptionalString(pair.Value, p, out _);
                            break;
                        case "enabled":
                            spec.Enabled = Enabled(r, pair.Value, p);
                            break;
                        case "config":
                            hasConfig = true;
                            spec.Config = PlainValue(r, pair.Value);
                            break;
                        case "async":
                            spec.Async = PlainValue(r, pair.Value) as Dictionary<string, object?>;
                            break;
                    }
                }

                if (!hasPackage)
                {
                    r.Error(items[i], ip, "missing field `package`");
                }

                if (!hasConfig)
                {
                    spec.Config = null;
                }

                list.Add(spec);
            }

            return list;
        }

        private static List<CustomGuardSpec> ParseCustomGuards(YamlSchemaReader r, YamlNode node, string path)
        {
            var list = new List<CustomGuardSpec>();
            if (YamlSchemaReader.IsNull(node))
            {
                return list;
            }

            var items = r.Sequence(node, path);
            if (items == null)
            {
                return list;
            }

            for (int i = 0; i < items.Count; i++)
            {
                string ip = YamlSchemaReader.Index(path, i);
                var map = r.Mapping(items[i], ip, CustomGuardKeys);
                if (map == null)
                {
                    continue;
                }

                var spec = new CustomGuardSpec { Location = Loc(r, items[i]) };
                bool hasId = false;
                foreach (var pair in map)
                {
                    string p = YamlSchemaReader.Join(ip, pair.Key);
                    switch (pair.Key)
                    {
                        case "id":
                            hasId = true;
                            spec.Id = r.String(pair.Value, p) ?? string.Empty;
                            break;
                        case "enabled":
                            spec.Enabled = Enabled(r, pair.Value, p);
                            break;
                        case "config":
                            spec.Config = PlainValue(r, pair.Value);
                            break;
                    }
                }

                if (!hasId)
                {
                    r.Error(items[i], ip, "missing field `id`");
                }

                list.Add(spec);
            }

            return list;
        }

        private static SettingsSection ParseSettings(YamlSchemaReader r, YamlNode node, string path)
        {
            var s = new SettingsSection();
            foreach (var pair in r.Mapping(node, path, SettingsKeys) ?? Array.Empty<KeyValuePair<string, YamlNode>>())
            {
                string p = YamlSchemaReader.Join(path, pair.Key);
                if (YamlSchemaReader.IsNull(pair.Value))
                {
                    continue;
                }

                switch (pair.Key)
                {
                    case "fail_fast":
                        s.FailFast = r.Bool(pair.Value, p);
                        break;
                    case "verbose_logging":
                        s.VerboseLogging = r.Bool(pair.Value, p);
                        break;
                    case "session_timeout_secs":
                        s.SessionTimeoutSecs = r.Integer(pair.Value, p, 0, long.MaxValue, "u64");
                        break;
                }
            }

            return s;
        }

        private static PostureConfig ParsePosture(YamlSchemaReader r, YamlNode node, string path)
        {
            var c = new PostureConfig { Location = Loc(r, node) };
            bool hasInitial = false, hasStates = false;
            foreach (var pair in r.Mapping(node, path, PostureKeys) ?? Array.Empty<KeyValuePair<string, YamlNode>>())
            {
                string p = YamlSchemaReader.Join(path, pair.Key);
                switch (pair.Key)
                {
                    case "initial":
                        hasInitial = true;
                        c.Initial = r.String(pair.Value, p) ?? string.Empty;
                        break;
                    case "states":
                        hasStates = true;
                        foreach (var st in r.Mapping(pair.Value, p, null) ?? Array.Empty<KeyValuePair<string, YamlNode>>())
                        {
                            string sp = YamlSchemaReader.Join(p, st.Key);
                            var state = new PostureStateSpec { Name = st.Key, Location = Loc(r, st.Value) };
                            foreach (var f in r.Mapping(st.Value, sp, PostureStateKeys) ?? Array.Empty<KeyValuePair<string, YamlNode>>())
                            {
                                string fp = YamlSchemaReader.Join(sp, f.Key);
                                switch (f.Key)
                                {
                                    case "description":
                                        state.Description = r.OptionalString(f.Value, fp, out _);
                                        break;
                                    case "capabilities":
                                        state.Capabilities = (r.StringList(f.Value, fp) ?? new List<(string, YamlNode)>()).Select(x => x.Value).ToList();
                                        break;
                                    case "budgets":
                                        foreach (var b in r.Mapping(f.Value, fp, null) ?? Array.Empty<KeyValuePair<string, YamlNode>>())
                                        {
                                            long? v = r.Integer(b.Value, YamlSchemaReader.Join(fp, b.Key), long.MinValue, long.MaxValue, "i64");
                                            if (v.HasValue)
                                            {
                                                state.Budgets.Add(new KeyValuePair<string, long>(b.Key, v.Value));
                                            }
                                        }

                                        break;
                                }
                            }

                            c.States.Add(state);
                        }

                        break;
                    case "transitions":
                        var items = r.Sequence(pair.Value, p);
                        for (int i = 0; items != null && i < items.Count; i++)
                        {
                            string tp = YamlSchemaReader.Index(p, i);
                            var t = new PostureTransitionSpec { Location = Loc(r, items[i]) };
                            foreach (var f in r.Mapping(items[i], tp, PostureTransitionKeys) ?? Array.Empty<KeyValuePair<string, YamlNode>>())
                            {
                                string fp = YamlSchemaReader.Join(tp, f.Key);
                                switch (f.Key)
                                {
                                    case "from":
                                        t.From = r.String(f.Value, fp) ?? string.Empty;
                                        break;
                                    case "to":
                                        t.To = r.String(f.Value, fp) ?? string.Empty;
                                        break;
                                    case "on":
                                        t.On = r.String(f.Value, fp) ?? string.Empty;
                                        break;
                                    case "after":
                                        t.After = r.OptionalString(f.Value, fp, out _);
                                        break;
                                    case "requires":
                                        t.Requires = (r.StringList(f.Value, fp) ?? new List<(string, YamlNode)>()).Select(x => x.Value).ToList();
                                        break;
                                }
                            }

                            c.Transitions.Add(t);
                        }

                        break;
                }
            }

            if (!hasInitial)
            {
                r.Error(node, path, "missing field `initial`");
            }

            if (!hasStates)
            {
                r.Error(node, path, "missing field `states`");
            }

            return c;
        }

        /// <summary>Converts free-form YAML (custom guard config) to plain values; ints stay ints.</summary>
        internal static object? PlainValue(YamlSchemaReader r, YamlNode node)
        {
            if (!r.Visit(node))
            {
                return null;
            }

            switch (node)
            {
                case YamlMappingNode map:
                    var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var pair in map.Children)
                    {
                        string key = pair.Key is YamlScalarNode k ? k.Value ?? string.Empty : YamlSchemaReader.Describe(pair.Key);
                        dict[key] = PlainValue(r, pair.Value);
                    }

                    return dict;
                case YamlSequenceNode seq:
                    return seq.Children.Select(c => PlainValue(r, c)).ToList();
                case YamlScalarNode s when s.Style == ScalarStyle.Plain:
                    if (YamlSchemaReader.IsNull(s))
                    {
                        return null;
                    }

                    if (s.Value == "true" || s.Value == "false")
                    {
                        return s.Value == "true";
                    }

                    if (YamlSchemaReader.TryParseInteger(s.Value, out long l))
                    {
                        return l;
                    }

                    if (YamlSchemaReader.TryParseFloat(s.Value, out double d))
                    {
                        return d;
                    }

                    return s.Value;
                case YamlScalarNode s:
                    return s.Value;
                default:
                    return null;
            }
        }
    }
}
