using System.IO;
using System.Text.Json;
using System.Xml.Linq;
using PolicySim.Replay;
using PolicySim.Reports;

namespace PolicySim.Tests.Reports
{
    public class ReportWriterTests
    {
        public static IEnumerable<object[]> AllData() => new[]
        {
            new object[] { "changed" },
            new object[] { "unchanged" },
            new object[] { "empty" },
        };

        private static ReplayReportData Data(string name) => name switch
        {
            "changed" => ReportTestData.Changed(),
            "unchanged" => ReportTestData.Unchanged(),
            _ => ReportTestData.Empty(),
        };

        /// <summary>A summary holding one group whose texts carry markup, quotes and control characters.</summary>
        private static ReplayReportData Hostile()
        {
            var group = new FlipGroup(FlipKind.DenyToAllow, "network_egress", "<script>alert('x')</script>&\u0001", "egress_allowlist", null,
                "blocked [egress_allowlist] \"<b>bad</b>\" | pipe", "allowed Allowed\nsecond line", 2,
                new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 2, 11, 0, 0, TimeSpan.Zero), new[] { "evt-<1>" });
            var flips = new Dictionary<FlipKind, long> { [FlipKind.None] = 3, [FlipKind.DenyToAllow] = 2 };
            var summary = ReplaySummary.Restore(5, 0, 0, 0, 0, flips, new[] { group });
            return new ReplayReportData("compare", "new <x>.yaml", "old.yaml", new[] { "a&b.jsonl" }, summary);
        }

        [Theory]
        [MemberData(nameof(AllData))]
        public void Json_report_is_valid_against_the_checked_in_schema(string name)
        {
            var schema = MiniJsonSchema.Load("policysim.replay-1.schema.json");
            ReplayReportData data = Data(name);
            string json = ReportWriter.ToString(data, ReportFormat.Json);
            Assert.Empty(schema.Validate(json));
            Assert.Equal(data.Summary.Total, JsonDocument.Parse(json).RootElement.GetProperty("summary").GetProperty("total").GetInt64());
        }

        [Fact]
        public void Json_schema_validator_rejects_a_broken_report()
        {
            var schema = MiniJsonSchema.Load("policysim.replay-1.schema.json");
            string json = ReportWriter.ToString(ReportTestData.Changed(), ReportFormat.Json)
                .Replace("\"kind\": \"DenyToAllow\"", "\"kind\": \"Sideways\"")
                .Replace("\"exit_code\": 0", "\"exit_code\": \"zero\"");
            List<string> errors = schema.Validate(json);
            Assert.Contains(errors, e => e.Contains("Sideways"));
            Assert.Contains(errors, e => e.Contains("exit_code"));
            Assert.NotEmpty(schema.Validate("{\"schema\": \"policysim.replay/1\"}"));
        }

        [Fact]
        public void Jsonl_report_writes_one_line_per_flip()
        {
            string jsonl = ReportWriter.ToString(ReportTestData.Changed(), ReportFormat.Jsonl);
            var lines = jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(6, lines.Length);
            Assert.All(lines, l => Assert.NotEqual(JsonValueKind.Undefined, JsonDocument.Parse(l).RootElement.GetProperty("flip").ValueKind));
        }

        [Theory]
        [MemberData(nameof(AllData))]
        public void JUnit_report_is_valid_against_the_checked_in_xsd(string name)
        {
            string xml = ReportWriter.ToString(Data(name), ReportFormat.JUnit);
            Assert.Empty(ReportTestData.ValidateXml(xml, "junit.xsd"));
            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<testsuites", xml);
        }

