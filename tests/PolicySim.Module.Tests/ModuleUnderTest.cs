using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using PolicySim.HelpGen;

namespace PolicySim.Tests
{
    /// <summary>The assembled module (bin/.../module/PolicySim) opened with MetadataLoadContext: nothing of it runs.</summary>
    internal static class ModuleUnderTest
    {
        public const string SmaNamespace = "System.Management.Automation.";
        public const string AllSets = "__AllParameterSets";

        private static readonly Lazy<MetadataLoadContext> Context = new Lazy<MetadataLoadContext>(Open);

        public static string RepoRoot => Metadata("PolicySim.RepoRoot");

        public static string ModuleDir => Path.Combine(AppContext.BaseDirectory, "module", "PolicySim");

        public static Assembly Cmdlets => Context.Value.LoadFromAssemblyPath(Path.Combine(ModuleDir, "PolicySim.dll"));

        public static Assembly Engine => Context.Value.LoadFromAssemblyPath(Path.Combine(ModuleDir, "dependencies", "PolicySim.Engine.dll"));

        public static string SmaReference => Path.Combine(Metadata("PolicySim.NuGetPackageRoot"), "powershellstandard.library", "5.1.0-preview-06", "lib", "netstandard2.0", "System.Management.Automation.dll");

        public static string ManifestText => File.ReadAllText(Path.Combine(RepoRoot, "PolicySim.psd1"));

        public static IReadOnlyList<Type> CmdletTypes => Cmdlets.GetExportedTypes().Where(t => Attribute(t, "CmdletAttribute") != null).OrderBy(t => t.Name).ToList();

        public static List<CommandHelp> Help => MamlConverter.ReadDirectory(Path.Combine(RepoRoot, "docs", "cmdlets"));

        public static CustomAttributeData? Attribute(MemberInfo member, string name) =>
            member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == SmaNamespace + name);

        public static IEnumerable<CustomAttributeData> Attributes(MemberInfo member, string name) =>
            member.GetCustomAttributesData().Where(a => a.AttributeType.FullName == SmaNamespace + name);

        public static T? Named<T>(CustomAttributeData attribute, string name, T? fallback = default)
        {
            foreach (var arg in attribute.NamedArguments)
            {
                if (arg.MemberName == name)
                {
                    return (T?)arg.TypedValue.Value;
                }
            }

            return fallback;
        }

        public static string CmdletName(Type type)
        {
            var a = Attribute(type, "CmdletAttribute")!;
            return a.ConstructorArguments[0].Value + "-" + a.ConstructorArguments[1].Value;
        }

        /// <summary>Parameters of a cmdlet: property and its [Parameter] attributes.</summary>
        public static IEnumerable<(PropertyInfo Property, List<CustomAttributeData> Parameters)> Parameters(Type cmdlet) =>
            cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => (p, Attributes(p, "ParameterAttribute").ToList()))
                .Where(x => x.Item2.Count > 0);

        public static string SetName(CustomAttributeData parameter) => Named<string>(parameter, "ParameterSetName") ?? AllSets;

        /// <summary>The quoted names in a manifest list such as <c>CmdletsToExport = @( 'A' 'B' )</c>.</summary>
        public static List<string> ManifestList(string key)
        {
            Match m = Regex.Match(ManifestText, key + @"\s*=\s*@\(([^)]*)\)");
            Assert.True(m.Success, key + " not found as an @() list in PolicySim.psd1");
            return Regex.Matches(m.Groups[1].Value, "'([^']*)'").Select(x => x.Groups[1].Value).ToList();
        }

        public static string ManifestValue(string key)
        {
            Match m = Regex.Match(ManifestText, @"(?m)^\s*" + key + @"\s*=\s*'([^']*)'");
            Assert.True(m.Success, key + " not found in PolicySim.psd1");
            return m.Groups[1].Value;
        }

        private static string Metadata(string key) =>
            typeof(ModuleUnderTest).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

        private static MetadataLoadContext Open()
        {
            var paths = new List<string>();
            paths.AddRange(Directory.GetFiles(ModuleDir, "*.dll"));
            paths.AddRange(Directory.GetFiles(Path.Combine(ModuleDir, "dependencies"), "*.dll"));
            paths.Add(SmaReference);
            var names = new HashSet<string>(paths.Select(Path.GetFileName)!, StringComparer.OrdinalIgnoreCase);
            paths.AddRange(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll").Where(p => !names.Contains(Path.GetFileName(p))));
            return new MetadataLoadContext(new PathAssemblyResolver(paths));
        }
    }
}
