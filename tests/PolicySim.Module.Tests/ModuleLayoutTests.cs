using System.IO;
using System.Reflection;

namespace PolicySim.Tests
{
    public class ModuleLayoutTests
    {
        [Theory]
        [InlineData("PolicySim.psd1")]
        [InlineData("PolicySim.dll")]
        [InlineData("PolicySim.Format.ps1xml")]
        [InlineData("en-US/PolicySim.dll-Help.xml")]
        [InlineData("dependencies/PolicySim.Engine.dll")]
        [InlineData("dependencies/YamlDotNet.dll")]
        [InlineData("dependencies/System.Text.Json.dll")]
        [InlineData("dependencies/System.Memory.dll")]
        public void Assembled_module_has_file(string relative) =>
            Assert.True(File.Exists(Path.Combine(ModuleUnderTest.ModuleDir, relative)), relative + " missing from " + ModuleUnderTest.ModuleDir);

        [Theory]
        [InlineData("System.Management.Automation.dll")]
        [InlineData("dependencies/System.Management.Automation.dll")]
        [InlineData("PolicySim.Engine.dll")]
        [InlineData("YamlDotNet.dll")]
        public void Assembled_module_keeps_out_of_the_default_probe(string relative) =>
            Assert.False(File.Exists(Path.Combine(ModuleUnderTest.ModuleDir, relative)), relative + " must not be in the module root");

        [Fact]
        public void Every_reference_of_the_module_assemblies_resolves_from_dependencies_or_the_platform()
        {
            string deps = Path.Combine(ModuleUnderTest.ModuleDir, "dependencies");
            var shipped = Directory.GetFiles(deps, "*.dll").ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => AssemblyName.GetAssemblyName(f).Version!, StringComparer.OrdinalIgnoreCase);
            var platform = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "netstandard", "mscorlib", "System", "System.Core", "System.Management.Automation" };
            foreach (string file in Directory.GetFiles(ModuleUnderTest.ModuleDir, "*.dll").Concat(Directory.GetFiles(deps, "*.dll")))
            {
                using var stream = File.OpenRead(file);
                using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
                var md = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
                foreach (var handle in md.AssemblyReferences)
                {
                    var reference = md.GetAssemblyReference(handle);
                    string name = md.GetString(reference.Name);
                    if (platform.Contains(name))
                    {
                        continue;
                    }

                    Assert.True(shipped.ContainsKey(name), Path.GetFileName(file) + " references " + name + " which dependencies/ does not hold");
                    Assert.True(shipped[name] >= reference.Version, Path.GetFileName(file) + " needs " + name + " " + reference.Version + " but dependencies/ has " + shipped[name]);
                }
            }
        }

        [Fact]
        public void Engine_in_dependencies_references_the_YamlDotNet_it_ships_with_exactly()
        {
            // On PowerShell 7 the initializer loads YamlDotNet and the engine by path into one private context,
            // so the engine's reference must be satisfied by that very file.
            string deps = Path.Combine(ModuleUnderTest.ModuleDir, "dependencies");
            var engine = AssemblyName.GetAssemblyName(Path.Combine(deps, "PolicySim.Engine.dll"));
            Assert.Equal("PolicySim.Engine", engine.Name);
            using var mlc = new MetadataLoadContext(new PathAssemblyResolver(Directory.GetFiles(deps, "*.dll").Concat(Directory.GetFiles(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "*.dll").Where(f => !File.Exists(Path.Combine(deps, Path.GetFileName(f)))))));
            var yamlRef = mlc.LoadFromAssemblyPath(Path.Combine(deps, "PolicySim.Engine.dll")).GetReferencedAssemblies().Single(a => a.Name == "YamlDotNet");
            Assert.Equal(AssemblyName.GetAssemblyName(Path.Combine(deps, "YamlDotNet.dll")).Version, yamlRef.Version);
        }

        [Fact]
        public void Module_initializer_is_public_and_implements_both_hooks()
        {
            Type init = ModuleUnderTest.Cmdlets.GetType("PolicySim.PowerShell.ModuleInitializer", throwOnError: true)!;
            var interfaces = init.GetInterfaces().Select(i => i.FullName).ToList();
            Assert.Contains("System.Management.Automation.IModuleAssemblyInitializer", interfaces);
            Assert.Contains("System.Management.Automation.IModuleAssemblyCleanup", interfaces);
        }
    }
}
