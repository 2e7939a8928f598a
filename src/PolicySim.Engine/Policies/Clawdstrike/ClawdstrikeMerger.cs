using System.Collections.Generic;
using System.Linq;

namespace PolicySim.Policies.Clawdstrike
{
    /// <summary>Merges a child document onto its resolved base with the child's strategy (spec §1.6, Appendix A).</summary>
    internal static class ClawdstrikeMerger
    {
        public static ClawdstrikeDocument Merge(ClawdstrikeDocument baseDoc, ClawdstrikeDocument child)
        {
            switch (child.MergeStrategy)
            {
                case MergeStrategy.Replace:
                    return child;
                case MergeStrategy.Merge:
                    return Shallow(baseDoc, child);
                default:
                    return Deep(baseDoc, child);
            }
        }

        private static ClawdstrikeDocument Header(ClawdstrikeDocument b, ClawdstrikeDocument c) => new ClawdstrikeDocument
        {
            Source = c.Source,

            // "child's if it differs from base's, else base's" is always the child's value.
            Version = c.Version,
            VersionLocation = c.VersionLocation ?? b.VersionLocation,
            Name = c.Name.Length > 0 ? c.Name : b.Name,
            Description = c.Description.Length > 0 ? c.Description : b.Description,
            Extends = null,
            MergeStrategy = MergeStrategy.DeepMerge,
        };

        private static ClawdstrikeDocument Shallow(ClawdstrikeDocument b, ClawdstrikeDocument c)
        {
            var r = Header(b, c);
            r.Guards = c.Guards.IsEmpty ? b.Guards : c.Guards;
            r.CustomGuards = c.CustomGuards.Count > 0 ? c.CustomGuards : b.CustomGuards;
            r.Settings = c.Settings.AnySet ? c.Settings : b.Settings;
            r.Posture = c.Posture ?? b.Posture;
            r.PostureLocation = c.Posture != null ? c.PostureLocation : b.PostureLocation;
            return r;
        }

        private static ClawdstrikeDocument Deep(ClawdstrikeDocument b, ClawdstrikeDocument c)
        {
            var r = Header(b, c);
            r.Settings = new SettingsSection
            {
                FailFast = c.Settings.FailFast ?? b.Settings.FailFast,
                VerboseLogging = c.Settings.VerboseLogging ?? b.Settings.VerboseLogging,
                SessionTimeoutSecs = c.Settings.SessionTimeoutSecs ?? b.Settings.SessionTimeoutSecs,
            };

            var guards = new List<CustomGuardSpec>(b.CustomGuards);
            foreach (var cg in c.CustomGuards)
            {
                int i = guards.FindIndex(x => x.Id == cg.Id);
                if (i >= 0)
                {
                    guards[i] = cg;
                }
                else
                {
                    guards.Add(cg);
                }
            }

            r.CustomGuards = guards;
            r.Posture = MergePosture(b.Posture, c.Posture);
            r.PostureLocation = c.PostureLocation ?? b.PostureLocation;

            var bg = b.Guards;
            var cgs = c.Guards;
            r.Guards = new GuardsSection
            {
                ForbiddenPath = cgs.ForbiddenPath == null ? bg.ForbiddenPath : MergeForbiddenPath(bg.ForbiddenPath ?? new ForbiddenPathConfig(), cgs.ForbiddenPath),
                PathAllowlist = cgs.PathAllowlist == null ? bg.PathAllowlist : (bg.PathAllowlist == null ? cgs.PathAllowlist : MergePathAllowlist(bg.PathAllowlist, cgs.PathAllowlist)),
                EgressAllowlist = cgs.EgressAllowlist == null ? bg.EgressAllowlist : MergeEgress(bg.EgressAllowlist ?? EgressAllowlistConfig.BuiltIn(), cgs.EgressAllowlist),
                McpTool = cgs.McpTool == null ? bg.McpTool : MergeMcp(bg.McpTool ?? McpToolConfig.BuiltIn(), cgs.McpTool),

                // These sections are replaced wholesale; omitted fields take serde defaults, not base values.
                SecretLeak = cgs.SecretLeak ?? bg.SecretLeak,
                PatchIntegrity = cgs.PatchIntegrity ?? bg.PatchIntegrity,
                PromptInjection = cgs.PromptInjection ?? bg.PromptInjection,
                Jailbreak = cgs.Jailbreak ?? bg.Jailbreak,
                Custom = cgs.Custom.Count > 0 ? cgs.Custom : bg.Custom,
            };
            return r;
        }

