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

        /// <summary>Creates the folder, owner-only; false when it was there already. A folder that
        /// exists keeps its permissions: it may be shared (/tmp), and is not ours to change.</summary>
        public static bool CreateFolder(string folder)
        {
            if (Directory.Exists(folder)) return false;
            Directory.CreateDirectory(folder);
            if (IsUnix) Chmod(folder, OwnerAll);
            else WindowsOwnerOnly.RestrictFolder(folder, WindowsOwnerOnly.CurrentUser());
            return true;
        }

        /// <summary>True for a Unix folder others may write in (a shared one, like /tmp): they could
        /// replace what we put there. One they may only read holds our 0600 files safely.
        /// File.GetUnixFileMode is .NET 7's; the module runs on Unix only on PowerShell 7, so it is
        /// there when it matters, found at run time because netstandard2.0 does not name it.</summary>
        public static bool IsWritableByOthers(string folder)
        {
            if (!IsUnix || !Directory.Exists(folder) || GetUnixFileMode == null) return false;
            var mode = System.Convert.ToInt32(GetUnixFileMode.Invoke(null, new object[] { folder }), System.Globalization.CultureInfo.InvariantCulture);
            return (mode & GroupOrOthersWrite) != 0;
        }

        private const int GroupOrOthersWrite = 0x12; // 0022

        private static readonly System.Reflection.MethodInfo? GetUnixFileMode =
            typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });

        /// <summary>Makes a file its owner's only (0600), before anything is written to it.</summary>
        public static void RestrictFile(string path)
        {
            if (IsUnix) Chmod(path, OwnerReadWrite);
            else WindowsOwnerOnly.RestrictFile(path, WindowsOwnerOnly.CurrentUser());
        }

        /// <summary>Creates the file (it must not exist), makes it owner-only, then writes the text.</summary>
        public static void WriteNew(string path, string text)
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            RestrictFile(path);
            var bytes = Encoding.UTF8.GetBytes(text);
            stream.Write(bytes, 0, bytes.Length);
            stream.Flush(flushToDisk: true);
        }

        /// <summary>Replaces the file's content in one step, owner-only: the text goes to a new
        /// temporary file beside it, which is renamed over it. A process killed on the way leaves the
        /// old file whole (and at worst a stray .tmp file).</summary>
        public static void WriteAtomically(string path, string text)
        {
            var temporary = path + "." + System.Guid.NewGuid().ToString("n") + ".tmp";
            try
            {
                WriteNew(temporary, text);
                ReplaceAtomically(temporary, path);
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
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
