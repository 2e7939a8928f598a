using System.IO;
using System.Reflection;
using System.Xml.Linq;
using PolicySim.HelpGen;

namespace PolicySim.Tests
{
    public class CmdletMetadataTests
    {
        /// <summary>Get-Verb of PowerShell 7.4.</summary>
        private static readonly HashSet<string> ApprovedVerbs = new HashSet<string>(StringComparer.Ordinal)
        {
            "Add", "Approve", "Assert", "Backup", "Block", "Build", "Checkpoint", "Clear", "Close", "Compare", "Complete", "Compress",
            "Confirm", "Connect", "Convert", "ConvertFrom", "ConvertTo", "Copy", "Debug", "Deny", "Deploy", "Disable", "Disconnect",
            "Dismount", "Edit", "Enable", "Enter", "Exit", "Expand", "Export", "Find", "Format", "Get", "Grant", "Group", "Hide",
            "Import", "Initialize", "Install", "Invoke", "Join", "Limit", "Lock", "Measure", "Merge", "Mount", "Move", "New", "Open",
            "Optimize", "Out", "Ping", "Pop", "Protect", "Publish", "Push", "Read", "Receive", "Redo", "Register", "Remove", "Rename",
            "Repair", "Request", "Reset", "Resize", "Resolve", "Restart", "Restore", "Resume", "Revoke", "Save", "Search", "Select",
            "Send", "Set", "Show", "Skip", "Split", "Start", "Step", "Stop", "Submit", "Suspend", "Switch", "Sync", "Test", "Trace",
            "Unblock", "Undo", "Uninstall", "Unlock", "Unprotect", "Unpublish", "Unregister", "Update", "Use", "Wait", "Watch", "Write",
        };

        public static TheoryData<string> CmdletNames()
        {
            var data = new TheoryData<string>();
            foreach (Type t in ModuleUnderTest.CmdletTypes)
            {
                data.Add(ModuleUnderTest.CmdletName(t));
            }

            return data;
        }

        /// <summary>The parameter sets PowerShell builds: those the parameters name, plus the default set (which may have no parameter of its own, e.g. Export-PolicyReport's Text).</summary>
        private static List<string> DeclaredSets(Type type)
        {
            var sets = ModuleUnderTest.Parameters(type).SelectMany(p => p.Parameters.Select(ModuleUnderTest.SetName)).Where(s => s != ModuleUnderTest.AllSets).Distinct().ToList();
            string? defaultSet = ModuleUnderTest.Named<string>(ModuleUnderTest.Attribute(type, "CmdletAttribute")!, "DefaultParameterSetName");
            if (sets.Count > 0 && !string.IsNullOrEmpty(defaultSet) && !sets.Contains(defaultSet))
            {
                sets.Add(defaultSet);
            }

            return sets;
        }

        private static Type Cmdlet(string name) => ModuleUnderTest.CmdletTypes.Single(t => ModuleUnderTest.CmdletName(t) == name);

        [Fact]
        public void Manifest_CmdletsToExport_lists_exactly_the_cmdlets_in_the_assembly()
        {
            var inAssembly = ModuleUnderTest.CmdletTypes.Select(ModuleUnderTest.CmdletName).OrderBy(n => n).ToList();
            Assert.NotEmpty(inAssembly);
            Assert.Equal(inAssembly, ModuleUnderTest.ManifestList("CmdletsToExport").OrderBy(n => n).ToList());
        }

