using System;
using System.IO;
using System.Runtime.InteropServices;

namespace JiraConnector.Loading
{
    /// <summary>Where PowerShell 7 loads the engine from: the build precompiled (ReadyToRun) for this
    /// runtime and platform when the module has one (dependencies/precompiled/net10.0-linux-x64...),
    /// so a fresh pwsh need not compile the engine before its first results; else the portable
    /// build in dependencies/, which runs anywhere and is compiled as it runs. The runtime's major
    /// version counts: .NET 10 does not use code precompiled against .NET 8.</summary>
    internal static class PrecompiledFolder
    {
        private const string EngineFile = "JiraConnector.Engine.dll";

        public static string For(string dependencies) => For(dependencies, Environment.Version, CurrentPlatform());

        /// <summary>The folder for a runtime and platform ("linux-x64", or null when unknown).</summary>
        internal static string For(string dependencies, Version runtime, string? platform)
        {
            if (platform == null) return dependencies;
            var folder = Path.Combine(dependencies, "precompiled", $"net{runtime.Major}.0-{platform}");
            return File.Exists(Path.Combine(folder, EngineFile)) ? folder : dependencies;
        }

        /// <summary>The platform as .NET names it (win-x64, linux-arm64, osx-x64...); null for others.</summary>
        internal static string? CurrentPlatform()
        {
            var os = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win"
                : RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? "linux"
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osx"
                : null;
            string? processor;
            switch (RuntimeInformation.ProcessArchitecture)
            {
                case Architecture.X64: processor = "x64"; break;
                case Architecture.Arm64: processor = "arm64"; break;
                default: processor = null; break;
            }
            return os == null || processor == null ? null : os + "-" + processor;
        }
    }
}
