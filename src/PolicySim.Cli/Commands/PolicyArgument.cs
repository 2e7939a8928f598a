using PolicySim.Policies;

namespace PolicySim.Cli.Commands
{
    /// <summary>Loads the <c>&lt;policy&gt;</c> argument and turns load failures into exit codes.</summary>
    internal static class PolicyArgument
    {
        public static PolicyDefinition? Load(CliConsole console, string reference, out int exitCode, out string? error)
        {
            try
            {
                exitCode = ExitCodes.Ok;
                error = null;
                return PolicyLoader.Load(reference, new PolicyLoadOptions { BaseDirectory = console.WorkingDirectory });
            }
            catch (PolicyLoadException ex)
            {
                exitCode = ex.Failure == PolicyLoadFailure.Io ? ExitCodes.Io : ExitCodes.InvalidInput;
                error = ex.Message;
                return null;
            }
        }
    }
}
