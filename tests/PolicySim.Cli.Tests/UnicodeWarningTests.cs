using System.IO;

namespace PolicySim.Tests
{
    /// <summary>Without Unicode normalization (globalization-invariant .NET), commands that decide events say so on stderr.</summary>
    public class UnicodeWarningTests
    {
        private const string Warning = "NFKC unavailable (test)";

        private static string Events => Path.Combine(CliRun.Examples, "events", "audit.jsonl");

        [Theory]
        [InlineData("simulate", "default")]
        [InlineData("compare", "default", "strict")]
        [InlineData("replay", "strict", "--baseline-policy", "default")]
        [InlineData("bench", "default")]
        public void Deciding_commands_warn_first_on_stderr_and_keep_their_output(params string[] command)
        {
            string[] args = [.. command, Events];
            CliRun plain = CliRun.Invoke(args);
            CliRun warned = CliRun.WithUnicodeWarning(Warning, args);

            Assert.StartsWith("warning: " + Warning + "\n", warned.Stderr, System.StringComparison.Ordinal);
            Assert.DoesNotContain(Warning, plain.Stderr, System.StringComparison.Ordinal);
            Assert.Equal(plain.ExitCode, warned.ExitCode);
            if (command[0] != "bench")
            {
                // (bench prints timings, which differ from run to run.)
                Assert.Equal(plain.Stdout, warned.Stdout);
            }
        }

        [Fact]
        public void Commands_that_decide_nothing_do_not_warn()
        {
            CliRun diff = CliRun.WithUnicodeWarning(Warning, "diff", "default", "strict");
            Assert.DoesNotContain(Warning, diff.Stderr, System.StringComparison.Ordinal);
            CliRun help = CliRun.WithUnicodeWarning(Warning, "--help");
            Assert.DoesNotContain(Warning, help.Stderr + help.Stdout, System.StringComparison.Ordinal);
        }
    }
}
