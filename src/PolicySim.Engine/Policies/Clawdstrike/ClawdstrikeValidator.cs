using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using PolicySim.Evaluation.Matching;

namespace PolicySim.Policies.Clawdstrike
{
    /// <summary>
    /// Semantic validation of a parsed or merged document (spec §1.2, §1.4, Appendix A). The version check runs first
    /// and short-circuits; every other rule is collected.
    /// </summary>
    internal static class ClawdstrikeValidator
    {
        public static readonly string[] SupportedVersions = { "1.1.0", "1.2.0" };

        internal static readonly string[] Capabilities = { "file_access", "file_write", "egress", "shell", "mcp_tool", "patch", "custom" };
        internal static readonly string[] Budgets = { "file_writes", "egress_calls", "shell_commands", "mcp_tool_calls", "patches", "custom_calls" };
        internal static readonly string[] Triggers = { "user_approval", "user_denial", "critical_violation", "any_violation", "timeout", "budget_exhausted", "pattern_match" };

        private static readonly Regex Placeholder = new Regex(@"\$\{([^}]*)\}", RegexOptions.CultureInvariant);

        /// <summary>Validates; returns the diagnostics (empty when valid).</summary>
        public static List<PolicyDiagnostic> Validate(ClawdstrikeDocument doc, Func<string, string?> environment)
        {
            var errors = new List<PolicyDiagnostic>();
            string source = doc.Source;

            if (!IsStrictSemver(doc.Version))
            {
                errors.Add(At(doc.VersionLocation, source, "version", "Invalid policy version: " + doc.Version));
                return errors;
            }

            if (!SupportedVersions.Contains(doc.Version, StringComparer.Ordinal))
            {
                errors.Add(At(doc.VersionLocation, source, "version", "Unsupported policy version: found " + doc.Version + ", supported " + string.Join(", ", SupportedVersions)));
                return errors;
            }

            bool v12 = CompareSemver(doc.Version, "1.2.0") >= 0;
            if (!v12 && doc.Posture != null)
            {
                errors.Add(At(doc.PostureLocation, source, "posture", "posture requires policy version 1.2.0"));
            }

            var g = doc.Guards;
            if (!v12 && g.PathAllowlist != null)
            {
                errors.Add(At(g.PathAllowlist.Location, source, "guards.path_allowlist", "path_allowlist requires policy version 1.2.0"));
            }

            if (g.ForbiddenPath is { } fp)
            {
                PathGlobs(errors, source, "guards.forbidden_path.patterns", fp.Patterns ?? new List<Sourced>());
                PathGlobs(errors, source, "guards.forbidden_path.exceptions", fp.Exceptions);
                PathGlobs(errors, source, "guards.forbidden_path.additional_patterns", fp.AdditionalPatterns);
                PathGlobs(errors, source, "guards.forbidden_path.remove_patterns", fp.RemovePatterns);
            }

            if (g.PathAllowlist is { } pa)
            {
                PathGlobs(errors, source, "guards.path_allowlist.file_access_allow", pa.FileAccessAllow);
                PathGlobs(errors, source, "guards.path_allowlist.file_write_allow", pa.FileWriteAllow);
                PathGlobs(errors, source, "guards.path_allowlist.patch_allow", pa.PatchAllow);
            }

            if (g.EgressAllowlist is { } eg)
            {
                DomainGlobs(errors, source, "guards.egress_allowlist.allow", eg.Allow);
                DomainGlobs(errors, source, "guards.egress_allowlist.block", eg.Block);
                DomainGlobs(errors, source, "guards.egress_allowlist.additional_allow", eg.AdditionalAllow);
                DomainGlobs(errors, source, "guards.egress_allowlist.additional_block", eg.AdditionalBlock);
                DomainGlobs(errors, source, "guards.egress_allowlist.remove_allow", eg.RemoveAllow);
                DomainGlobs(errors, source, "guards.egress_allowlist.remove_block", eg.RemoveBlock);
            }

            if (g.SecretLeak is { } sl)
            {
                for (int i = 0; i < sl.Patterns.Count; i++)
                {
                    var p = sl.Patterns[i];
                    if (!RustRegex.TryCompile(p.Pattern.Value, out _, out string? err))
                    {
                        errors.Add(At(p.Pattern.Location ?? p.Location, source, Idx("guards.secret_leak.patterns", i) + ".pattern", "invalid regex (" + p.Name.Value + "): " + err));
                    }
                }

                PathGlobs(errors, source, "guards.secret_leak.skip_paths", sl.SkipPaths);
            }

            if (g.PatchIntegrity is { } pi)
            {
                for (int i = 0; i < pi.ForbiddenPatterns.Count; i++)
                {
                    if (!RustRegex.TryCompile(pi.ForbiddenPatterns[i].Value, out _, out string? err))
                    {
                        errors.Add(At(pi.ForbiddenPatterns[i].Location, source, Idx("guards.patch_integrity.forbidden_patterns", i), "invalid regex: " + err));
                    }
                }
            }

            if (g.PromptInjection is { } inj)
            {
                if (inj.MaxScanBytes <= 0)
                {
                    errors.Add(At(inj.MaxScanBytesLocation ?? inj.Location, source, "guards.prompt_injection.max_scan_bytes", "max_scan_bytes must be > 0"));
                }

                if (inj.WarnAtOrAbove > inj.BlockAtOrAbove)
                {
                    errors.Add(At(inj.WarnLocation ?? inj.Location, source, "guards.prompt_injection.warn_at_or_above", "warn_at_or_above must be <= block_at_or_above"));
                }
            }

            ValidateCustomGuards(errors, doc);
            ValidateCustomPackages(errors, doc);
            ValidatePlaceholders(errors, doc, environment);
            if (doc.Posture != null)
            {
                ValidatePosture(errors, doc.Posture, source);
            }

            return errors;
        }

