using System.Runtime.CompilerServices;

namespace JiraConnector.Internal
{
    /// <summary>Compilation hints for the code a bulk job runs once per row.</summary>
    internal static class JitHints
    {
        /// <summary>MethodImplOptions.AggressiveOptimization, which netstandard2.0 does not name:
        /// compile the method fully optimized at its first call. Tiered compilation would first run
        /// it unoptimized, and in pwsh, whose own code keeps the tiering queue busy for minutes after
        /// start, a 10,000-row job was seen to finish before any of its per-row code was promoted.
        /// Runtimes that do not know the flag (Windows PowerShell's .NET Framework) ignore it.</summary>
        public const MethodImplOptions PerRow = (MethodImplOptions)0x0200;
    }
}
