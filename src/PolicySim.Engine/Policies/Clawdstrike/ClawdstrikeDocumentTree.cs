using System;
using System.Collections.Generic;
using System.Linq;
using PolicySim.Evaluation;

namespace PolicySim.Policies.Clawdstrike
{
    /// <summary>
    /// Turns a (resolved) document into a plain JSON-like tree in the reference's struct field order (spec §5.7):
    /// objects are ordered <see cref="List{T}"/>s of key/value pairs, arrays are <see cref="List{T}"/> of values,
    /// leaves are string, long, double, bool or null. Absent sections, <c>extends</c> and <c>posture</c> are null;
    /// optional fields that are unset are omitted. The tree is also valid policy YAML when written as JSON, which is
    /// how attribution rebuilds a policy with one change applied.
    /// </summary>
    internal static class ClawdstrikeDocumentTree
    {
        public static List<KeyValuePair<string, object?>> Build(ClawdstrikeDocument d)
        {
            var root = new List<KeyValuePair<string, object?>>();
            Add(root, "version", d.Version);
            Add(root, "name", d.Name);
            Add(root, "description", d.Description);
            Add(root, "extends", d.Extends);
            Add(root, "merge_strategy", d.MergeStrategy switch { MergeStrategy.Replace => "replace", MergeStrategy.Merge => "merge", _ => "deep_merge" });
            Add(root, "guards", Guards(d.Guards));
            Add(root, "custom_guards", d.CustomGuards.Select(c => (object?)Obj(("id", c.Id), ("enabled", c.Enabled), ("config", Copy(c.Config)))).ToList());
            var settings = new List<KeyValuePair<string, object?>>();
            if (d.Settings.FailFast.HasValue)
            {
                Add(settings, "fail_fast", d.Settings.FailFast.Value);
            }

            if (d.Settings.VerboseLogging.HasValue)
            {
                Add(settings, "verbose_logging", d.Settings.VerboseLogging.Value);
            }

            if (d.Settings.SessionTimeoutSecs.HasValue)
            {
                Add(settings, "session_timeout_secs", d.Settings.SessionTimeoutSecs.Value);
            }

            Add(root, "settings", settings);
            Add(root, "posture", d.Posture == null ? null : Posture(d.Posture));
            return root;
        }

        private static List<KeyValuePair<string, object?>> Guards(GuardsSection g)
        {
            var o = new List<KeyValuePair<string, object?>>();
            Add(o, "forbidden_path", g.ForbiddenPath == null ? null : ForbiddenPath(g.ForbiddenPath));
            Add(o, "path_allowlist", g.PathAllowlist == null ? null : Obj(
                ("enabled", g.PathAllowlist.Enabled),
                ("file_access_allow", Strings(g.PathAllowlist.FileAccessAllow)),
                ("file_write_allow", Strings(g.PathAllowlist.FileWriteAllow)),
                ("patch_allow", Strings(g.PathAllowlist.PatchAllow))));
            Add(o, "egress_allowlist", g.EgressAllowlist == null ? null : Egress(g.EgressAllowlist));
            Add(o, "secret_leak", g.SecretLeak == null ? null : SecretLeak(g.SecretLeak));
            Add(o, "patch_integrity", g.PatchIntegrity == null ? null : Obj(
                ("enabled", g.PatchIntegrity.Enabled),
                ("max_additions", g.PatchIntegrity.MaxAdditions),
                ("max_deletions", g.PatchIntegrity.MaxDeletions),
                ("forbidden_patterns", Strings(g.PatchIntegrity.ForbiddenPatterns)),
                ("require_balance", g.PatchIntegrity.RequireBalance),
                ("max_imbalance_ratio", g.PatchIntegrity.MaxImbalanceRatio)));
            Add(o, "mcp_tool", g.McpTool == null ? null : Mcp(g.McpTool));
            Add(o, "prompt_injection", g.PromptInjection == null ? null : Obj(
                ("enabled", g.PromptInjection.Enabled),
                ("warn_at_or_above", g.PromptInjection.WarnAtOrAbove.ToString().ToLowerInvariant()),
                ("block_at_or_above", g.PromptInjection.BlockAtOrAbove.ToString().ToLowerInvariant()),
                ("max_scan_bytes", g.PromptInjection.MaxScanBytes)));
            Add(o, "jailbreak", g.Jailbreak == null ? null : Jailbreak(g.Jailbreak));
            Add(o, "custom", g.Custom.Select(c =>
            {
                var p = new List<KeyValuePair<string, object?>>();
                Add(p, "package", c.Package);
                if (c.Registry != null)
                {
                    Add(p, "registry", c.Registry);
                }

                if (c.Version != null)
                {
                    Add(p, "version", c.Version);
                }

                Add(p, "enabled", c.Enabled);
                Add(p, "config", Copy(c.Config));
                if (c.Async != null)
                {
                    Add(p, "async", Copy(c.Async));
                }

                return (object?)p;
            }).ToList());
            return o;
        }

