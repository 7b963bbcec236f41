using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace JiraConnector.Internal
{
    /// <summary>Our third-party assemblies ship in a "dependencies" folder beside the module dll, so
    /// that only our own assembly sits at the module root. This resolver answers for those files
    /// only, and only when the host has not already loaded a compatible version (pwsh 7 carries its
    /// own System.Text.Json and friends; Windows PowerShell 5.1 does not).</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string DependencyFolder =
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "dependencies");

        /// <summary>.NET Framework builds (the access-control facades that forward to mscorlib). On
        /// pwsh 7 the runtime provides these assemblies itself, and a .NET Framework copy loaded
        /// beside them would be a second, broken one, so they are offered to Windows PowerShell only.</summary>
        private static readonly string WindowsPowerShellFolder = Path.Combine(DependencyFolder, "windows-powershell");

        private static readonly bool OnWindowsPowerShell =
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        public void OnImport() => AppDomain.CurrentDomain.AssemblyResolve += ResolveDependency;

        public void OnRemove(PSModuleInfo module) => AppDomain.CurrentDomain.AssemblyResolve -= ResolveDependency;

        private static Assembly? ResolveDependency(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            if (string.IsNullOrEmpty(name)) return null;
            var path = Path.Combine(DependencyFolder, name + ".dll");
            if (!File.Exists(path) && OnWindowsPowerShell) path = Path.Combine(WindowsPowerShellFolder, name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
