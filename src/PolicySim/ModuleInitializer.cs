using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace PolicySim.PowerShell
{
    /// <summary>
    /// Loads PolicySim's dependencies in isolation so the module coexists with others that ship a different
    /// YamlDotNet (powershell-yaml, platyPS, Az ...).
    /// </summary>
    /// <remarks>
    /// Layout: <c>PolicySim.dll</c> (this assembly) sits in the module folder; <c>PolicySim.Engine.dll</c>, YamlDotNet
    /// and the System.* packages sit in <c>dependencies/</c>, which no default probe looks at. The engine lives in
    /// <c>dependencies/</c> too, so that every reference it makes is resolved by us and never by the shared context.
    /// <list type="bullet">
    /// <item><b>PowerShell 7</b> (.NET): a private <c>AssemblyLoadContext</c> is created by reflection (netstandard2.0
    /// cannot name the type). YamlDotNet and the engine are loaded into it by path, so the engine's reference to
    /// YamlDotNet binds to the copy already in its own context. <c>AssemblyLoadContext.Default.Resolving</c> hands
    /// that engine to this assembly. The System.* files are not used: PowerShell 7.4+ has them in the box. On .NET 8 and
    /// later (PowerShell 7.4+) the engine comes from <c>dependencies/net8.0/</c>, its build for .NET 8
    /// (<see cref="EngineLocation"/>); earlier runtimes, or a runtime that refuses that file, get the .NET Standard build.</item>
    /// <item><b>Windows PowerShell 5.1</b> (.NET Framework): <c>AppDomain.AssemblyResolve</c> loads, with
    /// <c>Assembly.LoadFrom</c>, only assemblies whose file is in <c>dependencies/</c>, whatever version was asked for
    /// (this replaces the binding redirects a module cannot have). Strong-named assemblies of other versions loaded by
    /// other modules stay side by side.</item>
    /// </list>
    /// </remarks>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <summary>The folder, beside this assembly, that holds the dependencies.</summary>
        public const string DependencyFolderName = "dependencies";

        /// <summary>Assemblies loaded into the private context on PowerShell 7, in load order.</summary>
        private static readonly string[] IsolatedNames = { "YamlDotNet", "PolicySim.Engine" };

        private static readonly object Gate = new object();
        private static readonly Dictionary<string, Assembly> Loaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
        private static string? _dependencyDirectory;
        private static object? _privateContext;
        private static EventInfo? _defaultResolvingEvent;
        private static object? _defaultContext;
        private static Delegate? _defaultResolvingHandler;
        private static bool _desktopHooked;

        /// <summary>Gets the full path of the dependencies folder.</summary>
        public static string DependencyDirectory => _dependencyDirectory ??= Path.Combine(
            Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? string.Empty, DependencyFolderName);

        /// <summary>Hooks assembly resolution when the module is imported (idempotent).</summary>
        public void OnImport()
        {
            lock (Gate)
            {
                Type? contextType = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext", throwOnError: false);
                if (contextType != null)
                {
                    HookCore(contextType);
                }
                else
                {
                    HookDesktop();
                }
            }
        }

        /// <summary>Unhooks on <c>Remove-Module</c>; loaded assemblies stay (they cannot be unloaded) and are reused on re-import.</summary>
        /// <param name="psModuleInfo">The module being removed.</param>
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            lock (Gate)
            {
                if (_defaultResolvingHandler != null)
                {
                    _defaultResolvingEvent!.RemoveEventHandler(_defaultContext, _defaultResolvingHandler);
                    _defaultResolvingHandler = null;
                }

                if (_desktopHooked)
                {
                    AppDomain.CurrentDomain.AssemblyResolve -= ResolveDesktop;
                    _desktopHooked = false;
                }
            }
        }

        private static void HookCore(Type contextType)
        {
            if (_privateContext is null)
            {
                // new AssemblyLoadContext("PolicySim", isCollectible: false)
                _privateContext = Activator.CreateInstance(contextType, "PolicySim", false)!;
                MethodInfo loadFromPath = contextType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) })!;
                foreach (string name in IsolatedNames)
                {
                    string path = Path.Combine(DependencyDirectory, name + ".dll");
                    if (name == "PolicySim.Engine")
                    {
                        string tuned = EngineLocation.EnginePath(DependencyDirectory, Environment.Version, File.Exists);
                        if (!string.Equals(tuned, path, StringComparison.Ordinal) && TryLoad(loadFromPath, tuned) is Assembly engine)
                        {
                            Loaded[name] = engine;
                            continue;
                        }
                    }

                    Loaded[name] = (Assembly)loadFromPath.Invoke(_privateContext, new object[] { path })!;
                }
            }

            if (_defaultResolvingHandler is null)
            {
                // AssemblyLoadContext.Default.Resolving += ResolveCore
                _defaultContext = contextType.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null);
                _defaultResolvingEvent = contextType.GetEvent("Resolving")!;
                MethodInfo handler = typeof(ModuleInitializer).GetMethod(nameof(ResolveCore), BindingFlags.NonPublic | BindingFlags.Static)!;
                _defaultResolvingHandler = Delegate.CreateDelegate(_defaultResolvingEvent.EventHandlerType!, handler);
                _defaultResolvingEvent.AddEventHandler(_defaultContext, _defaultResolvingHandler);
            }
        }

        /// <summary>Loads the .NET 8 build of the engine; null if this runtime refuses it (the portable build is loaded instead).</summary>
        private static Assembly? TryLoad(MethodInfo loadFromPath, string path)
        {
            try
            {
                return (Assembly)loadFromPath.Invoke(_privateContext, new object[] { path })!;
            }
            catch (TargetInvocationException ex) when (ex.InnerException is BadImageFormatException || ex.InnerException is FileLoadException || ex.InnerException is FileNotFoundException)
            {
                return null;
            }
        }

        /// <summary>Default context's Resolving handler: only our isolated assemblies, as loaded into the private context.</summary>
        private static Assembly? ResolveCore(object context, AssemblyName name)
        {
            lock (Gate)
            {
                return name.Name != null && Loaded.TryGetValue(name.Name, out Assembly? assembly) ? assembly : null;
            }
        }

        private static void HookDesktop()
        {
            if (!_desktopHooked)
            {
                AppDomain.CurrentDomain.AssemblyResolve += ResolveDesktop;
                _desktopHooked = true;
            }
        }

        /// <summary>AssemblyResolve handler: loads from <c>dependencies/</c> only names that have a file there.</summary>
        private static Assembly? ResolveDesktop(object? sender, ResolveEventArgs args)
        {
            string? name = new AssemblyName(args.Name).Name;
            if (name is null)
            {
                return null;
            }

            lock (Gate)
            {
                if (Loaded.TryGetValue(name, out Assembly? assembly))
                {
                    return assembly;
                }

                string path = Path.Combine(DependencyDirectory, name + ".dll");
                if (!File.Exists(path))
                {
                    return null;
                }

                assembly = Assembly.LoadFrom(path);
                Loaded[name] = assembly;
                return assembly;
            }
        }
    }
}