        [Fact]
        public void JUnit_report_has_one_case_per_group_failed_when_its_kind_is_gated()
        {
            var gate = new PolicyGate(new[] { FlipKind.AllowToDeny });
            XDocument doc = XDocument.Parse(ReportWriter.ToString(ReportTestData.Changed(gate), ReportFormat.JUnit));
            var cases = doc.Descendants("testcase").ToList();
            Assert.Equal(6, cases.Count);
            Assert.Equal(4, cases.Count(c => c.Element("failure") != null));
            Assert.All(cases.Where(c => c.Element("failure") != null), c => Assert.Equal("AllowToDeny", c.Element("failure")!.Attribute("type")!.Value));
            Assert.Equal("DenyToAllow network_egress *.docs-cdn.example", cases[0].Attribute("name")!.Value);
            Assert.Null(cases[0].Element("failure"));
            Assert.Equal("4", doc.Root!.Element("testsuite")!.Attribute("failures")!.Value);
            Assert.Equal("2026-11-02T09:00:36", doc.Root.Element("testsuite")!.Attribute("timestamp")!.Value);
        }

        [Fact]
        public void JUnit_report_of_no_changes_has_one_passing_case()
        {
            XDocument doc = XDocument.Parse(ReportWriter.ToString(ReportTestData.Unchanged(), ReportFormat.JUnit));
            var only = Assert.Single(doc.Descendants("testcase"));
            Assert.Equal("no changes", only.Attribute("name")!.Value);
            Assert.Null(only.Element("failure"));
        }

        [Fact]
        public void JUnit_and_NUnit_reports_add_a_threshold_case_when_the_gate_has_thresholds()
        {
            var gate = new PolicyGate(null, maxChanges: 3);
            XDocument junit = XDocument.Parse(ReportWriter.ToString(ReportTestData.Changed(gate), ReportFormat.JUnit));
            var threshold = junit.Descendants("testcase").Single(c => c.Attribute("classname")!.Value == "PolicySim.Gate");
            Assert.Contains("exceed the maximum of 3", threshold.Element("failure")!.Attribute("message")!.Value);
            Assert.Single(junit.Descendants("failure"));

            string nunit = ReportWriter.ToString(ReportTestData.Changed(gate), ReportFormat.NUnit3);
            Assert.Empty(ReportTestData.ValidateXml(nunit, "nunit3.xsd"));
        }

        [Theory]
        [MemberData(nameof(AllData))]
        public void NUnit3_report_is_valid_against_the_checked_in_xsd(string name)
        {
            string xml = ReportWriter.ToString(Data(name), ReportFormat.NUnit3);
            Assert.Empty(ReportTestData.ValidateXml(xml, "nunit3.xsd"));
        }

        [Fact]
        public void NUnit3_report_counts_failed_cases_and_nests_them_in_fixtures()
        {
            XDocument doc = XDocument.Parse(ReportWriter.ToString(ReportTestData.Changed(), ReportFormat.NUnit3));
            XElement run = doc.Root!;
            Assert.Equal("test-run", run.Name.LocalName);
            Assert.Equal("Failed", run.Attribute("result")!.Value);
            Assert.Equal("6", run.Attribute("total")!.Value);
            Assert.Equal("6", run.Attribute("failed")!.Value);
            var assembly = Assert.Single(run.Elements("test-suite"));
            Assert.Equal("Assembly", assembly.Attribute("type")!.Value);
            Assert.Equal(new[] { "PolicySim.Widening", "PolicySim.Breaking" }, assembly.Elements("test-suite").Select(s => s.Attribute("fullname")!.Value));
            Assert.All(doc.Descendants("test-case"), c => Assert.NotNull(c.Element("failure")?.Element("message")));

            XDocument none = XDocument.Parse(ReportWriter.ToString(ReportTestData.Unchanged(), ReportFormat.NUnit3));
            Assert.Equal("Passed", none.Root!.Attribute("result")!.Value);
            Assert.Equal("no changes", Assert.Single(none.Descendants("test-case")).Attribute("name")!.Value);
        }

        [Fact]
        public void XSD_validation_rejects_reports_that_break_the_schemas()
        {
            string junit = ReportWriter.ToString(ReportTestData.Changed(), ReportFormat.JUnit);
            Assert.NotEmpty(ReportTestData.ValidateXml(junit.Replace(" classname=\"PolicySim.Widening\"", string.Empty), "junit.xsd"));
            Assert.NotEmpty(ReportTestData.ValidateXml(junit.Replace("<testsuites", "<suites").Replace("</testsuites>", "</suites>"), "junit.xsd"));
            string nunit = ReportWriter.ToString(ReportTestData.Changed(), ReportFormat.NUnit3);
            Assert.NotEmpty(ReportTestData.ValidateXml(nunit.Replace("result=\"Failed\"", "result=\"Broken\""), "nunit3.xsd"));
            Assert.NotEmpty(ReportTestData.ValidateXml(nunit.Replace(" seed=\"0\"", string.Empty), "nunit3.xsd"));
        }

