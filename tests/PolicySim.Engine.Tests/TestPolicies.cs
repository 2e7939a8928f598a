using System.IO;
using System.Text;
using System.Text.Json;
using PolicySim.Evaluation;
using PolicySim.Policies;

namespace PolicySim.Tests
{
    /// <summary>Helpers to load policies and build actions in tests.</summary>
    internal static class TestPolicies
    {
        public static PolicyDefinition Yaml(string yaml) => PolicyLoader.LoadYaml(yaml.Replace("\r\n", "\n"), "<test>", new PolicyLoadOptions { Environment = _ => null });

        public static PolicyDefinition BuiltIn(string name) => PolicyLoader.Load(name);

        public static string ReferenceRulesetPath(string name)
        {
            string dir = Directory.GetCurrentDirectory();
            while (dir != null)
            {
                string candidate = Path.Combine(dir, "shared", "reference", "clawdstrike-rulesets", name + ".yaml");
                if (File.Exists(candidate))
                {
                    return candidate;
                }

                string sibling = Path.Combine(dir, "..", "shared", "reference", "clawdstrike-rulesets", name + ".yaml");
                if (File.Exists(sibling))
                {
                    return Path.GetFullPath(sibling);
                }

                dir = Path.GetDirectoryName(dir)!;
            }

            throw new FileNotFoundException("reference ruleset not found above " + Directory.GetCurrentDirectory() + ": " + name);
        }

        public static EvaluationReport Eval(this PolicyDefinition p, PolicyAction a) => p.Evaluate(a);

        public static FileAccessAction Read(string path) => new FileAccessAction(path);

        public static FileWriteAction Write(string path, string content) => new FileWriteAction(path, Encoding.UTF8.GetBytes(content));

        public static NetworkEgressAction Egress(string host, int port = 443) => new NetworkEgressAction(host, port);

        public static PatchAction Patch(string path, string diff) => new PatchAction(path, diff);

        public static McpToolAction Tool(string name, string json = "{}") => new McpToolAction(name, JsonDocument.Parse(json).RootElement.Clone());

        public static CustomAction Custom(string kind, string json) => new CustomAction(kind, JsonDocument.Parse(json).RootElement.Clone());
    }
}
