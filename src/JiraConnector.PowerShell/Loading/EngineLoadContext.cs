using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace JiraConnector.Loading
{
    /// <summary>PowerShell 7: the module-private load context of the engine and its dependencies.
    ///
    /// The process-wide resolver answers for one name only, JiraConnector.Engine, and only when our
    /// own assembly asks; everything the engine needs then resolves here, from the dependencies
    /// folder. A framework assembly (System.Text.Json, System.Memory...) is taken from the runtime
    /// when the runtime's copy is at least as new as the one asked for, so only what the runtime
    /// lacks, or has older (.NET 8's System.Text.Json 8 under PowerShell 7.4), is loaded here.</summary>
    internal sealed class EngineLoadContext : AssemblyLoadContext
    {
        private const string EngineName = "JiraConnector.Engine";

        private static readonly object Gate = new object();
        private static EngineLoadContext? _instance;

        private readonly string _folder;
        private readonly Dictionary<string, string> _platform;

        private EngineLoadContext(string folder)
        {
            _folder = folder;
            _platform = PlatformAssemblies();
        }

        public static void Install(string folder)
        {
            lock (Gate)
            {
                // One context for the process: a second import reuses what the first loaded.
                _instance ??= new EngineLoadContext(folder);
                AppDomain.CurrentDomain.AssemblyResolve -= ResolveEngine;
                AppDomain.CurrentDomain.AssemblyResolve += ResolveEngine;
            }
        }

        public static void Uninstall() => AppDomain.CurrentDomain.AssemblyResolve -= ResolveEngine;

        /// <summary>Asked only for names the default context could not find itself; answers for the
        /// engine, when our own assembly asks for it, and for nothing else.</summary>
        private static Assembly? ResolveEngine(object? sender, ResolveEventArgs args)
        {
            var instance = _instance;
            if (instance == null || args.RequestingAssembly != typeof(EngineLoadContext).Assembly) return null;
            var name = new AssemblyName(args.Name);
            return string.Equals(name.Name, EngineName, StringComparison.Ordinal) ? instance.LoadFromAssemblyName(name) : null;
        }

        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name == null) return null;
            var path = Path.Combine(_folder, name.Name + ".dll");
            if (!File.Exists(path)) return null;
            if (_platform.TryGetValue(name.Name, out var platform) && IsAtLeast(platform, name.Version)) return null;
            return LoadFromAssemblyPath(path);
        }

        private static bool IsAtLeast(string platformPath, Version? wanted)
        {
            try
            {
                return wanted == null || GetAssemblyName(platformPath).Version >= wanted;
            }
            catch (Exception ex) when (ex is IOException || ex is BadImageFormatException)
            {
                return false;
            }
        }

        /// <summary>The runtime's and the host's own assemblies (the trusted platform assemblies), by name.</summary>
        private static Dictionary<string, string> PlatformAssemblies()
        {
            var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
            foreach (var path in list.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
            {
                found[Path.GetFileNameWithoutExtension(path)] = path;
            }
            return found;
        }
    }
}
