using System.IO;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using PolicySim.Tests.Reports;

namespace PolicySim.Tests
{
    public class ReportCliTests
    {
        private static readonly string[] Compare = { "compare", "examples/policies/current.yaml", "examples/policies/candidate.yaml", "examples/events/audit.jsonl" };

        private static readonly string[] CompareSame = { "compare", "examples/policies/current.yaml", "examples/policies/current.yaml", "examples/events/audit.jsonl" };

        private static CliRun Run(string[] command, params string[] options) => CliRun.Invoke(command.Concat(options).ToArray());

        private static CliRun RunEnv(Dictionary<string, string> env, string[] command, params string[] options) => CliRun.WithEnvironment(env, string.Empty, command.Concat(options).ToArray());

        private static List<string> ValidateXml(string path, string xsd)
        {
            var problems = new List<string>();
            var schemas = new XmlSchemaSet();
            schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "schema", xsd));
            var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings };
            settings.ValidationEventHandler += (_, e) => problems.Add(e.Message);
            using (var reader = XmlReader.Create(path, settings))
            {
                while (reader.Read())
                {
                }
            }

            return problems;
        }

        private static string TempFile(string name) => Path.Combine(AppContext.BaseDirectory, "out-" + Guid.NewGuid().ToString("N") + "-" + name);

        [Fact]
        public void Fail_on_AllowToDeny_exits_2_when_such_flips_exist()
        {
            CliRun r = Run(Compare, "--fail-on", "AllowToDeny");
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("Gate failed: 4 AllowToDeny flips (fail on AllowToDeny)", r.Stderr);
            Assert.StartsWith("Policy compare:", r.Stdout);
        }

        [Fact]
        public void Fail_on_AllowToDeny_exits_0_when_none_exist_even_if_other_outcomes_change()
        {
            Assert.Equal(0, Run(CompareSame, "--fail-on", "AllowToDeny").ExitCode);
            CliRun r = Run(Compare, "--fail-on", "WarnToDeny");
            Assert.Equal(0, r.ExitCode);
            Assert.Contains("Gate passed", r.Stderr);
        }

        [Theory]
        [InlineData("breaking", 2)]
        [InlineData("widening", 2)]
        [InlineData("DenyToWarn,WarnToAllow", 0)]
        [InlineData("unknown", 0)]
        public void Fail_on_words_gate_their_kinds(string kinds, int exit)
        {
            Assert.Equal(exit, Run(Compare, "--fail-on", kinds).ExitCode);
            Assert.Equal(0, Run(CompareSame, "--fail-on", kinds).ExitCode);
        }

        [Theory]
        [InlineData("--max-changes", "6", 0)]
        [InlineData("--max-changes", "5", 2)]
        [InlineData("--max-change-rate", "20%", 0)]
        [InlineData("--max-change-rate", "0.1", 2)]
        [InlineData("--max-change-rate", "10", 2)]
        public void Thresholds_gate_the_number_and_share_of_changes(string option, string value, int exit)
        {
            Assert.Equal(exit, Run(Compare, option, value).ExitCode);
        }

        [Theory]
        [InlineData("--fail-on", "AllowToMaybe")]
        [InlineData("--max-change-rate", "lots")]
        [InlineData("--max-changes", "-1")]
        [InlineData("--format", "xml")]
        [InlineData("--ci-style", "jenkins")]
        public void Bad_report_and_gate_options_are_usage_errors(string option, string value)
        {
            CliRun r = Run(Compare, option, value);
            Assert.Equal(5, r.ExitCode);
            Assert.StartsWith("Error: ", r.Stderr);
        }

        [Fact]
        public void Without_gate_options_the_exit_code_and_stderr_are_unchanged()
        {
            CliRun r = Run(Compare);
            Assert.Equal(2, r.ExitCode);
            Assert.Equal(string.Empty, r.Stderr);
            Assert.Equal(0, Run(CompareSame).ExitCode);
        }

        [Fact]
        public void Gate_exit_code_is_written_in_the_json_report()
        {
            CliRun r = Run(Compare, "--format", "json", "--fail-on", "WarnToDeny");
            Assert.Equal(0, r.ExitCode);
            Assert.Equal(0, JsonDocument.Parse(r.Stdout).RootElement.GetProperty("exit_code").GetInt32());
        }

        [Fact]
        public void Azure_annotations_go_to_stderr_and_stdout_stays_data()
        {
            var env = new Dictionary<string, string> { ["TF_BUILD"] = "True" };
            CliRun r = RunEnv(env, Compare, "--format", "json", "--fail-on", "AllowToDeny");
            Assert.Equal(2, r.ExitCode);
            JsonDocument.Parse(r.Stdout).Dispose();
            Assert.DoesNotContain("##vso", r.Stdout);
            var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains(lines, l => l.StartsWith("##vso[task.logissue type=warning;sourcepath=examples/policies/candidate.yaml;linenumber=", StringComparison.Ordinal) && l.Contains("code=DenyToAllow]"));
            Assert.Equal(4, lines.Count(l => l.StartsWith("##vso[task.logissue type=error;sourcepath=examples/policies/candidate.yaml;", StringComparison.Ordinal) && l.Contains("code=AllowToDeny]")));
            Assert.Equal("##vso[task.complete result=Failed;]Gate failed: 4 AllowToDeny flips (fail on AllowToDeny)", lines[^1]);
        }

        [Fact]
        public void Azure_annotations_appear_without_gate_options_using_the_default_gate()
        {
            CliRun r = RunEnv(new Dictionary<string, string> { ["TF_BUILD"] = "True" }, Compare);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("##vso[task.complete result=Failed;]", r.Stderr);
            CliRun same = RunEnv(new Dictionary<string, string> { ["TF_BUILD"] = "True" }, CompareSame);
            Assert.Equal("##vso[task.complete result=Succeeded;]Gate passed\n", same.Stderr);
        }

        [Fact]
        public void GitHub_annotations_are_escaped_and_the_step_summary_is_appended()
        {
            string dir = Path.Combine(AppContext.BaseDirectory, "gh, esc:" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            File.Copy(Path.Combine(CliRun.Examples, "policies", "current.yaml"), Path.Combine(dir, "current.yaml"));
            File.Copy(Path.Combine(CliRun.Examples, "policies", "candidate.yaml"), Path.Combine(dir, "candidate.yaml"));
            string summary = TempFile("summary.md");
            File.WriteAllText(summary, "# earlier step\n");
            var env = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary };
            string rel = Path.GetFileName(dir);
            CliRun r = CliRun.WithEnvironment(env, string.Empty, "compare", rel + "/current.yaml", rel + "/candidate.yaml", "examples/events/audit.jsonl", "--fail-on", "widening");
            Assert.Equal(2, r.ExitCode);
            string escapedDir = rel.Replace(",", "%2C").Replace(":", "%3A");
            var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains(lines, l => l.StartsWith("::error file=" + escapedDir + "/candidate.yaml,line=", StringComparison.Ordinal) && l.Contains(",title=PolicySim DenyToAllow::1 event DenyToAllow"));
            Assert.DoesNotContain(lines, l => l.StartsWith("::warning ", StringComparison.Ordinal));
            Assert.Contains("::error title=PolicySim gate::Gate failed: 1 DenyToAllow flip (fail on DenyToAllow)", lines);
            Assert.DoesNotContain("::", r.Stdout);
            string md = File.ReadAllText(summary);
            Assert.StartsWith("# earlier step\n## PolicySim compare:", md);
            Assert.Contains("| **DenyToAllow** | Widening | 1 | 2.78% |", md);
        }

        [Fact]
        public void Explicit_plain_style_overrides_detection()
        {
            CliRun r = RunEnv(new Dictionary<string, string> { ["TF_BUILD"] = "True" }, Compare, "--ci-style", "plain", "--fail-on", "DenyToAllow");
            Assert.Equal(2, r.ExitCode);
            Assert.DoesNotContain("##vso", r.Stderr);
            Assert.Contains("error: examples/policies/candidate.yaml:", r.Stderr);
            Assert.Contains("Gate failed: 1 DenyToAllow flip (fail on DenyToAllow)", r.Stderr);
        }

        [Theory]
        [InlineData("junit", "junit.xsd")]
        [InlineData("nunit", "nunit3.xsd")]
        public void Compare_writes_schema_valid_test_results(string format, string xsd)
        {
            string file = TempFile(format + ".xml");
            CliRun r = Run(Compare, "--format", format, "--output", file);
            Assert.Equal(2, r.ExitCode);
            Assert.Equal(string.Empty, r.Stdout);
            Assert.Empty(ValidateXml(file, xsd));
            Assert.Equal(6, XDocument.Load(file).Descendants(format == "junit" ? "testcase" : "test-case").Count());

            string same = TempFile(format + "-same.xml");
            Assert.Equal(0, Run(CompareSame, "--format", format, "--output", same).ExitCode);
            Assert.Empty(ValidateXml(same, xsd));
        }

        [Fact]
        public void Compare_writes_a_schema_valid_sarif_file()
        {
            string file = TempFile("report.sarif");
            Assert.Equal(2, Run(Compare, "--format", "sarif", "--output", file).ExitCode);
            Assert.Empty(MiniJsonSchema.Load("sarif-2.1.0-subset.json").Validate(File.ReadAllText(file)));
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(file));
            Assert.Equal("examples/policies/candidate.yaml", doc.RootElement.GetProperty("runs")[0].GetProperty("results")[0]
                .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        }

        [Fact]
        public void Compare_writes_a_json_report_valid_against_the_schema()
        {
            string file = TempFile("report.json");
            Assert.Equal(2, Run(Compare, "--format", "json", "--output", file).ExitCode);
            Assert.Empty(MiniJsonSchema.Load("policysim.replay-1.schema.json").Validate(File.ReadAllText(file)));
        }

        [Fact]
        public void Compare_writes_markdown_and_html_files()
        {
            string md = TempFile("report.md");
            Assert.Equal(2, Run(Compare, "--format", "markdown", "--output", md).ExitCode);
            string text = File.ReadAllText(md);
            Assert.StartsWith("## PolicySim compare: Platform agents (current)", text);
            Assert.Contains("### Recommendations", text);

            string html = TempFile("report.html");
            Assert.Equal(2, Run(Compare, "--format", "html", "--output", html).ExitCode);
            string page = File.ReadAllText(html);
            Assert.StartsWith("<!DOCTYPE html>", page);
            Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("http", page, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Decisions by guard", page);
            XDocument.Parse(page.Replace("<!DOCTYPE html>", string.Empty).Replace("<br>", "<br/>").Replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"/>").Replace("initial-scale=1\">", "initial-scale=1\"/>"));
        }

        [Fact]
        public void Replay_accepts_the_new_formats_too()
        {
            string records = TempFile("default.audit.jsonl");
            File.WriteAllLines(records, File.ReadAllLines(Path.Combine(CliRun.Examples, "expected", "default.audit.jsonl")).Where(l => l.StartsWith("{\"eventId\"", StringComparison.Ordinal)));
            CliRun r = Run(new[] { "replay", "examples/policies/candidate.yaml", records }, "--events", "examples/events/audit.jsonl", "--format", "markdown", "--fail-on", "widening");
            Assert.Equal(2, r.ExitCode);
            Assert.StartsWith("## PolicySim replay: `recorded` → Platform agents (candidate) (`examples/policies/candidate.yaml`)", r.Stdout);
            Assert.Contains("| **DenyToAllow** | Widening | 2 |", r.Stdout);
            Assert.Equal(0, Run(new[] { "replay", "examples/policies/candidate.yaml", records }, "--events", "examples/events/audit.jsonl", "--fail-on", "WarnToDeny").ExitCode);

            // Unreadable records win over the gate: exit 3 (invalid input), as without a gate.
            Assert.Equal(3, Run(new[] { "replay", "examples/policies/candidate.yaml", "examples/expected/default.audit.jsonl" }, "--events", "examples/events/audit.jsonl", "--fail-on", "WarnToDeny").ExitCode);
        }
    }
}