        private static List<KeyValuePair<string, object?>> ForbiddenPath(ForbiddenPathConfig c)
        {
            var o = new List<KeyValuePair<string, object?>>();
            Add(o, "enabled", c.Enabled);
            if (c.Patterns != null)
            {
                Add(o, "patterns", Strings(c.Patterns));
            }

            Add(o, "exceptions", Strings(c.Exceptions));
            Add(o, "additional_patterns", Strings(c.AdditionalPatterns));
            Add(o, "remove_patterns", Strings(c.RemovePatterns));
            return o;
        }

        private static List<KeyValuePair<string, object?>> Egress(EgressAllowlistConfig c)
        {
            var o = new List<KeyValuePair<string, object?>>();
            Add(o, "enabled", c.Enabled);
            Add(o, "allow", Strings(c.Allow));
            Add(o, "block", Strings(c.Block));
            if (c.DefaultAction.HasValue)
            {
                Add(o, "default_action", c.DefaultAction.Value.ToString().ToLowerInvariant());
            }

            Add(o, "additional_allow", Strings(c.AdditionalAllow));
            Add(o, "remove_allow", Strings(c.RemoveAllow));
            Add(o, "additional_block", Strings(c.AdditionalBlock));
            Add(o, "remove_block", Strings(c.RemoveBlock));
            return o;
        }

        private static List<KeyValuePair<string, object?>> Mcp(McpToolConfig c)
        {
            var o = new List<KeyValuePair<string, object?>>();
            Add(o, "enabled", c.Enabled);
            Add(o, "allow", Strings(c.Allow));
            Add(o, "block", Strings(c.Block));
            Add(o, "require_confirmation", Strings(c.RequireConfirmation));
            if (c.DefaultAction.HasValue)
            {
                Add(o, "default_action", c.DefaultAction.Value.ToString().ToLowerInvariant());
            }

            if (c.MaxArgsSize.HasValue)
            {
                Add(o, "max_args_size", c.MaxArgsSize.Value);
            }

            Add(o, "additional_allow", Strings(c.AdditionalAllow));
            Add(o, "remove_allow", Strings(c.RemoveAllow));
            Add(o, "additional_block", Strings(c.AdditionalBlock));
            Add(o, "remove_block", Strings(c.RemoveBlock));
            return o;
        }

        private static List<KeyValuePair<string, object?>> SecretLeak(SecretLeakConfig c)
        {
            var patterns = c.Patterns.Select(p =>
            {
                var o = new List<KeyValuePair<string, object?>>();
                Add(o, "name", p.Name.Value);
                Add(o, "pattern", p.Pattern.Value);
                Add(o, "severity", Details.SeverityName(p.Severity));
                if (p.Description != null)
                {
                    Add(o, "description", p.Description);
                }

                Add(o, "luhn_check", p.LuhnCheck);
                if (p.HasMasking)
                {
                    var m = new List<KeyValuePair<string, object?>>();
                    if (p.MaskFirst.HasValue)
                    {
                        Add(m, "first", (long)p.MaskFirst.Value);
                    }

                    if (p.MaskLast.HasValue)
                    {
                        Add(m, "last", (long)p.MaskLast.Value);
                    }

                    Add(o, "masking", m);
                }

                return (object?)o;
            }).ToList();
            return Obj(
                ("enabled", c.Enabled),
                ("redact", c.Redact),
                ("severity_threshold", Details.SeverityName(c.SeverityThreshold)),
                ("patterns", patterns),
                ("skip_paths", Strings(c.SkipPaths)));
        }

