using System;
using System.IO;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace JiraConnector.Loading
{
    /// <summary>Makes the engine loadable before any cmdlet needs it. The module's own assembly is
    /// the only one at the module root; the engine and every third-party dll are in "dependencies"
    /// beside it (PowerShell 7's builds; Windows PowerShell's in dependencies/windows-powershell). On PowerShell 7 they load into a load context of the module's own
    /// (<see cref="EngineLoadContext"/>), so another module's CsvHelper or Polly, or the older
    /// System.Text.Json of PowerShell 7.4's .NET 8, never meets ours. Windows PowerShell 5.1 has no
    /// load contexts: there <see cref="DesktopResolver"/> answers for our files only.
    ///
    /// Nothing here may name an engine type: this class runs before the engine can be found.</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        internal static readonly string DependencyFolder =
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "dependencies");

        private static readonly bool OnWindowsPowerShell =
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        /// <summary>Windows PowerShell's own builds of the engine and its dependencies (netstandard2.0,
        /// and .NET Framework builds where a package has one); dependencies itself holds the net8.0 ones.</summary>
        internal static readonly string DesktopFolder = Path.Combine(DependencyFolder, "windows-powershell");

        public void OnImport()
        {
            // A build output (the unit tests host the module from one) has the engine beside us.
            if (!Directory.Exists(DependencyFolder)) return;
            if (OnWindowsPowerShell) DesktopResolver.Install(DesktopFolder);
            else InstallCore();
        }

        public void OnRemove(PSModuleInfo module)
        {
            if (!Directory.Exists(DependencyFolder)) return;
            if (OnWindowsPowerShell) DesktopResolver.Uninstall();
            else UninstallCore();
        }

        // Kept out of line so that Windows PowerShell never compiles a method that names
        // AssemblyLoadContext, which .NET Framework does not have.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void InstallCore() => EngineLoadContext.Install(PrecompiledFolder.For(DependencyFolder));

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void UninstallCore() => EngineLoadContext.Uninstall();
    }
}