        [Fact]
        public void XML_reports_stay_valid_with_markup_and_control_characters_in_the_data()
        {
            ReplayReportData data = Hostile();
            Assert.Empty(ReportTestData.ValidateXml(ReportWriter.ToString(data, ReportFormat.JUnit), "junit.xsd"));
            Assert.Empty(ReportTestData.ValidateXml(ReportWriter.ToString(data, ReportFormat.NUnit3), "nunit3.xsd"));
        }

        [Theory]
        [MemberData(nameof(AllData))]
        public void Sarif_report_is_valid_against_the_checked_in_subset(string name)
        {
            string sarif = ReportWriter.ToString(Data(name), ReportFormat.Sarif);
            Assert.Empty(MiniJsonSchema.Load("sarif-2.1.0-subset.json").Validate(sarif));
        }

        [Fact]
        public void Sarif_report_locates_the_widening_at_the_candidate_rule()
        {
            using JsonDocument doc = JsonDocument.Parse(ReportWriter.ToString(ReportTestData.Changed(), ReportFormat.Sarif));
            JsonElement run = doc.RootElement.GetProperty("runs")[0];
            Assert.Equal("PolicySim", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
            var ruleIds = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
            Assert.Equal(10, ruleIds.Count);
            Assert.Contains("DenyToAllow", ruleIds);
            JsonElement first = run.GetProperty("results")[0];
            Assert.Equal("DenyToAllow", first.GetProperty("ruleId").GetString());
            Assert.Equal("error", first.GetProperty("level").GetString());
            Assert.Equal(ruleIds.IndexOf("DenyToAllow"), first.GetProperty("ruleIndex").GetInt32());
            Assert.Contains("evt-0020", first.GetProperty("message").GetProperty("text").GetString());
            JsonElement physical = first.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("policies/candidate.yaml", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
            int line = File.ReadAllLines(ReportTestData.Candidate).ToList().FindIndex(l => l.Contains("*.docs-cdn.example")) + 1;
            Assert.Equal(line, physical.GetProperty("region").GetProperty("startLine").GetInt32());
            Assert.Equal(6, run.GetProperty("results").GetArrayLength());
        }

        [Fact]
        public void Sarif_report_lists_gated_groups_as_errors_and_ungated_widening_as_warnings()
        {
            using JsonDocument doc = JsonDocument.Parse(ReportWriter.ToString(ReportTestData.Changed(new PolicyGate(new[] { FlipKind.AllowToDeny })), ReportFormat.Sarif));
            var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("ruleId").GetString() + ":" + r.GetProperty("level").GetString()).ToList();
            Assert.Equal(new[] { "DenyToAllow:warning", "AllowToDeny:error", "AllowToDeny:error", "AllowToDeny:error", "AllowToDeny:error" }, results);
        }

        [Fact]
        public void Markdown_report_puts_widening_first_with_counts_percentages_and_recommendations()
        {
            string md = ReportWriter.ToString(ReportTestData.Changed(), ReportFormat.Markdown);
            Assert.StartsWith("## PolicySim compare: Platform agents (current) (`policies/current.yaml`) → Platform agents (candidate) (`policies/candidate.yaml`)\n", md);
            Assert.Contains("| **DenyToAllow** | Widening | 1 | 2.78% |", md);
            Assert.Contains("| AllowToDeny | Breaking | 4 | 11.11% |", md);
            Assert.Contains("| None (unchanged) | — | 30 | 83.33% |", md);
            Assert.True(md.IndexOf("| 1 | **DenyToAllow**", StringComparison.Ordinal) < md.IndexOf("| 2 | AllowToDeny", StringComparison.Ordinal));
            Assert.Contains("`egress_allowlist/allow/*.docs-cdn.example` added at `policies/candidate.yaml:", md);
            Assert.Contains("- Review widening:", md);
            Assert.Contains("- Shadow first:", md);
            Assert.Contains("**Gate: failed**", md);
            Assert.Equal(md, ReportWriter.ToString(ReportTestData.Changed(), ReportFormat.Markdown));
        }

        [Fact]
        public void Rule_attribution_prefers_the_rule_kind_of_the_event()
        {
            string md = ReportWriter.ToString(ReportTestData.Changed(), ReportFormat.Markdown);
            string write = md.Split('\n').Single(l => l.Contains("`/var/tmp/x.bin`"));
            Assert.Contains("`path_allowlist/file_write_allow//workspace/**` added", write);
            string read = md.Split('\n').Single(l => l.Contains("`/var/lib/app/state.db`"));
            Assert.Contains("`path_allowlist/file_access_allow//workspace/**` added", read);
        }

        [Fact]
        public void Markdown_report_of_no_changes_says_so()
        {
            string md = ReportWriter.ToString(ReportTestData.Unchanged(), ReportFormat.Markdown);
            Assert.Contains("- No changes:", md);
            Assert.Contains("**Gate: passed**", md);
            Assert.DoesNotContain("Top groups", md);
            Assert.Contains("- No events were compared", ReportWriter.ToString(ReportTestData.Empty(), ReportFormat.Markdown));
        }

        [Fact]
        public void Markdown_report_escapes_table_breaking_text()
        {
            string md = ReportWriter.ToString(Hostile(), ReportFormat.Markdown);
            string row = md.Split('\n').Single(l => l.StartsWith("| 1 |", StringComparison.Ordinal));
            Assert.Contains("\\| pipe", row);
            Assert.DoesNotContain("second line\n", md);
            Assert.Contains("new &lt;x&gt;.yaml", md.Split('\n')[0].Replace("`new <x>.yaml`", "new &lt;x&gt;.yaml"));
        }

        [Theory]
        [MemberData(nameof(AllData))]
        public void Html_report_is_self_contained(string name)
        {
            string html = ReportWriter.ToString(Data(name), ReportFormat.Html);
            Assert.StartsWith("<!DOCTYPE html>", html);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.EndsWith("</html>\n", html);
        }

        [Fact]
        public void Html_report_charts_decisions_by_guard_flips_by_kind_and_over_time()
        {
            string html = ReportWriter.ToString(ReportTestData.Changed(), ReportFormat.Html);
            Assert.Contains("Decisions by guard", html);
            Assert.Contains("aria-label=\"Flips by kind\"", html);
            Assert.Contains("aria-label=\"Flips over time\"", html);
            Assert.Contains("path_allowlist", html);
            Assert.True(html.IndexOf("*.docs-cdn.example", StringComparison.Ordinal) < html.IndexOf("/var/lib/app/state.db", StringComparison.Ordinal));
        }

        [Fact]
        public void Html_report_encodes_every_text()
        {
            string html = ReportWriter.ToString(Hostile(), ReportFormat.Html);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>bad", html);
            Assert.Contains("&lt;script&gt;", html);
            Assert.Contains("new &lt;x&gt;.yaml", html);
            Assert.Contains("Flips by guard", html);
        }

        [Fact]
        public void Text_report_matches_the_text_formatter()
        {
            ReplayReportData data = ReportTestData.Changed();
            Assert.Equal(ReplayTextReport.Format(data.Title, data.Summary), ReportWriter.ToString(data, ReportFormat.Text));
        }

        [Theory]
        [InlineData("nunit", ReportFormat.NUnit3)]
        [InlineData("NUnit3", ReportFormat.NUnit3)]
        [InlineData("md", ReportFormat.Markdown)]
        [InlineData("junit", ReportFormat.JUnit)]
        [InlineData("sarif", ReportFormat.Sarif)]
        [InlineData("html", ReportFormat.Html)]
        public void Format_names_parse(string name, ReportFormat expected)
        {
            Assert.True(ReportWriter.TryParseFormat(name, out ReportFormat f));
            Assert.Equal(expected, f);
            Assert.False(ReportWriter.TryParseFormat("xml", out _));
        }
    }
}
