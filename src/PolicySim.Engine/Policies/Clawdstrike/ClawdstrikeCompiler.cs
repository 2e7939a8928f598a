using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using PolicySim.Evaluation;
using PolicySim.Evaluation.Guards;
using PolicySim.Evaluation.Matching;

namespace PolicySim.Policies.Clawdstrike
{
    /// <summary>
    /// Turns a resolved, validated document into guards (globs and regexes compiled once) and inspectable rules.
    /// Absent sections use the guards' built-in defaults (spec §1.3); disabled guards do not exist (spec §1.8).
    /// </summary>
    internal static partial class ClawdstrikeCompiler
    {
        public const string Dialect = "clawdstrike";

        public static (PolicyEvaluator Evaluator, List<PolicyRule> Rules) Compile(ClawdstrikeDocument doc)
        {
            foreach (var cg in doc.CustomGuards)
            {
                if (cg.Enabled)
                {
                    throw EngineInit("Configuration error: Policy requires custom guard " + cg.Id + " but no CustomGuardRegistry was provided", cg.Location, doc.Source);
                }
            }

            foreach (var pkg in doc.Guards.Custom)
            {
                if (pkg.Enabled)
                {
                    // Threat-intel packages call remote services; a simulator must stay offline and deterministic.
                    throw EngineInit("Configuration error: custom guard package " + pkg.Package + " needs network access, which PolicySim does not provide (set enabled: false to simulate without it)", pkg.Location, doc.Source);
                }
            }

            var rules = new List<PolicyRule>();
            var guards = new List<IGuard>();
            var g = doc.Guards;

            var fp = g.ForbiddenPath ?? new ForbiddenPathConfig();
            if (fp.Enabled)
            {
                var patterns = fp.EffectivePatterns();
                guards.Add(new ForbiddenPathGuard(PathGlobs(patterns), PathGlobs(fp.Exceptions)));
                AddRules(rules, ForbiddenPathGuard.GuardName, "pattern", patterns);
                AddRules(rules, ForbiddenPathGuard.GuardName, "exception", fp.Exceptions);
            }

            if (g.PathAllowlist is { Enabled: true } pa)
            {
                guards.Add(new PathAllowlistGuard(PathGlobs(pa.FileAccessAllow), PathGlobs(pa.FileWriteAllow), PathGlobs(pa.PatchAllow)));
                AddRules(rules, PathAllowlistGuard.GuardName, "file_access_allow", pa.FileAccessAllow);
                AddRules(rules, PathAllowlistGuard.GuardName, "file_write_allow", pa.FileWriteAllow);
                AddRules(rules, PathAllowlistGuard.GuardName, "patch_allow", pa.PatchAllow);
            }

            var eg = g.EgressAllowlist ?? EgressAllowlistConfig.BuiltIn();
            if (eg.Enabled)
            {
                // additional_*/remove_* only act during a deep merge (spec §1.7); stand-alone they are ignored here.
                var action = eg.DefaultAction ?? EgressDefaultAction.Block;
                guards.Add(new EgressAllowlistGuard(DomainGlobs(eg.Allow), DomainGlobs(eg.Block), action));
                AddRules(rules, EgressAllowlistGuard.GuardName, "block", eg.Block);
                AddRules(rules, EgressAllowlistGuard.GuardName, "allow", eg.Allow);
                AddSetting(rules, EgressAllowlistGuard.GuardName, "default_action", action.ToString().ToLowerInvariant(), eg.Location);
            }

            var mcp = g.McpTool ?? McpToolConfig.BuiltIn();
            if (mcp.Enabled)
            {
                var action = mcp.DefaultAction ?? McpDefaultAction.Allow;
                long max = mcp.MaxArgsSize ?? McpToolConfig.DefaultMaxArgsSize;
                guards.Add(new McpToolGuard(mcp.Allow.Select(s => s.Value), mcp.Block.Select(s => s.Value), mcp.RequireConfirmation.Select(s => s.Value), action, max));
                AddRules(rules, McpToolGuard.GuardName, "block", mcp.Block);
                AddRules(rules, McpToolGuard.GuardName, "require_confirmation", mcp.RequireConfirmation);
                AddRules(rules, McpToolGuard.GuardName, "allow", mcp.Allow);
                AddSetting(rules, McpToolGuard.GuardName, "default_action", action.ToString().ToLowerInvariant(), mcp.Location);
                AddSetting(rules, McpToolGuard.GuardName, "max_args_size", max.ToString(CultureInfo.InvariantCulture), mcp.Location);
            }

            var sl = g.SecretLeak ?? SecretLeakConfig.BuiltIn();
            if (sl.Enabled)
            {
                var patterns = sl.Patterns.Select(p => new SecretPattern(
                    p.Name.Value,
                    p.Pattern.Value,
                    Regex(p.Pattern.Value),
                    p.Severity,
                    p.Description,
                    p.LuhnCheck,
                    p.HasMasking ? p.MaskFirst ?? 4 : 4,
                    p.HasMasking ? p.MaskLast ?? 4 : 4)).ToArray();
                guards.Add(new SecretLeakGuard(patterns, PathGlobs(sl.SkipPaths), sl.SeverityThreshold, sl.Redact));
                foreach (var p in sl.Patterns)
                {
                    rules.Add(new PolicyRule(SecretLeakGuard.GuardName + "/pattern/" + p.Name.Value, Dialect, SecretLeakGuard.GuardName, "pattern", p.Pattern.Value, p.Location ?? p.Pattern.Location));
                }

                AddRules(rules, SecretLeakGuard.GuardName, "skip_path", sl.SkipPaths);
                AddSetting(rules, SecretLeakGuard.GuardName, "severity_threshold", Details.SeverityName(sl.SeverityThreshold), sl.Location);
            }

            var pi = g.PatchIntegrity ?? new PatchIntegrityConfig();
            if (pi.Enabled)
            {
                var forbidden = pi.ForbiddenPatterns.Select(p => (p.Value, Regex(p.Value))).ToArray();
                guards.Add(new PatchIntegrityGuard(forbidden, pi.MaxAdditions, pi.MaxDeletions, pi.RequireBalance, pi.MaxImbalanceRatio));
                AddRules(rules, PatchIntegrityGuard.GuardName, "forbidden_pattern", pi.ForbiddenPatterns);
                AddSetting(rules, PatchIntegrityGuard.GuardName, "max_additions", pi.MaxAdditions.ToString(CultureInfo.InvariantCulture), pi.Location);
                AddSetting(rules, PatchIntegrityGuard.GuardName, "max_deletions", pi.MaxDeletions.ToString(CultureInfo.InvariantCulture), pi.Location);
                if (pi.RequireBalance)
                {
                    AddSetting(rules, PatchIntegrityGuard.GuardName, "max_imbalance_ratio", pi.MaxImbalanceRatio.ToString("R", CultureInfo.InvariantCulture), pi.Location);
                }
            }

            AddTextGuards(doc, guards, rules);

            bool failFast = doc.Settings.FailFast ?? false;
            return (new PolicyEvaluator(guards, failFast), rules);
        }

