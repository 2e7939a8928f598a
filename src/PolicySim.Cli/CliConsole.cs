using System;
using System.IO;

namespace PolicySim.Cli
{
    /// <summary>The process's streams and working directory, injectable so commands run in-process in tests.</summary>
    internal sealed class CliConsole
    {
        public CliConsole(Func<Stream> openStdin, TextWriter stdout, TextWriter stderr, string workingDirectory, Func<string, string?>? environment = null)
        {
            Environment = environment ?? System.Environment.GetEnvironmentVariable;
            OpenStdin = openStdin;
            Out = stdout;
            Error = stderr;
            WorkingDirectory = workingDirectory;
        }

        public Func<Stream> OpenStdin { get; }

        public TextWriter Out { get; }

        public TextWriter Error { get; }

        public string WorkingDirectory { get; }

        /// <summary>Gets the environment variables (injectable so CI detection is testable).</summary>
        public Func<string, string?> Environment { get; }

        /// <summary>
        /// Gets or sets where the warning shown before a command that decides events comes from, when text cannot be
        /// canonicalized as the spec requires (<see cref="PolicySim.Evaluation.Text.UnicodeSupport.Warning"/>; injectable
        /// for tests). Asked only by such commands, so others do not probe Unicode support at start-up.
        /// </summary>
        public Func<string?> UnicodeWarning { get; set; } = () => PolicySim.Evaluation.Text.UnicodeSupport.Warning;

        /// <summary>Gets or sets whether stdin is an interactive terminal (then reading it needs a hint).</summary>
        public bool StdinIsTerminal { get; set; }

        public string Resolve(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));
    }
}