        private static ForbiddenPathConfig MergeForbiddenPath(ForbiddenPathConfig b, ForbiddenPathConfig c)
        {
            var list = c.Patterns != null ? new List<Sourced>(c.Patterns) : b.EffectivePatterns();
            foreach (var add in c.AdditionalPatterns)
            {
                if (!list.Contains(add))
                {
                    list.Add(add);
                }
            }

            list.RemoveAll(p => c.RemovePatterns.Contains(p));
            var exceptions = new List<Sourced>(b.Exceptions);
            exceptions.AddRange(c.Exceptions.Where(e => !exceptions.Contains(e)));
            return new ForbiddenPathConfig
            {
                Enabled = c.Enabled,
                Patterns = list,
                Exceptions = exceptions,
                Location = c.Location,
            };
        }

        private static PathAllowlistConfig MergePathAllowlist(PathAllowlistConfig b, PathAllowlistConfig c) => new PathAllowlistConfig
        {
            Enabled = c.Enabled,
            FileAccessAllow = c.FileAccessAllow.Count > 0 ? c.FileAccessAllow : b.FileAccessAllow,
            FileWriteAllow = c.FileWriteAllow.Count > 0 ? c.FileWriteAllow : b.FileWriteAllow,
            PatchAllow = c.PatchAllow.Count > 0 ? c.PatchAllow : b.PatchAllow,
            Location = c.Location,
        };

        /// <summary>base + additional (new entries appended) − remove; then a non-empty child list replaces it.</summary>
        private static List<Sourced> AddRemoveReplace(List<Sourced> baseList, List<Sourced> additional, List<Sourced> remove, List<Sourced> replacement)
        {
            if (replacement.Count > 0)
            {
                return new List<Sourced>(replacement);
            }

            var list = new List<Sourced>(baseList);
            list.AddRange(additional.Where(a => !list.Contains(a)));
            list.RemoveAll(x => remove.Contains(x));
            return list;
        }

        private static EgressAllowlistConfig MergeEgress(EgressAllowlistConfig b, EgressAllowlistConfig c) => new EgressAllowlistConfig
        {
            Enabled = c.Enabled,
            Allow = AddRemoveReplace(b.Allow, c.AdditionalAllow, c.RemoveAllow, c.Allow),
            Block = AddRemoveReplace(b.Block, c.AdditionalBlock, c.RemoveBlock, c.Block),
            DefaultAction = c.DefaultAction ?? b.DefaultAction,
            Location = c.Location,
        };

        private static McpToolConfig MergeMcp(McpToolConfig b, McpToolConfig c) => new McpToolConfig
        {
            Enabled = c.Enabled,
            Allow = AddRemoveReplace(b.Allow, c.AdditionalAllow, c.RemoveAllow, c.Allow),
            Block = AddRemoveReplace(b.Block, c.AdditionalBlock, c.RemoveBlock, c.Block),
            RequireConfirmation = c.RequireConfirmation.Count > 0 ? c.RequireConfirmation : b.RequireConfirmation,
            DefaultAction = c.DefaultAction ?? b.DefaultAction,
            MaxArgsSize = c.MaxArgsSize ?? b.MaxArgsSize,
            Location = c.Location,
        };

        private static PostureConfig? MergePosture(PostureConfig? b, PostureConfig? c)
        {
            if (c == null)
            {
                return b;
            }

            if (b == null)
            {
                return c;
            }

            var states = new List<PostureStateSpec>(b.States);
            foreach (var s in c.States)
            {
                int i = states.FindIndex(x => x.Name == s.Name);
                if (i >= 0)
                {
                    states[i] = s;
                }
                else
                {
                    states.Add(s);
                }
            }

            return new PostureConfig
            {
                Initial = c.Initial.Trim().Length > 0 ? c.Initial : b.Initial,
                States = states,
                Transitions = c.Transitions.Count > 0 ? c.Transitions : b.Transitions,
                Location = c.Location,
            };
        }
    }
}
