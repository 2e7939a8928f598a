using System.Linq;
using PolicySim.Policies.Diff;
using PolicySim.Reports;
using static PolicySim.Tests.TestPolicies;

namespace PolicySim.Tests.Policies
{
    public class PolicyDiffTests
    {
        [Fact]
        public void Identical_policies_have_no_changes()
        {
            var d = PolicyDiff.Compare(BuiltIn("strict"), BuiltIn("strict"));
            Assert.True(d.IsEmpty);
            Assert.Equal("No changes.", d.ToString());
        }

        [Fact]
        public void Entries_are_sorted_by_path_with_json_pointer_escaping_and_kinds()
        {
            var a = Yaml("version: \"1.1.0\"\nguards: {egress_allowlist: {allow: [a, b]}}\n");
            var b = Yaml("version: \"1.1.0\"\nguards: {egress_allowlist: {allow: [a, c, d]}, mcp_tool: {block: [x]}}\n");
            var d = PolicyDiff.Compare(a, b);
            Assert.Equal(new[] { "/guards/egress_allowlist/allow/1", "/guards/egress_allowlist/allow/2", "/guards/mcp_tool" }, d.Changes.Select(c => c.Path));
            Assert.Equal(PolicyChangeKind.Changed, d.Changes[0].Kind);
            Assert.Equal(PolicyChangeKind.Added, d.Changes[1].Kind);
            Assert.Equal(PolicyChangeKind.Changed, d.Changes[2].Kind); // null section vs present is changed, not added
            Assert.Equal("~ /guards/egress_allowlist/allow/1: \"b\" -> \"c\"", d.Changes[0].ToString());
            Assert.Equal("+ /guards/egress_allowlist/allow/2: null -> \"d\"", d.Changes[1].ToString());
            Assert.Equal("Found 3 change(s): 2 changed, 1 added, 0 removed", d.ToString());
            Assert.Equal("~1", PolicyDiff.Escape("/"));
            Assert.Equal("~0", PolicyDiff.Escape("~"));
        }

        [Fact]
        public void Long_values_are_truncated_in_text()
        {
            var a = Yaml("version: \"1.1.0\"\n");
            var b = Yaml("version: \"1.1.0\"\nguards: {forbidden_path: {patterns: [" + string.Join(", ", Enumerable.Range(0, 30).Select(i => "\"/p" + i + "/**\"")) + "]}}\n");
            string line = PolicyDiff.Compare(a, b).Changes.Single().ToString();
            Assert.EndsWith("...", line);
        }

        [Fact]
        public void Json_form_is_an_array_of_path_kind_old_new()
        {
            var d = PolicyDiff.Compare(Yaml("version: \"1.1.0\"\nsettings: {fail_fast: true}\n"), Yaml("version: \"1.1.0\"\nsettings: {fail_fast: false}\n"));
            string json = PolicyDiffReport.FormatJson(d, includeRules: false);
            Assert.Equal("[\n  {\n    \"path\": \"/settings/fail_fast\",\n    \"kind\": \"changed\",\n    \"old\": true,\n    \"new\": false\n  }\n]", json);
        }

        [Fact]
        public void Rule_changes_carry_locations()
        {
            var d = PolicyDiff.Compare(BuiltIn("default"), Yaml("extends: default\nguards:\n  egress_allowlist:\n    additional_allow:\n      - \"x.example\"\n"));
            var added = Assert.Single(d.RulesAdded);
            Assert.Equal("egress_allowlist/allow/x.example", added.Id);
            Assert.Equal(5, added.Line);
        }
    }
}
