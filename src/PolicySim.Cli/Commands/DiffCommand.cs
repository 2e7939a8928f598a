using System;
using System.IO;
using PolicySim.Policies;
using PolicySim.Policies.Diff;
using PolicySim.Reports;

namespace PolicySim.Cli.Commands
{
    /// <summary><c>policysim diff &lt;left&gt; &lt;right&gt;</c>: structural diff of two resolved policies (spec §5.7).</summary>
    internal sealed class DiffCommand
    {
        public string Left { get; set; } = string.Empty;

        public string Right { get; set; } = string.Empty;

        public bool Json { get; set; }

        public bool Rules { get; set; }

        public int Run(CliConsole console)
        {
            PolicyDefinition? left = PolicyArgument.Load(console, Left, out int exit, out string? error);
            if (left == null)
            {
                console.Error.WriteLine("Error: " + error);
                return exit;
            }

            PolicyDefinition? right = PolicyArgument.Load(console, Right, out exit, out error);
            if (right == null)
            {
                console.Error.WriteLine("Error: " + error);
                return exit;
            }

            PolicyDiffResult diff = PolicyDiff.Compare(left, right);
            console.Out.Write(Json ? PolicyDiffReport.FormatJson(diff, Rules) + "\n" : PolicyDiffReport.FormatText(diff, Left, Right, Rules));
            return ExitCodes.Ok;
        }
    }
}
