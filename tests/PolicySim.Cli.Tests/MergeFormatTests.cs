using System.IO;
using System.Linq;

namespace PolicySim.Tests
{
    public class MergeFormatTests
    {
        private static string[] Shards()
        {
            string dir = Path.Combine(Path.GetTempPath(), "policysim-merge-" + System.Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            string[] lines = File.ReadAllLines(Path.Combine(CliRun.Examples, "events", "audit.jsonl"));
            var reports = new string[2];
            for (int i = 0; i < 2; i++)
            {
                string shard = Path.Combine(dir, "shard" + i + ".jsonl");
                File.WriteAllLines(shard, lines.Skip(i * 18).Take(18));
                reports[i] = Path.Combine(dir, "shard" + i + ".json");
                CliRun.Invoke("compare", Path.Combine("examples", "policies", "current.yaml"), Path.Combine("examples", "policies", "candidate.yaml"), shard, "--format", "json", "--output", reports[i]);
            }

            return reports;
        }

        [Fact]
        public void Merged_shards_render_any_report_format_and_gate()
        {
            string[] reports = Shards();
            var junit = CliRun.Invoke("merge", reports[0], reports[1], "--format", "junit", "--fail-on", "AllowToDeny");
            Assert.Equal(2, junit.ExitCode);
            Assert.StartsWith("<?xml", junit.Stdout);
            Assert.Contains("AllowToDeny", junit.Stdout);

            var md = CliRun.Invoke("merge", reports[0], reports[1], "--format", "markdown", "--fail-on", "WarnToAllow");
            Assert.Equal(0, md.ExitCode);
            Assert.Contains("**36** events", md.Stdout);
        }

        [Fact]
        public void Merge_refuses_jsonl()
        {
            string[] reports = Shards();
            Assert.Equal(5, CliRun.Invoke("merge", reports[0], "--format", "jsonl").ExitCode);
        }
    }
}
