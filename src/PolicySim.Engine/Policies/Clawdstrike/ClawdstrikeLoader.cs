using System;
using System.Collections.Generic;
using System.IO;

namespace PolicySim.Policies.Clawdstrike
{
    /// <summary>
    /// Loads a document and resolves its <c>extends</c> chain (spec §1.5): built-in names first, then files relative to
    /// the extending file; cycles are detected as the reference does (one hop late). PolicySim always resolves, and
    /// adds a depth limit the reference does not have.
    /// </summary>
    internal sealed class ClawdstrikeLoader
    {
        private readonly PolicyLoadOptions _options;

        public ClawdstrikeLoader(PolicyLoadOptions options) => _options = options;

        /// <param name="yaml">The document text.</param>
        /// <param name="source">Display name: the file path, <c>ruleset:NAME</c> or <c>&lt;inline&gt;</c>.</param>
        /// <param name="directory">Directory that relative <c>extends</c> resolve against (null: the working directory).</param>
        public ClawdstrikeDocument Load(string yaml, string source, string? directory) =>
            Load(yaml, source, directory, new HashSet<string>(StringComparer.Ordinal), 0);

        /// <summary>Loads a document already in YAML nodes (see <see cref="ClawdstrikeParser.Parse(YamlDotNet.RepresentationModel.YamlNode, string, List{PolicyDiagnostic})"/>).</summary>
        public ClawdstrikeDocument Load(YamlDotNet.RepresentationModel.YamlNode root, string source, string? directory)
        {
            var diagnostics = new List<PolicyDiagnostic>();
            return Resolve(ClawdstrikeParser.Parse(root, source, diagnostics), diagnostics, directory, new HashSet<string>(StringComparer.Ordinal), 0);
        }

        private ClawdstrikeDocument Load(string yaml, string source, string? directory, HashSet<string> visited, int depth)
        {
            var diagnostics = new List<PolicyDiagnostic>();
            return Resolve(ClawdstrikeParser.Parse(yaml, source, diagnostics), diagnostics, directory, visited, depth);
        }

        private ClawdstrikeDocument Resolve(ClawdstrikeDocument doc, List<PolicyDiagnostic> diagnostics, string? directory, HashSet<string> visited, int depth)
        {
            if (diagnostics.Count > 0)
            {
                throw Failure(diagnostics);
            }

            if (doc.Extends == null)
            {
                Validate(doc);
                return doc;
            }

            if (depth >= _options.MaxExtendsDepth)
            {
                throw Single(doc, "extends", "extends chain is deeper than " + _options.MaxExtendsDepth + " levels: " + doc.Extends);
            }

            string reference = doc.Extends;
            string key;
            string baseYaml;
            string baseSource;
            string? baseDirectory;
            if (BuiltInRulesets.TryResolve(reference, out string id))
            {
                key = "ruleset:" + id;
                baseYaml = BuiltInRulesets.Yaml(id);
                baseSource = "ruleset:" + id;
                baseDirectory = null;
            }
            else
            {
                string root = directory ?? _options.BaseDirectory ?? Directory.GetCurrentDirectory();
                string full = Path.GetFullPath(Path.Combine(root, reference));
                if (!File.Exists(full))
                {
                    throw Single(doc, "extends", "Unknown ruleset or file not found: " + reference);
                }

                if (_options.AllowedRoots is { Count: > 0 } roots && !IsUnder(full, roots))
                {
                    throw Single(doc, "extends", "extends target is outside the allowed roots: " + reference);
                }

                key = "file:" + full;
                try
                {
                    baseYaml = File.ReadAllText(full);
                }
                catch (IOException ex)
                {
                    throw Single(doc, "extends", "Unknown ruleset or file not found: " + reference + " (" + ex.Message + ")");
                }
                catch (UnauthorizedAccessException ex)
                {
                    throw Single(doc, "extends", "Unknown ruleset or file not found: " + reference + " (" + ex.Message + ")");
                }

                baseSource = full;
                baseDirectory = Path.GetDirectoryName(full);
            }

            if (!visited.Add(key))
            {
                throw Single(doc, "extends", "Circular policy extension detected: " + reference);
            }

            ClawdstrikeDocument baseDoc = Load(baseYaml, baseSource, baseDirectory, visited, depth + 1);
            ClawdstrikeDocument merged = ClawdstrikeMerger.Merge(baseDoc, doc);
            Validate(merged);
            return merged;
        }

        private static bool IsUnder(string full, IReadOnlyList<string> roots)
        {
            foreach (string root in roots)
            {
                string r = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
                if (full.StartsWith(r, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private void Validate(ClawdstrikeDocument doc)
        {
            var errors = ClawdstrikeValidator.Validate(doc, _options.Environment ?? Environment.GetEnvironmentVariable);
            if (errors.Count > 0)
            {
                throw new PolicyLoadException(ClawdstrikeValidator.FormatValidationFailure(errors), PolicyLoadFailure.Configuration, errors);
            }
        }

        private static PolicyLoadException Single(ClawdstrikeDocument doc, string path, string message)
        {
            var d = new PolicyDiagnostic(doc.ExtendsLocation?.Source ?? doc.Source, doc.ExtendsLocation?.Line ?? 0, doc.ExtendsLocation?.Column ?? 0, path, message);
            return new PolicyLoadException(message, PolicyLoadFailure.Configuration, new[] { d });
        }

        private static PolicyLoadException Failure(List<PolicyDiagnostic> diagnostics)
        {
            string message = diagnostics.Count == 1
                ? diagnostics[0].ToString()
                : "Policy parse failed with " + diagnostics.Count + " error(s):\n" + string.Join("\n", diagnostics.ConvertAll(d => "- " + d));
            return new PolicyLoadException(message, PolicyLoadFailure.Configuration, diagnostics);
        }
    }
}