        static partial void AddTextGuards(ClawdstrikeDocument doc, List<IGuard> guards, List<PolicyRule> rules);

        private static PolicyLoadException EngineInit(string message, SourceLocation? location, string source)
        {
            string full = "Failed to initialize engine: " + message;
            var d = new PolicyDiagnostic(location?.Source ?? source, location?.Line ?? 0, location?.Column ?? 0, string.Empty, full);
            return new PolicyLoadException(full, PolicyLoadFailure.Configuration, new[] { d });
        }

        private static void AddRules(List<PolicyRule> rules, string guard, string kind, IEnumerable<Sourced> values)
        {
            foreach (var v in values)
            {
                rules.Add(new PolicyRule(guard + "/" + kind + "/" + v.Value, Dialect, guard, kind, v.Value, v.Location));
            }
        }

        private static void AddSetting(List<PolicyRule> rules, string guard, string setting, string value, SourceLocation? location) =>
            rules.Add(new PolicyRule(guard + "/" + setting, Dialect, guard, "setting", value, location));

        private static PathGlob[] PathGlobs(IEnumerable<Sourced> values) => values.Select(v =>
        {
            if (!PathGlob.TryCompile(v.Value, out PathGlob? glob, out string? error))
            {
                throw new InvalidOperationException("validated glob failed to compile: " + v.Value + ": " + error);
            }

            return glob!;
        }).ToArray();

        private static DomainGlob[] DomainGlobs(IEnumerable<Sourced> values) => values.Select(v =>
        {
            if (!DomainGlob.TryCompile(v.Value, out DomainGlob? glob, out string? error))
            {
                throw new InvalidOperationException("validated domain glob failed to compile: " + v.Value + ": " + error);
            }

            return glob!;
        }).ToArray();

        private static Regex Regex(string pattern)
        {
            if (!RustRegex.TryCompile(pattern, out Regex? regex, out string? error))
            {
                throw new InvalidOperationException("validated regex failed to compile: " + pattern + ": " + error);
            }

            return regex!;
        }
    }
}
