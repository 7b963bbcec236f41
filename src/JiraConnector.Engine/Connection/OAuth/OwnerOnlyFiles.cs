using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace JiraConnector.Connection.OAuth
{
    /// <summary>Files and folders only their owner can read. netstandard2.0 has no
    /// File.SetUnixFileMode, so on Unix the mode is set with libc's chmod before any secret is
    /// written; on Windows they get an ACL with a single rule for the current user (WindowsOwnerOnly).</summary>
    internal static class OwnerOnlyFiles
    {
        private const int OwnerReadWrite = 0x180; // 0600
        private const int OwnerAll = 0x1C0;       // 0700

#if NET
        // Tells the platform analyzer of the net8.0 build that the other branch is Windows.
        [System.Runtime.Versioning.UnsupportedOSPlatformGuard("windows")]
#endif
        private static bool IsUnix => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        public static void CreateFolder(string folder)
        {
            Directory.CreateDirectory(folder);
            if (IsUnix) Chmod(folder, OwnerAll);
            else WindowsOwnerOnly.RestrictFolder(folder, WindowsOwnerOnly.CurrentUser());
        }

        /// <summary>Creates the file (it must not exist), makes it owner-only, then writes the text.</summary>
        public static void WriteNew(string path, string text)
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            if (IsUnix) Chmod(path, OwnerReadWrite);
            else WindowsOwnerOnly.RestrictFile(path, WindowsOwnerOnly.CurrentUser());
            var bytes = Encoding.UTF8.GetBytes(text);
            stream.Write(bytes, 0, bytes.Length);
            stream.Flush(flushToDisk: true);
        }

        /// <summary>Moves <paramref name="source"/> over <paramref name="destination"/> in one step:
        /// rename(2) on Unix, ReplaceFile on Windows. Readers see the old file or the new one, never a mix.</summary>
        public static void ReplaceAtomically(string source, string destination)
        {
            if (IsUnix)
            {
                if (rename(source, destination) != 0)
                {
                    throw new IOException($"Could not replace '{destination}' (errno {Marshal.GetLastWin32Error()}).");
                }
                return;
            }
            if (File.Exists(destination))
            {
                // ReplaceFile gives the new file the DACL of the one it replaces, so a cache file
                // written before the ACL existed (or loosened by hand) is restricted first.
                WindowsOwnerOnly.RestrictFile(destination, WindowsOwnerOnly.CurrentUser());
                File.Replace(source, destination, null);
            }
            else File.Move(source, destination);
        }

        private static void Chmod(string path, int mode)
        {
            if (chmod(path, mode) != 0)
            {
                throw new IOException($"Could not restrict '{path}' to its owner (errno {Marshal.GetLastWin32Error()}).");
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int chmod(string path, int mode);

        [DllImport("libc", SetLastError = true)]
        private static extern int rename(string oldPath, string newPath);
    }
}
