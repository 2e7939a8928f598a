using System.Collections.Immutable;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Versioning;
using PolicySim.PowerShell;

namespace PolicySim.Tests
{
    /// <summary>
    /// The module carries two builds of the engine: .NET Standard 2.0 (everywhere) and .NET 8 (loaded on PowerShell
    /// 7.4+). The cmdlets are compiled against the first and bound to the second at run time, so everything they use
    /// must exist in both, and everything the .NET 8 build uses of YamlDotNet must exist in the YamlDotNet shipped.
    /// </summary>
    public class EngineBuildsTests
    {
        private static string Deps => Path.Combine(ModuleUnderTest.ModuleDir, "dependencies");

        private static string Net8Engine => Path.Combine(Deps, EngineLocation.Net8FolderName, EngineLocation.EngineFileName);

        [Fact]
        public void The_net8_build_is_shipped_as_the_same_assembly_built_for_net8()
        {
            Assert.True(File.Exists(Net8Engine), Net8Engine + " missing");
            AssemblyName portable = AssemblyName.GetAssemblyName(Path.Combine(Deps, EngineLocation.EngineFileName));
            AssemblyName net8 = AssemblyName.GetAssemblyName(Net8Engine);
            Assert.Equal(portable.Name, net8.Name);
            Assert.Equal(portable.Version, net8.Version);
            Assert.Equal(portable.GetPublicKeyToken() ?? Array.Empty<byte>(), net8.GetPublicKeyToken() ?? Array.Empty<byte>());
            Assert.Equal(".NETCoreApp,Version=v8.0", TargetFramework(Net8Engine));
            Assert.Equal(".NETStandard,Version=v2.0", TargetFramework(Path.Combine(Deps, EngineLocation.EngineFileName)));
        }

        [Fact]
        public void Every_engine_member_the_cmdlets_use_exists_in_both_builds()
        {
            var used = References(Path.Combine(ModuleUnderTest.ModuleDir, "PolicySim.dll"), "PolicySim.Engine");
            Assert.True(used.Count > 50, "only " + used.Count + " engine members referenced: the reader is broken");
            var portable = Definitions(Path.Combine(Deps, EngineLocation.EngineFileName));
            var net8 = Definitions(Net8Engine);
            Assert.Equal(Array.Empty<string>(), Missing(used, portable));
            Assert.Equal(Array.Empty<string>(), Missing(used, net8));
        }

        [Fact]
        public void Every_YamlDotNet_member_the_net8_engine_uses_exists_in_the_shipped_YamlDotNet()
        {
            // On PowerShell 7.4+ the .NET 8 engine runs against dependencies/YamlDotNet.dll (the .NET Standard build).
            var used = References(Net8Engine, "YamlDotNet");
            Assert.True(used.Count > 10, "only " + used.Count + " YamlDotNet members referenced: the reader is broken");
            var shipped = Definitions(Path.Combine(Deps, "YamlDotNet.dll"));
            Assert.Equal(Array.Empty<string>(), Missing(used, shipped));
        }

        [Theory]
        [InlineData(8, true, "net8.0")]
        [InlineData(10, true, "net8.0")]
        [InlineData(8, false, "")]
        [InlineData(7, true, "")]
        [InlineData(6, true, "")]
        [InlineData(4, true, "")]
        public void The_module_loads_the_net8_build_only_on_net8_or_later_and_only_if_present(int major, bool present, string folder)
        {
            string deps = Path.Combine("m", "dependencies");
            string path = EngineLocation.EnginePath(deps, new Version(major, 0), p => present && p.Contains(EngineLocation.Net8FolderName, StringComparison.Ordinal));
            Assert.Equal(Path.Combine(deps, folder, EngineLocation.EngineFileName), path);
        }

        [Fact]
        public void The_module_folder_is_what_the_choice_looks_for()
        {
            string chosen = EngineLocation.EnginePath(Deps, new Version(8, 0), File.Exists);
            Assert.Equal(Net8Engine, chosen);
        }

        /// <summary>What <paramref name="used"/> has that <paramref name="defined"/> lacks, sorted (the failure message lists it).</summary>
        private static string[] Missing(HashSet<string> used, HashSet<string> defined) =>
            used.Where(m => !defined.Contains(m)).OrderBy(m => m, StringComparer.Ordinal).ToArray();

        private static string? TargetFramework(string file)
        {
            using var pe = new PEReader(File.OpenRead(file));
            MetadataReader md = pe.GetMetadataReader();
            var names = new SignatureNames(md);
            foreach (CustomAttributeHandle handle in md.GetAssemblyDefinition().GetCustomAttributes())
            {
                CustomAttribute attribute = md.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind == HandleKind.MemberReference
                    && md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
                    && names.GetTypeFromReference(md, (TypeReferenceHandle)parent, 0) == typeof(TargetFrameworkAttribute).FullName)
                {
                    return attribute.DecodeValue(new AttributeStrings()).FixedArguments[0].Value as string;
                }
            }

            return null;
        }

