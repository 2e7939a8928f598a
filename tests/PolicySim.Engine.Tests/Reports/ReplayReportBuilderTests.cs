using System.IO;
using PolicySim.Events;
using PolicySim.Policies;
using PolicySim.Replay;
using PolicySim.Reports;

namespace PolicySim.Tests.Reports
{
    public class ReplayReportBuilderTests
    {
        private static (PolicyDefinition Old, PolicyDefinition New, List<ReplayResult> Results, ReplaySummary Summary) Compare()
        {
            PolicyDefinition oldPolicy = PolicyLoader.Load(ReportTestData.Current);
            PolicyDefinition newPolicy = PolicyLoader.Load(ReportTestData.Candidate);
            var summary = new ReplaySummary();
            var results = new List<ReplayResult>();
            using (Stream s = File.OpenRead(ReportTestData.Audit))
            {
                foreach (ReplayItem item in PolicyComparison.Run(oldPolicy, newPolicy, EventStreamReader.ReadAll(s, "events/audit.jsonl"), null, summary))
                {
                    results.Add(item.Result!);
                }
            }

            return (oldPolicy, newPolicy, results, summary);
        }

        [Fact]
        public void Results_aggregate_to_the_summary_of_the_comparison()
        {
            var (_, _, results, expected) = Compare();
            ReplaySummary s = ReplayReportBuilder.SummaryOf(results);
            Assert.Equal(expected.Total, s.Total);
            Assert.Equal(36, s.Total);
            Assert.Equal(6, s.Changed);
            Assert.Equal(4, s.Count(FlipKind.AllowToDeny));
            Assert.Equal(1, s.Count(FlipKind.AllowToWarn));
            Assert.Equal(1, s.Count(FlipKind.DenyToAllow));
            Assert.Equal(expected.Groups.Select(g => g.ToString()), s.Groups.Select(g => g.ToString()));
        }

        [Fact]
        public void Flips_only_streams_count_only_the_flips_and_say_so()
        {
            var (_, _, results, _) = Compare();
            var builder = new ReplayReportBuilder();
            foreach (ReplayResult r in results.Where(r => r.Flip != FlipKind.None))
            {
                builder.Add(r);
            }

            Assert.False(builder.HasUnchangedResults);
            Assert.Equal(6, builder.Summary.Total);
            Assert.Equal(6, builder.ResultCount);
        }

        [Fact]
        public void Summaries_merge_in_input_order_with_results()
        {
            var (_, _, results, summary) = Compare();
            var builder = new ReplayReportBuilder();
            builder.Add(summary);
            foreach (ReplayResult r in results)
            {
                builder.Add(r);
            }

            builder.Add(summary);
            Assert.Equal(108, builder.Summary.Total);
            Assert.Equal(18, builder.Summary.Changed);
            Assert.Equal(2, builder.SummaryCount);
            ReplayReportData data = builder.Build(null, null, null, null);
            Assert.Null(data.Tally); // charts would cover only part of the input
            Assert.Equal(6, data.Flips!.Count);
            Assert.Equal("compare", data.Command);
        }

        [Fact]
        public void Build_with_both_policies_attributes_groups_and_names_the_policies()
        {
            var (oldPolicy, newPolicy, results, _) = Compare();
            var builder = new ReplayReportBuilder();
            results.ForEach(builder.Add);
            ReplayReportData data = builder.Build(newPolicy, oldPolicy, new PolicyGate(PolicyGate.ParseKinds("widening")), ReportTestData.Examples);
            Assert.Equal("compare", data.Command);
            Assert.Equal(newPolicy.Reference, data.CandidatePolicy);
            Assert.Equal(oldPolicy.Reference, data.BaselinePolicy);
            Assert.NotNull(data.Tally);
            Assert.Equal(2, data.ExitCode);
            Assert.Contains(data.Summary.Groups, g => g.CauseDetails.Count > 0);
            Assert.False(data.EvaluateGate().Passed);
            foreach (ReportFormat f in Enum.GetValues<ReportFormat>())
            {
                Assert.False(string.IsNullOrEmpty(ReportWriter.ToString(data, f)), f + " is empty");
            }
        }

        [Fact]
        public void Build_with_only_a_candidate_is_a_replay_against_recorded_decisions()
        {
            var (_, newPolicy, _, summary) = Compare();
            var builder = new ReplayReportBuilder();
            builder.Add(summary);
            ReplayReportData data = builder.Build(newPolicy, null, null, null);
            Assert.Equal("replay", data.Command);
            Assert.Null(data.BaselinePolicy);
            Assert.Null(data.Flips);
            Assert.StartsWith("Policy replay: ", data.Title, StringComparison.Ordinal);
        }

        [Fact]
        public void Empty_builder_gives_an_empty_report_that_passes_the_gate()
        {
            var builder = new ReplayReportBuilder();
            Assert.True(builder.IsEmpty);
            ReplayReportData data = builder.Build(null, null, null, null);
            Assert.Equal(0, data.Summary.Total);
            Assert.True(data.EvaluateGate().Passed);
            Assert.Equal(0, data.ExitCode);
        }

        [Fact]
        public void Exit_codes_follow_the_cli_table()
        {
            var (_, _, _, changed) = Compare();
            Assert.Equal(2, ReplayReportBuilder.ExitCodeFor(changed, null));
            Assert.Equal(0, ReplayReportBuilder.ExitCodeFor(changed, new PolicyGate(null, maxChanges: 6)));
            Assert.Equal(2, ReplayReportBuilder.ExitCodeFor(changed, new PolicyGate(null, maxChanges: 5)));
            Assert.Equal(0, ReplayReportBuilder.ExitCodeFor(new ReplaySummary(), null));
        }

        [Fact]
        public void Every_flip_kind_name_parses_and_is_described()
        {
            Assert.Equal(15, FlipKindNames.All.Count);
            foreach (string name in FlipKindNames.All)
            {
                Assert.NotEmpty(PolicyGate.ParseKinds(name));
                Assert.NotNull(FlipKindNames.Describe(name.ToUpperInvariant()));
            }

            Assert.Null(FlipKindNames.Describe("None"));
            Assert.Null(FlipKindNames.Describe("AllowToMaybe"));
        }

        [Theory]
        [InlineData("r.json", ReportFormat.Json)]
        [InlineData("out/r.MD", ReportFormat.Markdown)]
        [InlineData("r.sarif", ReportFormat.Sarif)]
        [InlineData("r.htm", ReportFormat.Html)]
        [InlineData("r.txt", ReportFormat.Text)]
        [InlineData("r.jsonl", ReportFormat.Jsonl)]
        public void File_extensions_imply_formats(string path, ReportFormat expected)
        {
            Assert.True(ReportFileFormat.TryFromPath(path, out ReportFormat f));
            Assert.Equal(expected, f);
        }

        [Theory]
        [InlineData("r.xml")]
        [InlineData("report")]
        [InlineData(null)]
        public void Ambiguous_or_missing_extensions_imply_no_format(string? path)
        {
            Assert.False(ReportFileFormat.TryFromPath(path, out _));
        }
    }
}