        private static List<KeyValuePair<string, object?>> Jailbreak(JailbreakConfig c) => Obj(
            ("enabled", c.Enabled),
            ("detector", Obj(
                ("block_threshold", (long)c.Detector.BlockThreshold),
                ("warn_threshold", (long)c.Detector.WarnThreshold),
                ("max_input_bytes", (long)c.Detector.MaxInputBytes),
                ("session_aggregation", c.SessionAggregation),
                ("layers", Obj(("heuristic", c.Detector.HeuristicLayer), ("statistical", c.Detector.StatisticalLayer), ("ml", c.Detector.MlLayer), ("llm_judge", c.Detector.LlmJudgeLayer))),
                ("linear_model", Obj(
                    ("bias", (double)c.Detector.Bias),
                    ("w_ignore_policy", (double)c.Detector.WeightIgnorePolicy),
                    ("w_dan", (double)c.Detector.WeightDan),
                    ("w_role_change", (double)c.Detector.WeightRoleChange),
                    ("w_prompt_extraction", (double)c.Detector.WeightPromptExtraction),
                    ("w_encoded", (double)c.Detector.WeightEncoded),
                    ("w_punct", (double)c.Detector.WeightPunctuation),
                    ("w_symbol_run", (double)c.Detector.WeightSymbolRun))),
                ("session_max_entries", c.SessionMaxEntries),
                ("session_ttl_seconds", c.SessionTtlSeconds),
                ("session_half_life_seconds", c.SessionHalfLifeSeconds))));

        private static List<KeyValuePair<string, object?>> Posture(PostureConfig p)
        {
            var states = new List<KeyValuePair<string, object?>>();
            foreach (var s in p.States)
            {
                var o = new List<KeyValuePair<string, object?>>();
                if (s.Description != null)
                {
                    Add(o, "description", s.Description);
                }

                Add(o, "capabilities", s.Capabilities.Select(x => (object?)x).ToList());
                Add(o, "budgets", s.Budgets.Select(b => new KeyValuePair<string, object?>(b.Key, b.Value)).ToList());
                Add(states, s.Name, o);
            }

            var transitions = p.Transitions.Select(t =>
            {
                var o = new List<KeyValuePair<string, object?>>();
                Add(o, "from", t.From);
                Add(o, "to", t.To);
                Add(o, "on", t.On);
                if (t.After != null)
                {
                    Add(o, "after", t.After);
                }

                Add(o, "requires", t.Requires.Select(x => (object?)x).ToList());
                return (object?)o;
            }).ToList();
            return Obj(("initial", p.Initial), ("states", states), ("transitions", transitions));
        }

        /// <summary>Deep copy of free-form config, so patching a tree never touches the loaded document.</summary>
        private static object? Copy(object? value) => value switch
        {
            Dictionary<string, object?> d => d.ToDictionary(p => p.Key, p => Copy(p.Value), StringComparer.Ordinal),
            List<object?> l => l.Select(Copy).ToList(),
            _ => value,
        };

        private static List<object?> Strings(IEnumerable<Sourced> values) => values.Select(v => (object?)v.Value).ToList();

        private static void Add(List<KeyValuePair<string, object?>> o, string key, object? value) => o.Add(new KeyValuePair<string, object?>(key, value));

        private static List<KeyValuePair<string, object?>> Obj(params (string Key, object? Value)[] fields) =>
            fields.Select(f => new KeyValuePair<string, object?>(f.Key, f.Value)).ToList();
    }
}
