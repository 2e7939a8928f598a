using System.IO;

namespace PolicySim.Tests
{
    public class AttributedReportTests
    {
        private static CliRun Compare(string format) => CliRun.Invoke(
            "compare",
            Path.Combine("examples", "policies", "current.yaml"),
            Path.Combine("examples", "policies", "candidate.yaml"),
            Path.Combine("examples", "events", "audit.jsonl"),
            "--format",
            format);

        [Fact]
        public void Markdown_names_the_attributed_change_and_its_line()
        {
            string md = Compare("markdown").Stdout;
            Assert.Contains("`mcp_tool/require_confirmation/deploy` added at `examples/policies/candidate.yaml:18`", md);
            Assert.Contains("`/guards/path_allowlist` added at `examples/policies/candidate.yaml:28`", md);
            Assert.Contains("`egress_allowlist/allow/*.docs-cdn.example` added at `examples/policies/candidate.yaml:14`", md);
        }

        [Fact]
        public void Sarif_locations_point_at_the_attributed_lines()
        {
            using var doc = System.Text.Json.JsonDocument.Parse(Compare("sarif").Stdout);
            var lines = new System.Collections.Generic.List<int>();
            foreach (var result in doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray())
            {
                foreach (var loc in result.GetProperty("locations").EnumerateArray())
                {
                    lines.Add(loc.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
                }
            }

            Assert.Contains(18, lines);
            Assert.Contains(14, lines);
            Assert.Contains(28, lines);
        }
    }
}
