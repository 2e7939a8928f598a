using System;
using System.Collections.Generic;
using System.IO;
using PolicySim.Evaluation.Posture;
using PolicySim.Policies.Clawdstrike;
using PolicySim.Serialization;

namespace PolicySim.Policies
{
    /// <summary>Loads policies from built-in ruleset names, files or YAML text, and compiles them.</summary>
    public static class PolicyLoader
    {
        /// <summary>Gets the names of the built-in rulesets (also accepted with a <c>clawdstrike:</c> prefix).</summary>
        public static IReadOnlyList<string> BuiltInRulesetNames => BuiltInRulesets.Names;

        /// <summary>Whether <paramref name="reference"/> names a built-in ruleset (bare or <c>clawdstrike:</c>-prefixed).</summary>
        /// <param name="reference">The reference.</param>
        /// <returns>True for a built-in name.</returns>
        public static bool IsBuiltInRuleset(string reference) => BuiltInRulesets.TryResolve(reference ?? string.Empty, out _);

        /// <summary>Gets the YAML text of a built-in ruleset.</summary>
        /// <param name="name">The ruleset name (bare or prefixed).</param>
        /// <returns>The YAML.</returns>
        public static string GetBuiltInRulesetYaml(string name)
        {
            if (!BuiltInRulesets.TryResolve(name ?? string.Empty, out string id))
            {
                throw new ArgumentException("not a built-in ruleset: " + name, nameof(name));
            }

            return BuiltInRulesets.Yaml(id);
        }

        /// <summary>
        /// Loads a policy by reference: a built-in ruleset name wins over a file of the same name (spec §5.1);
        /// anything else is a file path. <c>extends</c> is always resolved.
        /// </summary>
        /// <param name="reference">Built-in name or file path.</param>
        /// <param name="options">Options, or null for defaults.</param>
        /// <returns>The compiled policy.</returns>
        /// <exception cref="PolicyLoadException">The policy is invalid (Configuration) or unreadable (Io).</exception>
        public static PolicyDefinition Load(string reference, PolicyLoadOptions? options = null)
        {
            if (reference is null)
            {
                throw new ArgumentNullException(nameof(reference));
            }

            options ??= PolicyLoadOptions.Default;
            if (BuiltInRulesets.TryResolve(reference, out string id))
            {
                var doc = new ClawdstrikeLoader(options).Load(BuiltInRulesets.Yaml(id), "ruleset:" + id, null);
                return Build(doc, PolicySourceKind.Ruleset, id, null);
            }

            string full = Path.GetFullPath(Path.Combine(options.BaseDirectory ?? Directory.GetCurrentDirectory(), reference));
            string yaml;
            try
            {
                yaml = File.ReadAllText(full);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                string os = ex is FileNotFoundException || ex is DirectoryNotFoundException ? "No such file or directory (os error 2)" : ex.Message;
                string message = RustDebug.Quote(reference) + " is not a known ruleset; failed to load policy file: IO error: " + os;
                throw new PolicyLoadException(message, PolicyLoadFailure.Io, new[] { new PolicyDiagnostic(reference, 0, 0, string.Empty, message) }, ex);
            }

            try
            {
                var doc = new ClawdstrikeLoader(options).Load(yaml, reference, Path.GetDirectoryName(full));
                return Build(doc, PolicySourceKind.PolicyFile, reference, full);
            }
            catch (PolicyLoadException ex)
            {
                throw new PolicyLoadException(RustDebug.Quote(reference) + " is not a known ruleset; failed to load policy file: " + ex.Message, ex.Failure, ex.Diagnostics, ex);
            }
        }

        /// <summary>Loads a policy from YAML text. Relative <c>extends</c> resolve against <see cref="PolicyLoadOptions.BaseDirectory"/>.</summary>
        /// <param name="yaml">The YAML text.</param>
        /// <param name="sourceName">A name for messages (default <c>&lt;inline&gt;</c>).</param>
        /// <param name="options">Options, or null for defaults.</param>
        /// <returns>The compiled policy.</returns>
        /// <exception cref="PolicyLoadException">The policy is invalid.</exception>
        public static PolicyDefinition LoadYaml(string yaml, string? sourceName = null, PolicyLoadOptions? options = null)
        {
            if (yaml is null)
            {
                throw new ArgumentNullException(nameof(yaml));
            }

            options ??= PolicyLoadOptions.Default;
            string name = sourceName ?? "<inline>";
            var doc = new ClawdstrikeLoader(options).Load(yaml, name, options.BaseDirectory);
            return Build(doc, PolicySourceKind.Inline, name, null);
        }

        /// <summary>Loads a policy document already in YAML nodes, as <see cref="LoadYaml"/> loads text (inline source).</summary>
        internal static PolicyDefinition LoadNode(YamlDotNet.RepresentationModel.YamlNode root, string sourceName, PolicyLoadOptions options)
        {
            var doc = new ClawdstrikeLoader(options).Load(root, sourceName, options.BaseDirectory);
            return Build(doc, PolicySourceKind.Inline, sourceName, null);
        }

        private static PolicyDefinition Build(ClawdstrikeDocument doc, PolicySourceKind kind, string reference, string? path)
        {
            var (evaluator, rules) = ClawdstrikeCompiler.Compile(doc);
            return new PolicyDefinition(doc.Name, doc.Description, doc.Version, ClawdstrikeCompiler.Dialect, kind, reference, path, evaluator.FailFast, rules, evaluator, doc, doc.Posture == null ? null : new PostureMachine(doc.Posture));
        }
    }
}
