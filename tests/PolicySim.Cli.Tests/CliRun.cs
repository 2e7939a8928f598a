using System.IO;
using System.Text;
using PolicySim.Cli;

namespace PolicySim.Tests
{
    /// <summary>Runs the CLI in-process with captured streams; paths resolve against the test output folder.</summary>
    internal sealed class CliRun
    {
        private CliRun(int exitCode, string stdout, string stderr)
        {
            ExitCode = exitCode;
            Stdout = stdout;
            Stderr = stderr;
        }

        public int ExitCode { get; }

        public string Stdout { get; }

        public string Stderr { get; }

        public static string Examples => Path.Combine(System.AppContext.BaseDirectory, "examples");

        /// <summary>Runs with stdin text and an empty environment (so a CI runner's variables never leak into tests).</summary>
        public static CliRun WithInput(string stdin, params string[] args) => WithEnvironment(new Dictionary<string, string>(), stdin, args);

        /// <summary>Runs with stdin text and exactly these environment variables.</summary>
        public static CliRun WithEnvironment(IReadOnlyDictionary<string, string> environment, string stdin, params string[] args)
            => Run(environment, stdin, unicodeWarning: null, args);

        /// <summary>Runs as a process without Unicode normalization would (the console shows <paramref name="unicodeWarning"/>).</summary>
        public static CliRun WithUnicodeWarning(string unicodeWarning, params string[] args)
            => Run(new Dictionary<string, string>(), string.Empty, unicodeWarning, args);

        private static CliRun Run(IReadOnlyDictionary<string, string> environment, string stdin, string? unicodeWarning, string[] args)
        {
            var stdout = new StringWriter { NewLine = "\n" };
            var stderr = new StringWriter { NewLine = "\n" };
            var console = new CliConsole(() => new MemoryStream(Encoding.UTF8.GetBytes(stdin)), stdout, stderr, System.AppContext.BaseDirectory, name => environment.TryGetValue(name, out string? v) ? v : null)
            {
                // Tests run where ICU is installed; the warning is only ever injected.
                UnicodeWarning = () => unicodeWarning,
            };
            int code = Program.Run(args, console);
            return new CliRun(code, stdout.ToString(), stderr.ToString());
        }

        public static CliRun Invoke(params string[] args) => WithInput(string.Empty, args);
    }
}
