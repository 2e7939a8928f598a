using System.Collections.Generic;
using PolicySim.Evaluation;

namespace PolicySim.Policies.Clawdstrike
{
    /// <summary>The guards' built-in configuration, used when a section or field is omitted (spec §1.3).</summary>
    internal static class ClawdstrikeDefaults
    {
        public static readonly IReadOnlyList<string> ForbiddenPathPatterns = new[]
        {
            "**/.ssh/**", "**/id_rsa*", "**/id_ed25519*", "**/id_ecdsa*", "**/.aws/**", "**/.env", "**/.env.*",
            "**/.git-credentials", "**/.gitconfig", "**/.gnupg/**", "**/.kube/**", "**/.docker/**", "**/.npmrc",
            "**/.password-store/**", "**/pass/**", "**/.1password/**", "/etc/shadow", "/etc/passwd", "/etc/sudoers",
        };

        public static readonly IReadOnlyList<string> EgressAllow = new[]
        {
            "*.openai.com", "*.anthropic.com", "api.github.com", "*.npmjs.org", "registry.npmjs.org", "pypi.org",
            "files.pythonhosted.org", "crates.io", "static.crates.io",
        };

        public static readonly IReadOnlyList<string> SecretSkipPaths = new[]
        {
            "**/test/**", "**/tests/**", "**/*_test.*", "**/*.test.*",
        };

        // Note: the built-ins use "[ _\-]" where the shipped rulesets use "[\s_\-]"; the last one is case-sensitive.
        public static readonly IReadOnlyList<string> PatchForbiddenPatterns = new[]
        {
            @"(?i)disable[ _\-]?(security|auth|ssl|tls)",
            @"(?i)skip[ _\-]?(verify|validation|check)",
            @"(?i)rm\s+-rf\s+/",
            @"(?i)chmod\s+777",
            @"(?i)eval\s*\(",
            @"(?i)exec\s*\(",
            @"(?i)reverse[_\-]?shell",
            @"(?i)bind[_\-]?shell",
            @"base64[_\-]?decode.*exec",
        };

        public static readonly IReadOnlyList<string> McpBlock = new[] { "shell_exec", "run_command", "raw_file_write", "raw_file_delete" };

        public static readonly IReadOnlyList<string> McpRequireConfirmation = new[] { "file_write", "file_delete", "git_push" };

        private static readonly (string Name, string Pattern, GuardSeverity Severity)[] SecretPatterns =
        {
            ("aws_access_key", "AKIA[0-9A-Z]{16}", GuardSeverity.Critical),
            ("aws_secret_key", @"(?i)aws[_\-]?secret[_\-]?access[_\-]?key['""]?\s*[:=]\s*['""]?[A-Za-z0-9/+=]{40}", GuardSeverity.Critical),
            ("github_token", "gh[ps]_[A-Za-z0-9]{36}", GuardSeverity.Critical),
            ("github_pat", "github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}", GuardSeverity.Critical),
            ("openai_key", "sk-[A-Za-z0-9]{48}", GuardSeverity.Critical),
            ("anthropic_key", @"sk-ant-[A-Za-z0-9\-]{95}", GuardSeverity.Critical),
            ("private_key", @"-----BEGIN\s+(RSA\s+)?PRIVATE\s+KEY-----", GuardSeverity.Critical),
            ("npm_token", "npm_[A-Za-z0-9]{36}", GuardSeverity.Critical),
            ("slack_token", "xox[baprs]-[0-9]{10,13}-[0-9]{10,13}[a-zA-Z0-9-]*", GuardSeverity.Critical),
            ("generic_api_key", @"(?i)(api[_\-]?key|apikey)['""]?\s*[:=]\s*['""]?[A-Za-z0-9]{32,}", GuardSeverity.Warning),
            ("generic_secret", @"(?i)(secret|password|passwd|pwd)['""]?\s*[:=]\s*['""]?[A-Za-z0-9!@#$%^&*]{8,}", GuardSeverity.Warning),
        };

        public static List<SecretPatternSpec> BuiltInSecretPatterns()
        {
            var list = new List<SecretPatternSpec>(SecretPatterns.Length);
            foreach (var (name, pattern, severity) in SecretPatterns)
            {
                list.Add(new SecretPatternSpec { Name = new Sourced(name, null), Pattern = new Sourced(pattern, null), Severity = severity });
            }

            return list;
        }
    }
}