        [Fact]
        public void Manifest_exports_nothing_else_and_declares_both_editions()
        {
            Assert.Empty(ModuleUnderTest.ManifestList("FunctionsToExport"));
            Assert.Empty(ModuleUnderTest.ManifestList("AliasesToExport"));
            Assert.Empty(ModuleUnderTest.ManifestList("VariablesToExport"));
            Assert.Equal(new[] { "Core", "Desktop" }, ModuleUnderTest.ManifestList("CompatiblePSEditions"));
            Assert.Equal("PolicySim.dll", ModuleUnderTest.ManifestValue("RootModule"));
            Assert.Equal("0.1.0", ModuleUnderTest.ManifestValue("ModuleVersion"));
            Assert.Equal("5.1", ModuleUnderTest.ManifestValue("PowerShellVersion"));
            Assert.True(Guid.TryParse(ModuleUnderTest.ManifestValue("GUID"), out _));
            Assert.Equal(new[] { "PolicySim.Format.ps1xml" }, ModuleUnderTest.ManifestList("FormatsToProcess"));
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Verb_is_approved(string cmdlet) => Assert.Contains(cmdlet.Split('-')[0], ApprovedVerbs);

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Cmdlet_declares_OutputType(string cmdlet)
        {
            var outputs = ModuleUnderTest.Attributes(Cmdlet(cmdlet), "OutputTypeAttribute").ToList();
            Assert.NotEmpty(outputs);
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Parameter_sets_are_not_ambiguous(string cmdlet)
        {
            Type type = Cmdlet(cmdlet);
            var parameters = ModuleUnderTest.Parameters(type).ToList();
            var sets = DeclaredSets(type);
            if (sets.Count > 1)
            {
                string? defaultSet = ModuleUnderTest.Named<string>(ModuleUnderTest.Attribute(type, "CmdletAttribute")!, "DefaultParameterSetName");
                Assert.False(string.IsNullOrEmpty(defaultSet), cmdlet + " has several parameter sets but no DefaultParameterSetName");
                Assert.Contains(defaultSet, sets);
            }

            // Signature of a set: its mandatory parameters (name and position); two sets with the same signature cannot be told apart.
            var signatures = sets.Select(set => string.Join(";", parameters
                .Select(p => (p.Property.Name, Attr: p.Parameters.FirstOrDefault(a => ModuleUnderTest.SetName(a) == set) ?? p.Parameters.FirstOrDefault(a => ModuleUnderTest.SetName(a) == ModuleUnderTest.AllSets)))
                .Where(x => x.Attr != null && ModuleUnderTest.Named<bool>(x.Attr, "Mandatory"))
                .Select(x => x.Name + "@" + ModuleUnderTest.Named<int>(x.Attr!, "Position", int.MinValue))
                .OrderBy(s => s, StringComparer.Ordinal))).ToList();
            Assert.Equal(signatures.Count, signatures.Distinct().Count());

            // No two parameters claim the same position within one set.
            foreach (string set in sets)
            {
                var positions = parameters
                    .Select(p => p.Parameters.FirstOrDefault(a => ModuleUnderTest.SetName(a) == set || ModuleUnderTest.SetName(a) == ModuleUnderTest.AllSets))
                    .Where(a => a != null)
                    .Select(a => ModuleUnderTest.Named<int>(a!, "Position", int.MinValue))
                    .Where(p => p != int.MinValue).ToList();
                Assert.Equal(positions.Count, positions.Distinct().Count());
            }
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Help_markdown_documents_every_parameter_as_declared(string cmdlet)
        {
            CommandHelp help = ModuleUnderTest.Help.Single(h => h.Name == cmdlet);
            var parameters = ModuleUnderTest.Parameters(Cmdlet(cmdlet)).ToList();
            Assert.Equal(parameters.Select(p => p.Property.Name).OrderBy(n => n), help.Parameters.Select(p => p.Name).OrderBy(n => n));
            foreach (var (property, attributes) in parameters)
            {
                ParameterHelp doc = help.Parameters.Single(p => p.Name == property.Name);
                bool byValue = attributes.Any(a => ModuleUnderTest.Named<bool>(a, "ValueFromPipeline"));
                bool byName = attributes.Any(a => ModuleUnderTest.Named<bool>(a, "ValueFromPipelineByPropertyName"));
                string pipeline = byValue && byName ? "True (ByPropertyName, ByValue)" : byValue ? "True (ByValue)" : byName ? "True (ByPropertyName)" : "False";
                Assert.True(pipeline == doc.PipelineInput, cmdlet + " -" + property.Name + ": pipeline input is " + pipeline + " but the help says " + doc.PipelineInput);
                Assert.True(attributes.All(a => ModuleUnderTest.Named<bool>(a, "Mandatory")) == doc.Required, cmdlet + " -" + property.Name + ": Required differs from the help");
                int position = ModuleUnderTest.Named<int>(attributes[0], "Position", int.MinValue);
                Assert.Equal(position == int.MinValue ? "Named" : position.ToString(System.Globalization.CultureInfo.InvariantCulture), doc.Position);
                var sets = attributes.Select(ModuleUnderTest.SetName).ToList();
                var allSets = DeclaredSets(Cmdlet(cmdlet));
                bool inAll = sets.Contains(ModuleUnderTest.AllSets) || allSets.All(sets.Contains);
                Assert.Equal(inAll ? new List<string> { "(All)" } : sets.OrderBy(s => s).ToList(), doc.ParameterSets.OrderBy(s => s).ToList());
                bool wildcards = ModuleUnderTest.Attribute(property, "SupportsWildcardsAttribute") != null;
                Assert.Equal(wildcards, doc.Wildcards);
                var aliases = ModuleUnderTest.Attributes(property, "AliasAttribute").SelectMany(a => ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (string)v.Value!)).ToList();
                Assert.Equal(aliases.OrderBy(a => a), doc.Aliases.OrderBy(a => a));
            }
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Help_markdown_has_synopsis_description_and_two_examples(string cmdlet)
        {
            CommandHelp help = ModuleUnderTest.Help.Single(h => h.Name == cmdlet);
            Assert.NotEmpty(help.Synopsis);
            Assert.NotEmpty(help.Description);
            Assert.True(help.Examples.Count >= 2, cmdlet + " has fewer than 2 examples");
            Assert.All(help.Examples, e => Assert.Contains(cmdlet, e.Code + string.Join(" ", help.Examples.Select(x => x.Code))));
            var syntaxSets = help.ParameterSets.Select(s => s.Name).OrderBy(s => s).ToList();
            var declared = DeclaredSets(Cmdlet(cmdlet)).OrderBy(s => s).ToList();
            if (declared.Count == 0)
            {
                declared.Add(ModuleUnderTest.AllSets); // a cmdlet without named sets has one syntax, named as platyPS names it
            }

            Assert.Equal(declared, syntaxSets);
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Assembled_MAML_has_the_cmdlet_with_its_examples_and_parameters(string cmdlet)
        {
            XDocument maml = XDocument.Load(Path.Combine(ModuleUnderTest.ModuleDir, "en-US", "PolicySim.dll-Help.xml"));
            Assert.Equal(MamlConverter.Msh + "helpItems", maml.Root!.Name);
            XElement command = maml.Root.Elements(MamlConverter.Command + "command")
                .Single(c => c.Element(MamlConverter.Command + "details")!.Element(MamlConverter.Command + "name")!.Value == cmdlet);
            Assert.True(command.Descendants(MamlConverter.Command + "example").Count() >= 2);
            var documented = command.Element(MamlConverter.Command + "parameters")!.Elements(MamlConverter.Command + "parameter").Select(p => p.Element(MamlConverter.Maml + "name")!.Value);
            Assert.Equal(ModuleUnderTest.Parameters(Cmdlet(cmdlet)).Select(p => p.Property.Name).OrderBy(n => n), documented.OrderBy(n => n));
            Assert.NotEmpty(command.Element(MamlConverter.Command + "syntax")!.Elements(MamlConverter.Command + "syntaxItem"));
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Every_output_type_has_a_table_view(string cmdlet)
        {
            XDocument format = XDocument.Load(Path.Combine(ModuleUnderTest.ModuleDir, "PolicySim.Format.ps1xml"));
            var views = format.Descendants("View")
                .Where(v => v.Element("TableControl") != null)
                .SelectMany(v => v.Element("ViewSelectedBy")!.Elements("TypeName").Select(t => t.Value)).ToHashSet();
            foreach (CustomAttributeData output in ModuleUnderTest.Attributes(Cmdlet(cmdlet), "OutputTypeAttribute"))
            {
                foreach (var arg in (IEnumerable<CustomAttributeTypedArgument>)output.ConstructorArguments[0].Value!)
                {
                    var type = (Type)arg.Value!;
                    if (type.Namespace?.StartsWith("PolicySim", StringComparison.Ordinal) == true)
                    {
                        Assert.True(views.Contains(type.FullName!), "no table view for " + type.FullName);
                    }
                }
            }
        }

        [Fact]
        public void Every_view_selects_a_public_type_with_the_properties_it_names()
        {
            // A typo in a type or property name is silent in PowerShell: the view is never used, or a column is empty.
            Assembly engine = ModuleUnderTest.Engine;
            XDocument format = XDocument.Load(Path.Combine(ModuleUnderTest.ModuleDir, "PolicySim.Format.ps1xml"));
            foreach (XElement view in format.Descendants("View"))
            {
                string typeName = view.Element("ViewSelectedBy")!.Element("TypeName")!.Value;
                Type? type = engine.GetType(typeName);
                Assert.True(type != null && type.IsPublic, "no public type " + typeName);
                foreach (XElement property in view.Descendants("PropertyName"))
                {
                    Assert.True(type!.GetProperty(property.Value) != null, typeName + " has no property " + property.Value);
                }
            }
        }

        [Fact]
        public void Policy_rules_have_a_table_view_grouped_by_guard()
        {
            XDocument format = XDocument.Load(Path.Combine(ModuleUnderTest.ModuleDir, "PolicySim.Format.ps1xml"));
            XElement view = format.Descendants("View").Single(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == "PolicySim.Policies.PolicyRule");
            Assert.Equal("Guard", view.Element("GroupBy")!.Element("PropertyName")!.Value);
        }

        [Fact]
        public void Pipeline_binding_is_declared_where_the_design_says()
        {
            Type import = Cmdlet("Import-PolicyDefinition");
            var path = ModuleUnderTest.Parameters(import).Single(p => p.Property.Name == "Path");
            Assert.True(ModuleUnderTest.Named<bool>(path.Parameters[0], "ValueFromPipelineByPropertyName"));
            Assert.NotNull(ModuleUnderTest.Attribute(path.Property, "AliasAttribute"));
            var input = ModuleUnderTest.Parameters(Cmdlet("Test-PolicyEvent")).Single(p => p.Property.Name == "InputObject");
            Assert.All(input.Parameters, a => Assert.True(ModuleUnderTest.Named<bool>(a, "ValueFromPipeline")));
        }

        [Fact]
        public void Policy_parameters_transform_and_complete()
        {
            var policy = ModuleUnderTest.Parameters(Cmdlet("Test-PolicyEvent")).Single(p => p.Property.Name == "Policy").Property;
            var attributes = policy.GetCustomAttributesData().Select(a => a.AttributeType.Name).ToList();
            Assert.Contains("PolicyArgumentTransformationAttribute", attributes);
            Assert.Contains("ArgumentCompleterAttribute", attributes);
        }

        public static TheoryData<string, string[]> ExpectedOutputTypes() => new TheoryData<string, string[]>
        {
            { "Invoke-PolicyReplay", new[] { "PolicySim.Replay.ReplayResult", "PolicySim.Replay.ReplaySummary" } },
            { "Compare-PolicyDecision", new[] { "PolicySim.Replay.FlipGroup", "PolicySim.Replay.ReplayResult", "PolicySim.Replay.ReplaySummary" } },
            { "Compare-Policy", new[] { "PolicySim.Policies.Diff.PolicyChange", "PolicySim.Policies.Diff.RuleChange" } },
            { "Measure-PolicyDecision", new[] { "PolicySim.Replay.DecisionStatistics" } },
            { "Test-PolicyEvent", new[] { "PolicySim.Evaluation.PolicyDecision", "System.Boolean" } },
            { "Import-PolicyDefinition", new[] { "PolicySim.Policies.PolicyDefinition" } },
            { "Assert-PolicyChange", new[] { "PolicySim.Reports.GateResult" } },
            { "Export-PolicyReport", new[] { "System.IO.FileInfo", "System.String" } },
        };

        [Theory]
        [MemberData(nameof(ExpectedOutputTypes))]
        public void OutputType_names_the_objects_the_cmdlet_emits(string cmdlet, string[] expected)
        {
            var declared = ModuleUnderTest.Attributes(Cmdlet(cmdlet), "OutputTypeAttribute")
                .SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
                .Select(arg => ((Type)arg.Value!).FullName!)
                .Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
            Assert.Equal(expected.OrderBy(n => n, StringComparer.Ordinal), declared);
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Parameter_set_names_are_public_constants(string cmdlet)
        {
            Type type = Cmdlet(cmdlet);
            var constants = type.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)
                .Where(f => f.IsLiteral && f.FieldType.FullName == "System.String")
                .Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);
            var sets = ModuleUnderTest.Parameters(type).SelectMany(p => p.Parameters.Select(ModuleUnderTest.SetName)).Where(s => s != ModuleUnderTest.AllSets).Distinct();
            Assert.All(sets, set => Assert.Contains(set, constants));
        }

        [Theory]
        [InlineData("Invoke-PolicyReplay")]
        [InlineData("Compare-PolicyDecision")]
        public void Replay_cmdlets_take_records_from_the_pipeline_and_paths_by_property_name(string cmdlet)
        {
            Type type = Cmdlet(cmdlet);
            var parameters = ModuleUnderTest.Parameters(type).ToDictionary(p => p.Property.Name);
            Assert.Equal("Path", ModuleUnderTest.Named<string>(ModuleUnderTest.Attribute(type, "CmdletAttribute")!, "DefaultParameterSetName"));

            var input = parameters["InputObject"];
            Assert.All(input.Parameters, a => Assert.True(ModuleUnderTest.Named<bool>(a, "ValueFromPipeline")));
            Assert.All(input.Parameters, a => Assert.Equal("InputObject", ModuleUnderTest.SetName(a)));

            var path = parameters["Path"];
            Assert.All(path.Parameters, a => Assert.True(ModuleUnderTest.Named<bool>(a, "ValueFromPipelineByPropertyName")));
            Assert.NotNull(ModuleUnderTest.Attribute(path.Property, "SupportsWildcardsAttribute"));
            var aliases = ModuleUnderTest.Attributes(path.Property, "AliasAttribute").SelectMany(a => ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (string)v.Value!));
            Assert.Contains("PSPath", aliases);

            var literal = parameters["LiteralPath"];
            Assert.All(literal.Parameters, a => Assert.True(ModuleUnderTest.Named<bool>(a, "ValueFromPipelineByPropertyName")));

            // Only -InputObject takes pipeline objects by value, so lines from Get-Content never bind to anything else.
            Assert.Equal(new[] { "InputObject" }, parameters.Values.Where(p => p.Parameters.Any(a => ModuleUnderTest.Named<bool>(a, "ValueFromPipeline"))).Select(p => p.Property.Name));

            foreach (string name in new[] { "Since", "Until", "EventType", "Guard", "SampleRate", "Seed", "Strict" })
            {
                Assert.True(parameters.ContainsKey(name), cmdlet + " lacks -" + name);
            }

            Assert.Equal("System.Nullable`1", parameters["Since"].Property.PropertyType.GetGenericTypeDefinition().FullName);
            Assert.Equal("System.DateTimeOffset", parameters["Since"].Property.PropertyType.GetGenericArguments()[0].FullName);
            var range = ModuleUnderTest.Attribute(parameters["SampleRate"].Property, "ValidateRangeAttribute")!;
            Assert.Equal(new object[] { 0.0, 1.0 }, range.ConstructorArguments.Select(a => a.Value!).ToArray());
        }

        [Fact]
        public void Invoke_PolicyReplay_flip_and_format_are_enums()
        {
            var format = ModuleUnderTest.Parameters(Cmdlet("Invoke-PolicyReplay")).Single(p => p.Property.Name == "Format").Property;
            Assert.True(format.PropertyType.IsEnum);
            Assert.Equal("PolicySim.Replay.RecordedDecisionFormat", format.PropertyType.FullName);
            Type result = format.PropertyType.Assembly.GetType("PolicySim.Replay.ReplayResult", throwOnError: true)!;
            Assert.True(result.GetProperty("Flip")!.PropertyType.IsEnum);
        }

        [Fact]
        public void Measure_and_Compare_Policy_take_pipeline_input_by_value()
        {
            var measure = ModuleUnderTest.Parameters(Cmdlet("Measure-PolicyDecision")).Single(p => p.Property.Name == "InputObject");
            Assert.All(measure.Parameters, a => Assert.True(ModuleUnderTest.Named<bool>(a, "ValueFromPipeline")));
            var difference = ModuleUnderTest.Parameters(Cmdlet("Compare-Policy")).Single(p => p.Property.Name == "DifferencePolicy");
            Assert.All(difference.Parameters, a => Assert.True(ModuleUnderTest.Named<bool>(a, "ValueFromPipeline")));
        }

        [Theory]
        [MemberData(nameof(CmdletNames))]
        public void Every_policy_parameter_transforms_and_completes(string cmdlet)
        {
            foreach (var (property, _) in ModuleUnderTest.Parameters(Cmdlet(cmdlet)).Where(p => p.Property.PropertyType.FullName == "PolicySim.Policies.PolicyDefinition"))
            {
                var attributes = property.GetCustomAttributesData().Select(a => a.AttributeType.Name).ToList();
                Assert.Contains("PolicyArgumentTransformationAttribute", attributes);
                Assert.Contains("ArgumentCompleterAttribute", attributes);
            }
        }

        [Fact]
        public void Flip_groups_have_a_table_view_grouped_by_class()
        {
            XDocument format = XDocument.Load(Path.Combine(ModuleUnderTest.ModuleDir, "PolicySim.Format.ps1xml"));
            XElement view = format.Descendants("View").Single(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == "PolicySim.Replay.FlipGroup");
            Assert.Equal("Class", view.Element("GroupBy")!.Element("PropertyName")!.Value);
        }

        [Fact]
        public void Every_view_is_for_one_type_and_has_as_many_headers_as_columns()
        {
            XDocument format = XDocument.Load(Path.Combine(ModuleUnderTest.ModuleDir, "PolicySim.Format.ps1xml"));
            var names = format.Descendants("View").Select(v => v.Element("Name")!.Value).ToList();
            Assert.Equal(names.Count, names.Distinct().Count());
            foreach (XElement table in format.Descendants("TableControl"))
            {
                Assert.Equal(table.Element("TableHeaders")!.Elements().Count(), table.Descendants("TableColumnItems").Single().Elements().Count());
            }
        }

        [Fact]
        public void Invoke_PolicyReplay_help_shows_the_pipeline_examples_the_design_asks_for()
        {
            CommandHelp help = ModuleUnderTest.Help.Single(h => h.Name == "Invoke-PolicyReplay");
            Assert.Contains(help.Examples, e => e.Code.Contains("Get-Content", StringComparison.Ordinal) && e.Code.Contains("Where-Object Flip -eq 'AllowToDeny'", StringComparison.Ordinal));
            Assert.Contains(help.Examples, e => e.Code.Contains("Get-Content", StringComparison.Ordinal) && e.Code.Contains("-Raw", StringComparison.Ordinal));
        }

        [Fact]
        public void Export_PolicyReport_supports_ShouldProcess_and_Assert_PolicyChange_does_not()
        {
            Assert.True(ModuleUnderTest.Named<bool>(ModuleUnderTest.Attribute(Cmdlet("Export-PolicyReport"), "CmdletAttribute")!, "SupportsShouldProcess"));
            Assert.False(ModuleUnderTest.Named<bool>(ModuleUnderTest.Attribute(Cmdlet("Assert-PolicyChange"), "CmdletAttribute")!, "SupportsShouldProcess"));
        }

        [Fact]
        public void Export_PolicyReport_writes_text_by_default_and_files_in_the_Path_set()
        {
            Type type = Cmdlet("Export-PolicyReport");
            Assert.Equal("Text", ModuleUnderTest.Named<string>(ModuleUnderTest.Attribute(type, "CmdletAttribute")!, "DefaultParameterSetName"));
            var parameters = ModuleUnderTest.Parameters(type).ToDictionary(p => p.Property.Name);
            foreach (string name in new[] { "Path", "PassThru", "Force", "NoClobber" })
            {
                Assert.All(parameters[name].Parameters, a => Assert.Equal("Path", ModuleUnderTest.SetName(a)));
            }

            Assert.True(ModuleUnderTest.Named<bool>(parameters["Path"].Parameters[0], "Mandatory"));
            Assert.Equal(0, ModuleUnderTest.Named<int>(parameters["Path"].Parameters[0], "Position", int.MinValue));
            Type format = parameters["Format"].Property.PropertyType;
            Assert.Equal("System.Nullable`1", format.GetGenericTypeDefinition().FullName);
            Assert.Equal("PolicySim.Reports.ReportFormat", format.GetGenericArguments()[0].FullName);
            var aliases = ModuleUnderTest.Attributes(parameters["Format"].Property, "AliasAttribute").SelectMany(a => ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (string)v.Value!));
            Assert.Contains("OutputFormat", aliases);
            var outputs = ModuleUnderTest.Attributes(type, "OutputTypeAttribute").ToList();
            Assert.Equal(2, outputs.Count);
            Assert.All(outputs, o => Assert.Single((IEnumerable<CustomAttributeTypedArgument>)o.NamedArguments.Single(a => a.MemberName == "ParameterSetName").TypedValue.Value!));
        }

        [Theory]
        [InlineData("Assert-PolicyChange")]
        [InlineData("Export-PolicyReport")]
        public void Report_cmdlets_take_summaries_and_results_from_the_pipeline_and_gate_like_the_cli(string cmdlet)
        {
            var parameters = ModuleUnderTest.Parameters(Cmdlet(cmdlet)).ToDictionary(p => p.Property.Name);
            Assert.Equal(new[] { "InputObject" }, parameters.Values.Where(p => p.Parameters.Any(a => ModuleUnderTest.Named<bool>(a, "ValueFromPipeline"))).Select(p => p.Property.Name));
            Assert.All(parameters["InputObject"].Parameters, a => Assert.True(ModuleUnderTest.Named<bool>(a, "Mandatory")));
            foreach (string name in new[] { "FailOn", "MaxChanges", "MaxChangeRate", "ReferencePolicy", "DifferencePolicy" })
            {
                Assert.True(parameters.ContainsKey(name), cmdlet + " lacks -" + name);
            }

            Assert.Equal("System.String[]", parameters["FailOn"].Property.PropertyType.FullName);
            var completer = ModuleUnderTest.Attribute(parameters["FailOn"].Property, "ArgumentCompleterAttribute")!;
            Assert.Equal("PolicySim.PowerShell.FlipKindCompleter", ((Type)completer.ConstructorArguments[0].Value!).FullName);
            Assert.Equal("System.Int64", parameters["MaxChanges"].Property.PropertyType.GetGenericArguments()[0].FullName);
            var range = ModuleUnderTest.Attribute(parameters["MaxChanges"].Property, "ValidateRangeAttribute")!;
            Assert.Equal(0L, range.ConstructorArguments[0].Value);
            Assert.Equal("System.String", parameters["MaxChangeRate"].Property.PropertyType.FullName);
        }

        [Fact]
        public void Assert_PolicyChange_CiStyle_is_the_engine_enum_and_the_gate_exception_is_catchable_by_type()
        {
            var parameters = ModuleUnderTest.Parameters(Cmdlet("Assert-PolicyChange")).ToDictionary(p => p.Property.Name);
            Type style = parameters["CiStyle"].Property.PropertyType;
            Assert.True(style.IsEnum);
            Assert.Equal("PolicySim.Reports.CiStyle", style.FullName);
            Assert.Equal(new[] { "Detect", "Plain", "AzurePipelines", "GitHubActions" }, style.GetEnumNames());
            Assert.True(parameters.ContainsKey("PassThru"));

            Type exception = Cmdlet("Assert-PolicyChange").Assembly.GetType("PolicySim.PowerShell.PolicyGateFailedException", throwOnError: true)!;
            Assert.True(exception.IsPublic);
            Assert.Equal("PolicySim.PolicyGateFailedException", exception.BaseType!.FullName);
            Assert.Equal("PolicySim.PolicySimException", exception.BaseType!.BaseType!.FullName);
        }

        [Fact]
        public void Gate_results_have_a_table_view_with_the_reasons()
        {
            XDocument format = XDocument.Load(Path.Combine(ModuleUnderTest.ModuleDir, "PolicySim.Format.ps1xml"));
            XElement view = format.Descendants("View").Single(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == "PolicySim.Reports.GateResult");
            var headers = view.Descendants("TableColumnHeader").Select(h => h.Element("Label")!.Value).ToList();
            Assert.Equal(new[] { "Passed", "Reasons" }, headers);
        }

        [Fact]
        public void Gate_and_report_help_shows_ci_examples()
        {
            CommandHelp gate = ModuleUnderTest.Help.Single(h => h.Name == "Assert-PolicyChange");
            Assert.Contains(gate.Examples, e => e.Code.Contains("PowerShell@2", StringComparison.Ordinal) && e.Code.Contains("Assert-PolicyChange", StringComparison.Ordinal));
            Assert.Contains(gate.Examples, e => e.Code.Contains("catch [PolicySim.PowerShell.PolicyGateFailedException]", StringComparison.Ordinal));
            Assert.Contains("PolicySim.Gate.Failed", string.Join("\n", gate.Description), StringComparison.Ordinal);
            CommandHelp export = ModuleUnderTest.Help.Single(h => h.Name == "Export-PolicyReport");
            Assert.Contains(export.Examples, e => e.Code.Contains("-WhatIf", StringComparison.Ordinal));
            Assert.Contains(export.Examples, e => e.Code.Contains("-Format JUnit", StringComparison.Ordinal));
        }
    }
}