        public static string FormatValidationFailure(IReadOnlyList<PolicyDiagnostic> errors)
        {
            if (errors.Count == 1 && (errors[0].Message.StartsWith("Invalid policy version", StringComparison.Ordinal) || errors[0].Message.StartsWith("Unsupported policy version", StringComparison.Ordinal)))
            {
                return errors[0].Message;
            }

            var lines = new List<string> { "Policy validation failed with " + errors.Count.ToString(CultureInfo.InvariantCulture) + " error(s):" };
            lines.AddRange(errors.Select(e => "- " + e.FieldPath + ": " + e.Message + (e.Line > 0 ? " (" + e.Source + ":" + e.Line.ToString(CultureInfo.InvariantCulture) + ":" + e.Column.ToString(CultureInfo.InvariantCulture) + ")" : string.Empty)));
            return string.Join("\n", lines);
        }

        internal static bool IsStrictSemver(string v)
        {
            string[] parts = v.Split('.');
            if (parts.Length != 3)
            {
                return false;
            }

            foreach (string part in parts)
            {
                if (part.Length == 0 || part.Any(c => c < '0' || c > '9') || (part.Length > 1 && part[0] == '0'))
                {
                    return false;
                }
            }

            return true;
        }

        internal static int CompareSemver(string a, string b)
        {
            var pa = a.Split('.').Select(x => ulong.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            var pb = b.Split('.').Select(x => ulong.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            for (int i = 0; i < 3; i++)
            {
                int c = pa[i].CompareTo(pb[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        }

        private static string Idx(string path, int i) => path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";

        private static PolicyDiagnostic At(SourceLocation? loc, string source, string path, string message) =>
            new PolicyDiagnostic(loc?.Source ?? source, loc?.Line ?? 0, loc?.Column ?? 0, path, message);

        private static void PathGlobs(List<PolicyDiagnostic> errors, string source, string path, List<Sourced> list)
        {
            for (int i = 0; i < list.Count; i++)
            {
                if (!PathGlob.TryCompile(list[i].Value, out _, out string? err))
                {
                    errors.Add(At(list[i].Location, source, Idx(path, i), "invalid glob \"" + list[i].Value + "\": " + err));
                }
            }
        }

        private static void DomainGlobs(List<PolicyDiagnostic> errors, string source, string path, List<Sourced> list)
        {
            for (int i = 0; i < list.Count; i++)
            {
                if (!DomainGlob.TryCompile(list[i].Value, out _, out string? err))
                {
                    errors.Add(At(list[i].Location, source, Idx(path, i), "invalid domain glob \"" + list[i].Value + "\": " + err));
                }
            }
        }

        private static void ValidateCustomGuards(List<PolicyDiagnostic> errors, ClawdstrikeDocument doc)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < doc.CustomGuards.Count; i++)
            {
                var c = doc.CustomGuards[i];
                string path = Idx("custom_guards", i);
                string id = c.Id.Trim();
                if (id.Length == 0)
                {
                    errors.Add(At(c.Location, doc.Source, path + ".id", "custom guard id must be non-empty"));
                }
                else if (!seen.Add(id))
                {
                    errors.Add(At(c.Location, doc.Source, path + ".id", "duplicate custom guard id: " + id));
                }

                if (c.Config is not Dictionary<string, object?>)
                {
                    errors.Add(At(c.Location, doc.Source, path + ".config", "config must be a JSON object"));
                }
            }
        }

        private static void ValidateCustomPackages(List<PolicyDiagnostic> errors, ClawdstrikeDocument doc)
        {
            var list = doc.Guards.Custom;
            for (int i = 0; i < list.Count; i++)
            {
                var c = list[i];
                if (!c.Enabled)
                {
                    continue;
                }

                string path = Idx("guards.custom", i);
                string[]? required = c.Package switch
                {
                    "clawdstrike-virustotal" => new[] { "api_key" },
                    "clawdstrike-safe-browsing" => new[] { "api_key", "client_id" },
                    "clawdstrike-snyk" => new[] { "api_token", "org_id" },
                    _ => null,
                };
                if (required == null)
                {
                    errors.Add(At(c.Location, doc.Source, path + ".package", "unsupported custom guard package: " + c.Package));
                    continue;
                }

                var config = c.Config as Dictionary<string, object?>;
                foreach (string key in required)
                {
                    if (config == null || !config.TryGetValue(key, out object? v) || v is not string s || s.Trim().Length == 0)
                    {
                        errors.Add(At(c.Location, doc.Source, path + ".config." + key, "missing/invalid required config string: " + key));
                    }
                }

                if (c.Async != null && c.Async.TryGetValue("timeout_ms", out object? t) && t is long ms && (ms < 100 || ms > 300_000))
                {
                    errors.Add(At(c.Location, doc.Source, path + ".async.timeout_ms", "timeout_ms must be between 100 and 300000"));
                }
            }
        }

        private static void ValidatePlaceholders(List<PolicyDiagnostic> errors, ClawdstrikeDocument doc, Func<string, string?> environment)
        {
            var g = doc.Guards;
            void Check(string path, Sourced? s, int? index = null)
            {
                if (s == null)
                {
                    return;
                }

                foreach (Match m in Placeholder.Matches(s.Value))
                {
                    string name = m.Groups[1].Value;
                    if (name.StartsWith("secrets.", StringComparison.Ordinal))
                    {
                        name = name.Substring("secrets.".Length);
                    }

                    string p = index.HasValue ? Idx(path, index.Value) : path;
                    if (name.Length == 0)
                    {
                        errors.Add(At(s.Location, doc.Source, p, "invalid placeholder " + m.Value));
                    }
                    else if (environment(name) == null)
                    {
                        errors.Add(At(s.Location, doc.Source, p, "missing environment variable for placeholder " + m.Value));
                    }
                }
            }

            void CheckList(string path, IEnumerable<Sourced> list)
            {
                int i = 0;
                foreach (var s in list)
                {
                    Check(path, s, i++);
                }
            }

            if (g.ForbiddenPath is { Enabled: true } fp)
            {
                CheckList("guards.forbidden_path.patterns", fp.Patterns ?? new List<Sourced>());
                CheckList("guards.forbidden_path.exceptions", fp.Exceptions);
                CheckList("guards.forbidden_path.additional_patterns", fp.AdditionalPatterns);
                CheckList("guards.forbidden_path.remove_patterns", fp.RemovePatterns);
            }

            if (g.PathAllowlist is { Enabled: true } pa)
            {
                CheckList("guards.path_allowlist.file_access_allow", pa.FileAccessAllow);
                CheckList("guards.path_allowlist.file_write_allow", pa.FileWriteAllow);
                CheckList("guards.path_allowlist.patch_allow", pa.PatchAllow);
            }

            if (g.EgressAllowlist is { Enabled: true } eg)
            {
                CheckList("guards.egress_allowlist.allow", eg.Allow);
                CheckList("guards.egress_allowlist.block", eg.Block);
                CheckList("guards.egress_allowlist.additional_allow", eg.AdditionalAllow);
                CheckList("guards.egress_allowlist.remove_allow", eg.RemoveAllow);
                CheckList("guards.egress_allowlist.additional_block", eg.AdditionalBlock);
                CheckList("guards.egress_allowlist.remove_block", eg.RemoveBlock);
            }

            if (g.SecretLeak is { Enabled: true } sl)
            {
                for (int i = 0; i < sl.Patterns.Count; i++)
                {
                    Check(Idx("guards.secret_leak.patterns", i) + ".name", sl.Patterns[i].Name);
                    Check(Idx("guards.secret_leak.patterns", i) + ".pattern", sl.Patterns[i].Pattern);
                }

                CheckList("guards.secret_leak.skip_paths", sl.SkipPaths);
            }

            if (g.PatchIntegrity is { Enabled: true } pi)
            {
                CheckList("guards.patch_integrity.forbidden_patterns", pi.ForbiddenPatterns);
            }

            for (int i = 0; i < g.Custom.Count; i++)
            {
                if (g.Custom[i].Enabled)
                {
                    foreach (string s in ConfigStrings(g.Custom[i].Config))
                    {
                        Check(Idx("guards.custom", i) + ".config", new Sourced(s, g.Custom[i].Location));
                    }
                }
            }

            for (int i = 0; i < doc.CustomGuards.Count; i++)
            {
                if (doc.CustomGuards[i].Enabled)
                {
                    foreach (string s in ConfigStrings(doc.CustomGuards[i].Config))
                    {
                        Check(Idx("custom_guards", i) + ".config", new Sourced(s, doc.CustomGuards[i].Location));
                    }
                }
            }
        }

        private static IEnumerable<string> ConfigStrings(object? value)
        {
            switch (value)
            {
                case string s:
                    yield return s;
                    break;
                case Dictionary<string, object?> d:
                    foreach (var v in d.Values)
                    {
                        foreach (var s in ConfigStrings(v))
                        {
                            yield return s;
                        }
                    }

                    break;
                case List<object?> l:
                    foreach (var v in l)
                    {
                        foreach (var s in ConfigStrings(v))
                        {
                            yield return s;
                        }
                    }

                    break;
            }
        }

        private static void ValidatePosture(List<PolicyDiagnostic> errors, PostureConfig posture, string source)
        {
            if (posture.States.Count == 0)
            {
                errors.Add(At(posture.Location, source, "posture.states", "posture must define at least one state"));
            }

            var names = new HashSet<string>(posture.States.Select(s => s.Name), StringComparer.Ordinal);
            if (!names.Contains(posture.Initial))
            {
                errors.Add(At(posture.Location, source, "posture.initial", "initial state '" + posture.Initial + "' is not defined"));
            }

            foreach (var state in posture.States)
            {
                string sp = "posture.states." + state.Name;
                foreach (string cap in state.Capabilities)
                {
                    if (!Capabilities.Contains(cap, StringComparer.Ordinal))
                    {
                        errors.Add(At(state.Location, source, sp + ".capabilities", "unknown capability '" + cap + "'"));
                    }
                }

                foreach (var budget in state.Budgets)
                {
                    if (!Budgets.Contains(budget.Key, StringComparer.Ordinal))
                    {
                        errors.Add(At(state.Location, source, sp + ".budgets." + budget.Key, "unknown budget '" + budget.Key + "'"));
                    }
                    else if (budget.Value < 0)
                    {
                        errors.Add(At(state.Location, source, sp + ".budgets." + budget.Key, "budget must be non-negative"));
                    }
                }
            }

            for (int i = 0; i < posture.Transitions.Count; i++)
            {
                var t = posture.Transitions[i];
                string tp = Idx("posture.transitions", i);
                if (t.From != "*" && !names.Contains(t.From))
                {
                    errors.Add(At(t.Location, source, tp + ".from", "unknown state '" + t.From + "'"));
                }

                if (t.To == "*" || !names.Contains(t.To))
                {
                    errors.Add(At(t.Location, source, tp + ".to", "unknown state '" + t.To + "'"));
                }

                if (!Triggers.Contains(t.On, StringComparer.Ordinal))
                {
                    errors.Add(At(t.Location, source, tp + ".on", "unknown trigger '" + t.On + "'"));
                }
                else if (t.On == "timeout" && (t.After == null || !TryParseDuration(t.After, out _)))
                {
                    errors.Add(At(t.Location, source, tp + ".after", "timeout transition requires a valid 'after' duration (e.g. 30s, 5m, 1h)"));
                }
            }
        }

        internal static bool TryParseDuration(string text, out TimeSpan duration)
        {
            duration = TimeSpan.Zero;
            if (text.Length < 2)
            {
                return false;
            }

            char unit = text[text.Length - 1];
            string digits = text.Substring(0, text.Length - 1);
            if (digits.Any(c => c < '0' || c > '9') || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long n))
            {
                return false;
            }

            switch (unit)
            {
                case 's':
                    duration = TimeSpan.FromSeconds(n);
                    return true;
                case 'm':
                    duration = TimeSpan.FromMinutes(n);
                    return true;
                case 'h':
                    duration = TimeSpan.FromHours(n);
                    return true;
                default:
                    return false;
            }
        }
    }
}
