using System.IO;
using PolicySim.Reports;

namespace PolicySim.Tests.Reports
{
    public class CiAnnotationsTests
    {
        private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
            name => vars.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();

        [Fact]
        public void Style_is_detected_from_the_environment()
        {
            Assert.Equal(CiStyle.AzurePipelines, CiAnnotations.Detect(Env(("TF_BUILD", "True"))));
            Assert.Equal(CiStyle.GitHubActions, CiAnnotations.Detect(Env(("GITHUB_ACTIONS", "true"))));
            Assert.Equal(CiStyle.Plain, CiAnnotations.Detect(Env()));
            Assert.Equal(CiStyle.Plain, CiAnnotations.Detect(Env(("TF_BUILD", "false"))));
            Assert.Equal(CiStyle.GitHubActions, CiAnnotations.Resolve(CiStyle.GitHubActions, Env(("TF_BUILD", "True"))));
        }

        [Fact]
        public void GitHub_escaping_follows_the_workflow_command_rules()
        {
            Assert.Equal("100%25 a%0D%0Ab: c, d", CiAnnotations.EscapeGitHubData("100% a\r\nb: c, d"));
            Assert.Equal("a%3Ab%2Cc%25%0A", CiAnnotations.EscapeGitHubProperty("a:b,c%\n"));
        }

        [Fact]
        public void Azure_escaping_follows_the_logging_command_rules()
        {
            Assert.Equal("50%AZP25%0D%0Ax;y]", CiAnnotations.AzureData("50%\r\nx;y]"));
            Assert.Equal("a%3Bb%5D", CiAnnotations.AzureProperty("a;b]"));
        }

        [Fact]
        public void Azure_annotations_log_issues_at_rule_locations_and_complete_the_task()
        {
            var w = new StringWriter { NewLine = "\n" };
            GateResult r = CiAnnotations.Write(ReportTestData.Changed(new PolicyGate(new[] { PolicySim.Replay.FlipKind.AllowToDeny })), CiStyle.AzurePipelines, w);
            var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.False(r.Passed);
            Assert.StartsWith("##vso[task.logissue type=warning;sourcepath=policies/candidate.yaml;linenumber=", lines[0]);
            Assert.Contains(";code=DenyToAllow]1 event DenyToAllow", lines[0]);
            Assert.Equal(4, lines.Count(l => l.StartsWith("##vso[task.logissue type=error;", StringComparison.Ordinal) && l.Contains("code=AllowToDeny")));
            Assert.Equal("##vso[task.complete result=Failed;]Gate failed: 4 AllowToDeny flips (fail on AllowToDeny)", lines[^1]);
        }

        [Fact]
        public void Azure_task_result_is_succeeded_with_issues_when_only_widening_warnings()
        {
            var w = new StringWriter();
            CiAnnotations.Write(ReportTestData.Changed(new PolicyGate(new[] { PolicySim.Replay.FlipKind.WarnToDeny })), CiStyle.AzurePipelines, w);
            Assert.EndsWith("##vso[task.complete result=SucceededWithIssues;]Gate passed\n", w.ToString());
            var none = new StringWriter();
            CiAnnotations.Write(ReportTestData.Unchanged(), CiStyle.AzurePipelines, none);
            Assert.Equal("##vso[task.complete result=Succeeded;]Gate passed\n", none.ToString());
        }

        [Fact]
        public void GitHub_annotations_are_errors_and_warnings_with_escaped_properties()
        {
            var w = new StringWriter();
            CiAnnotations.Write(ReportTestData.Changed(), CiStyle.GitHubActions, w);
            var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("::error file=policies/candidate.yaml,line=", lines[0]);
            Assert.Contains(",title=PolicySim DenyToAllow::1 event DenyToAllow (blocked before, allowed now)", lines[0]);
            Assert.Contains(lines, l => l.StartsWith("::error title=PolicySim gate::Gate failed", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.StartsWith("##vso", StringComparison.Ordinal));
        }

        [Fact]
        public void Step_summary_path_is_read_only_for_GitHub()
        {
            var env = Env(("GITHUB_STEP_SUMMARY", "/tmp/summary.md"));
            Assert.Equal("/tmp/summary.md", CiAnnotations.StepSummaryPath(CiStyle.GitHubActions, env));
            Assert.Null(CiAnnotations.StepSummaryPath(CiStyle.AzurePipelines, env));
            Assert.Null(CiAnnotations.StepSummaryPath(CiStyle.GitHubActions, Env()));
        }
    }
}
