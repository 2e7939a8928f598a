using System;
using System.IO;

namespace PolicySim.HelpGen
{
    /// <summary><c>PolicySim.HelpGen &lt;docs/cmdlets&gt; &lt;out/PolicySim/en-US/PolicySim.dll-Help.xml&gt;</c>.</summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length != 2)
            {
                Console.Error.WriteLine("usage: PolicySim.HelpGen <markdown-dir> <output-maml-file>");
                return 5;
            }

            try
            {
                var help = MamlConverter.ReadDirectory(args[0]);
                string? dir = Path.GetDirectoryName(Path.GetFullPath(args[1]));
                if (dir != null)
                {
                    Directory.CreateDirectory(dir);
                }

                MamlConverter.ToMaml(help).Save(args[1]);
                Console.WriteLine("Wrote " + help.Count + " commands to " + args[1]);
                return 0;
            }
            catch (Exception ex) when (ex is FormatException || ex is IOException || ex is UnauthorizedAccessException)
            {
                Console.Error.WriteLine("Error: " + ex.Message);
                return 3;
            }
        }
    }
}
