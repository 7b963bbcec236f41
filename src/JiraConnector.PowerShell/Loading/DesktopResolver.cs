using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace JiraConnector.Loading
{
    /// <summary>Windows PowerShell 5.1 (.NET Framework) has one load context, so there the module
    /// answers AppDomain's AssemblyResolve, but only for the files it ships for it in
    /// dependencies/windows-powershell (the engine's netstandard2.0 build, its dependencies, and the
    /// .NET Framework builds of the access-control packages), and only when one of its own
    /// assemblies asks (or the runtime does not say who asks).</summary>
    internal static class DesktopResolver
    {
        private static readonly object Gate = new object();
        private static Dictionary<string, string> _files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public static void Install(string folder)
        {
            lock (Gate)
            {
                _files = Files(folder);
                AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
                AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            }
        }

        public static void Uninstall() => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

        /// <summary>Name to path of what the module ships for Windows PowerShell.</summary>
        internal static Dictionary<string, string> Files(string folder)
        {
            var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var path in Directory.GetFiles(folder, "*.dll")) files[Path.GetFileNameWithoutExtension(path)] = path;
            return files;
        }

        /// <summary>Whether a request is ours to answer: a name we ship, asked for by our module, the
        /// engine, one of our dependencies, or by nobody in particular.</summary>
        internal static bool IsOurs(string? name, Assembly? requester, IReadOnlyDictionary<string, string> files)
        {
            if (name == null || !files.ContainsKey(name)) return false;
            if (requester == null) return true;
            var by = requester.GetName().Name;
            return by == typeof(DesktopResolver).Assembly.GetName().Name || (by != null && files.ContainsKey(by));
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            var files = _files;
            return IsOurs(name, args.RequestingAssembly, files) ? Assembly.LoadFrom(files[name!]) : null;
        }
    }
}
