using System.IO;
using System.Linq;
using PolicySim.Events;
using PolicySim.Policies;
using PolicySim.Policies.Diff;
using PolicySim.Replay;
using static PolicySim.Tests.TestPolicies;

namespace PolicySim.Tests.Replay
{
    public class AttributionTests
    {
        private static string AuditLog => Path.Combine(System.AppContext.BaseDirectory, "examples", "events", "audit.jsonl");

        private static ReplaySummary CompareAndAttribute(PolicyDefinition oldPolicy, PolicyDefinition newPolicy)
        {
            var summary = new ReplaySummary();
            using (var input = File.OpenRead(AuditLog))
            {
                foreach (var _ in PolicyComparison.Run(oldPolicy, newPolicy, EventStreamReader.ReadAll(input, "audit.jsonl"), null, summary))
                {
                }
            }

            PolicyAttribution.Attribute(oldPolicy, newPolicy, summary);
            return summary;
        }

        public static TheoryData<string, string> VariantPairs() => new TheoryData<string, string>
        {
            { "default", "strict" },
            { "strict", "ai-agent" },
            { "default", "ai-agent" },
            { "permissive", "strict" },
            { "examples/policies/current.yaml", "examples/policies/candidate.yaml" },
        };

        private static PolicyDefinition Load(string reference) =>
            reference.StartsWith("examples/", System.StringComparison.Ordinal)
                ? PolicyLoader.Load(Path.Combine(System.AppContext.BaseDirectory, reference))
                : BuiltIn(reference);

        [Theory]
        [MemberData(nameof(VariantPairs))]
        public void Variants_built_in_memory_are_the_policies_their_json_text_loads(string oldReference, string newReference)
        {
            // Attribution builds each one-change variant as YAML nodes (ValueYaml) instead of writing JSON text and
            // parsing it again: every change, alone and with the version bump, must give the same policy both ways.
            PolicyDefinition oldPolicy = Load(oldReference);
            PolicyDiffResult diff = PolicyDiff.Compare(oldPolicy, Load(newReference));
            Assert.NotEmpty(diff.Changes);
            PolicyChange? version = diff.Changes.FirstOrDefault(c => c.Path == "/version");
            var events = ReadAudit();
            int built = 0;
            foreach (PolicyChange change in diff.Changes)
            {
                var sets = version != null && change != version ? new[] { new[] { change }, new[] { change, version } } : new[] { new[] { change } };
                foreach (PolicyChange[] set in sets)
                {
                    PolicyDefinition? viaText = PolicyAttribution.WithChange(oldPolicy, set, viaText: true);
                    PolicyDefinition? viaNodes = PolicyAttribution.WithChange(oldPolicy, set, viaText: false);
                    Assert.Equal(viaText == null, viaNodes == null);
                    if (viaText == null || viaNodes == null)
                    {
                        continue;
                    }

                    built++;
                    Assert.Empty(PolicyDiff.Compare(viaText, viaNodes).Changes);
                    foreach (PolicyEvent ev in events)
                    {
                        Assert.Equal(Decision(viaText, ev), Decision(viaNodes, ev));
                    }
                }
            }

            Assert.True(built > 0);
        }

        private static System.Collections.Generic.List<PolicyEvent> ReadAudit()
        {
            var list = new System.Collections.Generic.List<PolicyEvent>();
            using var input = File.OpenRead(AuditLog);
            foreach (EventReadResult r in EventStreamReader.ReadAll(input, "audit.jsonl"))
            {
                list.Add(PolicyEventParser.ParseValidated(r.Record.Json.Span));
            }

            return list;
        }

        private static string Decision(PolicyDefinition policy, PolicyEvent ev)
        {
            try
            {
                return PolicySim.Reports.SimulationJsonReport.FormatResultLine(PolicySim.Evaluation.PolicyDecider.Decide(policy, ev));
            }
            catch (PolicyEventMappingException ex)
            {
                return "unmappable: " + ex.Message;
            }
        }

        [Theory]
        [InlineData("guards: {egress_allowlist: {additional_block: [\"api.github.com\"]}}", "/guards/egress_allowlist/block/0")]
        [InlineData("guards: {mcp_tool: {require_confirmation: [file_write, file_delete, git_push, read_file]}}", "/guards/mcp_tool/require_confirmation/3")]
        [InlineData("guards: {forbidden_path: {remove_patterns: [\"/etc/passwd\"]}}", "/guards/forbidden_path/patterns/17")]
        [InlineData("guards: {mcp_tool: {remove_block: [shell_exec]}}", "/guards/mcp_tool/block/")]
        public void A_one_rule_edit_is_attributed_in_every_group_it_causes(string edit, string expectedPath)
        {
            var oldPolicy = BuiltIn("default");
            var newPolicy = Yaml("extends: default\nversion: \"1.1.0\"\n" + edit + "\n");
            var summary = CompareAndAttribute(oldPolicy, newPolicy);
            Assert.NotEmpty(summary.Groups);
            foreach (FlipGroup g in summary.Groups)
            {
                Assert.NotEmpty(g.Causes);
                Assert.All(g.Causes, c => Assert.Contains(expectedPath, c));
            }
        }

        [Fact]
        public void The_candidate_example_attributes_every_group_to_its_edit()
        {
            string policies = Path.Combine(System.AppContext.BaseDirectory, "examples", "policies");
            var summary = CompareAndAttribute(PolicyLoader.Load(Path.Combine(policies, "current.yaml")), PolicyLoader.Load(Path.Combine(policies, "candidate.yaml")));
            Assert.Equal(6, summary.Groups.Count);
            Assert.All(summary.Groups, g => Assert.NotEmpty(g.Causes));
            Assert.Contains(summary.Groups, g => g.Kind == FlipKind.DenyToAllow && g.Causes.Single().Contains("\"*.docs-cdn.example\"") && g.Causes.Single().Contains("candidate.yaml:14"));
            Assert.Contains(summary.Groups, g => g.EventType == "file_read" && g.Causes.Single().Contains("/guards/path_allowlist"));
        }

        [Fact]
        public void Flips_needing_several_changes_list_the_contributors()
        {
            // Both the allow entry and the default action must change for evil.example to be allowed... either alone suffices
            // here (default allow), so instead require two: remove the block AND add to allow under default block.
            var oldPolicy = Yaml("version: \"1.1.0\"\nguards: {egress_allowlist: {allow: [a.example], block: [x.example], default_action: block}}\n");
            var newPolicy = Yaml("version: \"1.1.0\"\nguards: {egress_allowlist: {allow: [a.example, x.example], block: [], default_action: block}}\n");
            var summary = new ReplaySummary();
            string ev = "{\"eventId\":\"e1\",\"eventType\":\"network_egress\",\"timestamp\":\"2026-02-03T00:00:00Z\",\"data\":{\"type\":\"network\",\"host\":\"x.example\",\"port\":443}}\n";
            foreach (var _ in PolicyComparison.Run(oldPolicy, newPolicy, EventStreamReader.ReadAll(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ev)), "-"), null, summary))
            {
            }

            PolicyAttribution.Attribute(oldPolicy, newPolicy, summary);
            var g = Assert.Single(summary.Groups);
            Assert.Equal(FlipKind.DenyToAllow, g.Kind);
            Assert.All(g.Causes, c => Assert.StartsWith("(with others)", c));
            Assert.Contains(g.Causes, c => c.Contains("/guards/egress_allowlist/block/0"));
        }
    }
}