        /// <summary>Decodes attribute arguments well enough for a string constructor argument.</summary>
        private sealed class AttributeStrings : ICustomAttributeTypeProvider<string>
        {
            public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

            public string GetSystemType() => "System.Type";

            public string GetSZArrayType(string elementType) => elementType + "[]";

            public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => string.Empty;

            public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => string.Empty;

            public string GetTypeFromSerializedName(string name) => name;

            public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

            public bool IsSystemType(string type) => type == "System.Type";
        }

        /// <summary>"Namespace.Type::Member(parameter types)return type" of each member <paramref name="file"/> references in <paramref name="assembly"/>.</summary>
        private static HashSet<string> References(string file, string assembly)
        {
            using var pe = new PEReader(File.OpenRead(file));
            MetadataReader md = pe.GetMetadataReader();
            var names = new SignatureNames(md);
            var result = new HashSet<string>(StringComparer.Ordinal);
            foreach (MemberReferenceHandle handle in md.MemberReferences)
            {
                MemberReference member = md.GetMemberReference(handle);
                if (member.Parent.Kind != HandleKind.TypeReference || names.AssemblyOf((TypeReferenceHandle)member.Parent) != assembly)
                {
                    continue;
                }

                string type = names.GetTypeFromReference(md, (TypeReferenceHandle)member.Parent, 0);
                string name = md.GetString(member.Name);
                result.Add(member.GetKind() == MemberReferenceKind.Method
                    ? type + "::" + name + Method(member.DecodeMethodSignature(names, null))
                    : type + "::" + name + ":" + member.DecodeFieldSignature(names, null));
            }

            return result;
        }

        /// <summary>The same strings for every method and field <paramref name="file"/> defines.</summary>
        private static HashSet<string> Definitions(string file)
        {
            using var pe = new PEReader(File.OpenRead(file));
            MetadataReader md = pe.GetMetadataReader();
            var names = new SignatureNames(md);
            var result = new HashSet<string>(StringComparer.Ordinal);
            foreach (TypeDefinitionHandle typeHandle in md.TypeDefinitions)
            {
                string type = names.GetTypeFromDefinition(md, typeHandle, 0);
                TypeDefinition definition = md.GetTypeDefinition(typeHandle);
                foreach (MethodDefinitionHandle m in definition.GetMethods())
                {
                    MethodDefinition method = md.GetMethodDefinition(m);
                    result.Add(type + "::" + md.GetString(method.Name) + Method(method.DecodeSignature(names, null)));
                }

                foreach (FieldDefinitionHandle f in definition.GetFields())
                {
                    FieldDefinition field = md.GetFieldDefinition(f);
                    result.Add(type + "::" + md.GetString(field.Name) + ":" + field.DecodeSignature(names, null));
                }
            }

            return result;
        }

        private static string Method(MethodSignature<string> signature) =>
            (signature.GenericParameterCount > 0 ? "`" + signature.GenericParameterCount : string.Empty)
            + "(" + string.Join(",", signature.ParameterTypes) + ")" + signature.ReturnType;

        /// <summary>Type names as they appear in signatures, without assembly names (which differ between the builds' references).</summary>
        private sealed class SignatureNames : ISignatureTypeProvider<string, object?>
        {
            private readonly MetadataReader _md;

            public SignatureNames(MetadataReader md) => _md = md;

            public string AssemblyOf(TypeReferenceHandle handle)
            {
                EntityHandle scope = _md.GetTypeReference(handle).ResolutionScope;
                return scope.Kind switch
                {
                    HandleKind.AssemblyReference => _md.GetString(_md.GetAssemblyReference((AssemblyReferenceHandle)scope).Name),
                    HandleKind.TypeReference => AssemblyOf((TypeReferenceHandle)scope),
                    _ => string.Empty,
                };
            }

            public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

            public string GetByReferenceType(string elementType) => elementType + "&";

            public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr" + Method(signature);

            public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType + "<" + string.Join(",", typeArguments) + ">";

            public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

            public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

            public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType + (isRequired ? " modreq(" : " modopt(") + modifier + ")";

            public string GetPinnedType(string elementType) => elementType + " pinned";

            public string GetPointerType(string elementType) => elementType + "*";

            public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

            public string GetSZArrayType(string elementType) => elementType + "[]";

            public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
            {
                TypeDefinition type = reader.GetTypeDefinition(handle);
                string name = reader.GetString(type.Name);
                TypeDefinitionHandle declaring = type.GetDeclaringType();
                return declaring.IsNil ? Qualified(reader.GetString(type.Namespace), name) : GetTypeFromDefinition(reader, declaring, 0) + "/" + name;
            }

            public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
            {
                TypeReference type = reader.GetTypeReference(handle);
                string name = reader.GetString(type.Name);
                return type.ResolutionScope.Kind == HandleKind.TypeReference
                    ? GetTypeFromReference(reader, (TypeReferenceHandle)type.ResolutionScope, 0) + "/" + name
                    : Qualified(reader.GetString(type.Namespace), name);
            }

            public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
                reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

            private static string Qualified(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;
        }
    }
}
