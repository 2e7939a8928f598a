using System.Text;
using PolicySim.Evaluation.Guards;

namespace PolicySim.Tests.Guards
{
    /// <summary>patch_integrity's line counts (spec §3.5) must not depend on how the diff is scanned.</summary>
    public class PatchLineCountTests
    {
        // The rule as written: split at '\n', drop one trailing '\r', skip empty lines; '+' but not "+++" is an
        // addition, '-' but not "---" a deletion.
        private static (long Additions, long Deletions) Reference(string diff)
        {
            long additions = 0, deletions = 0;
            foreach (string raw in diff.Split('\n'))
            {
                string line = raw.EndsWith('\r') ? raw[..^1] : raw;
                if (line.Length == 0)
                {
                    continue;
                }

                if (line[0] == '+' && !line.StartsWith("+++", StringComparison.Ordinal))
                {
                    additions++;
                }
                else if (line[0] == '-' && !line.StartsWith("---", StringComparison.Ordinal))
                {
                    deletions++;
                }
            }

            return (additions, deletions);
        }

        [Fact]
        public void Counts_equal_the_line_by_line_rule_on_generated_diffs()
        {
            // Lines made of signs, '\r', spaces and letters, so "+++", "++", "+\r", "---" and empty lines fall at
            // every offset of the scan's sixteen-character blocks, including the last characters of the text.
            string[] pieces = { "+", "-", "++", "--", "+++", "---", "++++", "\r", " ", "x", "@@ -1 +1 @@", "\n" };
            var random = new Random(3505);
            long changed = 0;
            for (int n = 0; n < 20_000; n++)
            {
                var sb = new StringBuilder();
                int count = random.Next(0, random.Next(2) == 0 ? 8 : 80);
                for (int k = 0; k < count; k++)
                {
                    sb.Append(pieces[random.Next(pieces.Length)]);
                    if (random.Next(3) == 0)
                    {
                        sb.Append('\n');
                    }
                }

                string diff = sb.ToString();
                PatchIntegrityGuard.CountChangedLines(diff, out long additions, out long deletions);
                Assert.Equal(Reference(diff), (additions, deletions));
                changed += additions + deletions;
            }

            Assert.True(changed > 30_000, "changed lines " + changed);
        }

        [Theory]
        [InlineData("", 0, 0)]
        [InlineData("+", 1, 0)]
        [InlineData("++", 1, 0)]
        [InlineData("+++", 0, 0)]
        [InlineData("--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-old\r\n+new\r\n+\r\n \n", 2, 1)]
        [InlineData("\n\n+\n-\n+++\n---\n++\n--", 2, 2)]
        public void Counts_examples(string diff, long additions, long deletions)
        {
            PatchIntegrityGuard.CountChangedLines(diff, out long a, out long d);
            Assert.Equal((additions, deletions), (a, d));
        }
    }
}
