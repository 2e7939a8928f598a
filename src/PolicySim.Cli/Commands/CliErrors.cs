using System;
using System.IO;

namespace PolicySim.Cli.Commands
{
    internal static class CliErrors
    {
        /// <summary>The operating-system wording the reference prints for a missing file; else the exception's message.</summary>
        public static string OsMessage(Exception ex) =>
            ex is FileNotFoundException || ex is DirectoryNotFoundException ? "No such file or directory (os error 2)" : ex.Message;
    }
}
