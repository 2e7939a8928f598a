using System;
using System.IO;

namespace PolicySim.PowerShell
{
    /// <summary>
    /// Which build of the engine the module loads. <c>dependencies/PolicySim.Engine.dll</c> is built for .NET Standard 2.0
    /// and runs everywhere (Windows PowerShell 5.1, every PowerShell 7); <c>dependencies/net8.0/PolicySim.Engine.dll</c>
    /// is the same source built for .NET 8, with the vectorized and span-based paths that .NET Standard lacks (text
    /// canonicalization ~10× faster; a text event about 1.5× faster; bench/README.md, round 7), for PowerShell 7.4 and
    /// later, which run on .NET 8 or newer. Both have the same public surface (a module test checks it), so the cmdlets
    /// bind to either.
    /// </summary>
    /// <remarks>Kept free of PowerShell types so the module tests can compile it in and run it.</remarks>
    internal static class EngineLocation
    {
        /// <summary>The folder, inside <c>dependencies/</c>, of the engine built for .NET 8.</summary>
        public const string Net8FolderName = "net8.0";

        /// <summary>The file name of the engine.</summary>
        public const string EngineFileName = "PolicySim.Engine.dll";

        /// <summary>The engine build to load on a runtime of version <paramref name="runtime"/>.</summary>
        /// <param name="dependencyDirectory">The module's <c>dependencies/</c> folder.</param>
        /// <param name="runtime">The running .NET version (<see cref="Environment.Version"/>; 4.x on .NET Framework).</param>
        /// <param name="exists">Whether a file exists (injectable for tests).</param>
        /// <returns>The path of the .NET 8 build when the runtime is .NET 8 or later and the file is there; otherwise that of the .NET Standard build.</returns>
        public static string EnginePath(string dependencyDirectory, Version runtime, Func<string, bool> exists)
        {
            string portable = Path.Combine(dependencyDirectory, EngineFileName);
            if (runtime.Major < 8)
            {
                return portable;
            }

            string net8 = Path.Combine(Path.Combine(dependencyDirectory, Net8FolderName), EngineFileName);
            return exists(net8) ? net8 : portable;
        }
    }
}
