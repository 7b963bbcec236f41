using System.IO;
using System.Security.AccessControl;
using System.Security.Principal;

namespace JiraConnector.Connection.OAuth
{
    /// <summary>On Windows, a token cache folder or file gets an ACL of its own: inheritance cut off
    /// and a single rule, full control for the current user. The profile folder's inherited ACL
    /// would also let SYSTEM and Administrators read refresh tokens, and a folder moved elsewhere
    /// with -TokenCachePath might inherit far more.</summary>
#if NET
    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
#endif
    internal static class WindowsOwnerOnly
    {
        public static void RestrictFolder(string folder, SecurityIdentifier owner) =>
            new DirectoryInfo(folder).SetAccessControl(FolderSecurity(owner));

        public static void RestrictFile(string path, SecurityIdentifier owner) =>
            new FileInfo(path).SetAccessControl(FileSecurity(owner));

        public static SecurityIdentifier CurrentUser()
        {
            using var identity = WindowsIdentity.GetCurrent();
            return identity.User!;
        }

        internal static FileSecurity FileSecurity(SecurityIdentifier owner)
        {
            var security = new FileSecurity();
            security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
            security.AddAccessRule(new FileSystemAccessRule(owner, FileSystemRights.FullControl, AccessControlType.Allow));
            return security;
        }

        internal static DirectorySecurity FolderSecurity(SecurityIdentifier owner)
        {
            var security = new DirectorySecurity();
            security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
            security.AddAccessRule(new FileSystemAccessRule(owner, FileSystemRights.FullControl,
                InheritanceFlags.ContainerInherit | InheritanceFlags.ObjectInherit, PropagationFlags.None, AccessControlType.Allow));
            return security;
        }
    }
}
