using System.IO;
using System.Text;
using PolicySim.Evaluation;
using PolicySim.Events;
using PolicySim.Policies;
using PolicySim.Reports;

namespace PolicySim.Tests.Golden
{
    /// <summary>
    /// Decides the shipped examples and compares with the committed expected output. Regenerate with
    /// POLICYSIM_UPDATE_GOLDEN=1 after a deliberate change, and review the diff.
    /// </summary>
    public class GoldenTests
    {
        [Theory]
        [InlineData("default", "default.audit.jsonl")]
        [InlineData("strict", "strict.audit.jsonl")]
        [InlineData("policies/candidate.yaml", "candidate.audit.jsonl")]
        public void Simulate_examples_matches_golden_output(string policy, string golden)
        {
            string examples = Path.Combine(System.AppContext.BaseDirectory, "examples");
            PolicyDefinition p = policy.EndsWith(".yaml", System.StringComparison.Ordinal)
                ? PolicyLoader.Load(Path.Combine(examples, policy))
                : PolicyLoader.Load(policy);
            var sb = new StringBuilder();
            var summary = new SimulationSummary();
            using (var input = File.OpenRead(Path.Combine(examples, "events", "audit.jsonl")))
            {
                foreach (var item in Simulation.Run(p, EventStreamReader.ReadAll(input, "audit.jsonl"), summary, strict: true))
                {
                    Assert.Null(item.Error);
                    sb.Append(SimulationJsonReport.FormatResultLine(item.Decision!)).Append('\n');
                }
            }

            sb.Append(summary).Append('\n');
            string actual = sb.ToString();
            string expectedPath = Path.Combine(examples, "expected", golden);
            if (System.Environment.GetEnvironmentVariable("POLICYSIM_UPDATE_GOLDEN") == "1")
            {
                string source = Path.GetFullPath(Path.Combine(System.AppContext.BaseDirectory, "..", "..", "..", "..", "..", "examples", "expected", golden));
                File.WriteAllText(source, actual);
                return;
            }

            Assert.True(File.Exists(expectedPath), "missing golden file " + expectedPath + " (run with POLICYSIM_UPDATE_GOLDEN=1)");
            Assert.Equal(File.ReadAllText(expectedPath), actual);
        }
    }
}
