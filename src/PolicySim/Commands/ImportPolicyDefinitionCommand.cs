using System;
using System.Collections.ObjectModel;
using System.Management.Automation;
using PolicySim.Policies;

namespace PolicySim.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Loads, validates and compiles a policy.</para>
    /// <para type="description">
    /// Loads a policy from files (<c>-Path</c> with wildcards, <c>-LiteralPath</c>), a built-in ruleset (<c>-Name</c>)
    /// or YAML text (<c>-Yaml</c>), resolves <c>extends</c> and compiles it. The result is accepted by every
    /// <c>-Policy</c> parameter. A policy that cannot be loaded is an error for that item only.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsData.Import, "PolicyDefinition", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(PolicyDefinition))]
    public sealed class ImportPolicyDefinitionCommand : PSCmdlet
    {
        /// <summary>The parameter set of <c>-Path</c>.</summary>
        public const string PathSet = "Path";

        /// <summary>The parameter set of <c>-LiteralPath</c>.</summary>
        public const string LiteralPathSet = "LiteralPath";

        /// <summary>The parameter set of <c>-Name</c>.</summary>
        public const string NameSet = "Name";

        /// <summary>The parameter set of <c>-Yaml</c>.</summary>
        public const string YamlSet = "Yaml";

        /// <summary>Gets or sets the policy files; wildcards are expanded.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>Gets or sets the policy files, taken exactly as written (no wildcards).</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>Gets or sets built-in ruleset names (<c>default</c>, <c>strict</c>, <c>ai-agent</c>, <c>cicd</c>, <c>permissive</c>).</summary>
        [Parameter(Mandatory = true, ParameterSetName = NameSet)]
        [ArgumentCompleter(typeof(BuiltInRulesetCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = Array.Empty<string>();

        /// <summary>Gets or sets the policy as YAML text.</summary>
        [Parameter(Mandatory = true, ParameterSetName = YamlSet)]
        [ValidateNotNullOrEmpty]
        public string Yaml { get; set; } = string.Empty;

        /// <summary>Gets or sets the name used for YAML text in messages and rule locations (default <c>&lt;inline&gt;</c>).</summary>
        [Parameter(ParameterSetName = YamlSet)]
        [ValidateNotNullOrEmpty]
        public string? SourceName { get; set; }

        /// <summary>Loads each policy named by the bound parameter set.</summary>
        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case YamlSet:
                    LoadYaml();
                    break;
                case NameSet:
                    foreach (string name in Name)
                    {
                        LoadName(name);
                    }

                    break;
                case LiteralPathSet:
                    foreach (string path in LiteralPath)
                    {
                        LoadFile(SessionState.Path.GetUnresolvedProviderPathFromPSPath(path), path);
                    }

                    break;
                default:
                    foreach (string path in Path)
                    {
                        LoadWildcard(path);
                    }

                    break;
            }
        }

        private void LoadYaml()
        {
            try
            {
                WriteObject(PolicyLoader.LoadYaml(Yaml, SourceName, PolicyPaths.Options(SessionState)));
            }
            catch (PolicyLoadException ex)
            {
                WriteError(PolicyPaths.LoadError(ex, Yaml));
            }
        }

        private void LoadName(string name)
        {
            if (!PolicyLoader.IsBuiltInRuleset(name))
            {
                var ex = new ItemNotFoundException("'" + name + "' is not a built-in ruleset. Built-in rulesets: " + string.Join(", ", PolicyLoader.BuiltInRulesetNames) + ".");
                WriteError(new ErrorRecord(ex, ErrorIds.UnknownRuleset, ErrorCategory.ObjectNotFound, name));
                return;
            }

            try
            {
                WriteObject(PolicyLoader.Load(name, PolicyPaths.Options(SessionState)));
            }
            catch (PolicyLoadException ex)
            {
                WriteError(PolicyPaths.LoadError(ex, name));
            }
        }

        private void LoadWildcard(string path)
        {
            Collection<string> files;
            ProviderInfo provider;
            try
            {
                files = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
            }
            catch (ItemNotFoundException ex)
            {
                WriteError(new ErrorRecord(ex, ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, path));
                return;
            }

            if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
            {
                var ex = new ArgumentException("'" + path + "' is a " + provider.Name + " path; policies are read from the file system.");
                WriteError(new ErrorRecord(ex, ErrorIds.NotAFileSystemPath, ErrorCategory.InvalidArgument, path));
                return;
            }

            if (files.Count == 0)
            {
                var ex = new ItemNotFoundException("No policy file matches '" + path + "'.");
                WriteError(new ErrorRecord(ex, ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, path));
                return;
            }

            foreach (string file in files)
            {
                LoadFile(file, file);
            }
        }

        private void LoadFile(string fullPath, string target)
        {
            WriteVerbose("Loading policy " + fullPath);
            try
            {
                WriteObject(PolicyLoader.Load(fullPath, PolicyPaths.Options(SessionState)));
            }
            catch (PolicyLoadException ex)
            {
                WriteError(PolicyPaths.LoadError(ex, target));
            }
        }
    }
}
