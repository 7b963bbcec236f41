using System.Security.AccessControl;
using System.Security.Principal;
using JiraConnector.Connection.OAuth;

namespace JiraConnector.Tests.Unit.Connection;

/// <summary>The ACL the token cache gets on Windows. On Linux and macOS even building the ACL
/// object throws PlatformNotSupportedException (SecurityIdentifier, FileSecurity and RawAcl all do),
/// so these tests are skipped there and reported as skipped; the Unix mode 0600 is checked by the
/// OAuth tests.</summary>
// Every test skips itself off Windows before touching an ACL.
[System.Runtime.Versioning.SupportedOSPlatform("windows")]
public sealed class WindowsOwnerOnlyTests
{
    private const string WindowsOnly = "Windows ACLs exist only on Windows.";

    private static SecurityIdentifier Owner => new("S-1-5-21-1004336348-1177238915-682003330-1001");

    [Fact]
    public void A_cache_file_grants_full_control_to_its_owner_alone_and_inherits_nothing()
    {
        Assert.SkipUnless(OperatingSystem.IsWindows(), WindowsOnly);
        var security = WindowsOwnerOnly.FileSecurity(Owner);

        var rule = Assert.Single(security.GetAccessRules(includeExplicit: true, includeInherited: true, typeof(SecurityIdentifier)).Cast<FileSystemAccessRule>());
        Assert.Equal(Owner, rule.IdentityReference);
        Assert.Equal(FileSystemRights.FullControl, rule.FileSystemRights);
        Assert.Equal(AccessControlType.Allow, rule.AccessControlType);
        Assert.True(security.AreAccessRulesProtected);
    }

    [Fact]
    public void The_cache_folder_passes_the_same_single_rule_to_what_is_created_in_it()
    {
        Assert.SkipUnless(OperatingSystem.IsWindows(), WindowsOnly);
        var security = WindowsOwnerOnly.FolderSecurity(Owner);

        var rule = Assert.Single(security.GetAccessRules(includeExplicit: true, includeInherited: true, typeof(SecurityIdentifier)).Cast<FileSystemAccessRule>());
        Assert.Equal(Owner, rule.IdentityReference);
        Assert.Equal(InheritanceFlags.ContainerInherit | InheritanceFlags.ObjectInherit, rule.InheritanceFlags);
        Assert.True(security.AreAccessRulesProtected);
    }

    [Fact]
    public void On_Windows_a_new_cache_file_carries_that_ACL()
    {
        Assert.SkipUnless(OperatingSystem.IsWindows(), WindowsOnly);
        var folder = Path.Combine(Path.GetTempPath(), "jc-acl-" + Guid.NewGuid().ToString("N"));
        try
        {
            OwnerOnlyFiles.CreateFolder(folder);
            var file = Path.Combine(folder, "tokens.json");
            OwnerOnlyFiles.WriteNew(file, "{}");

            AssertOwnerOnly(new FileInfo(file).GetAccessControl());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void On_Windows_a_saved_token_replacing_a_loose_cache_file_is_owner_only()
    {
        Assert.SkipUnless(OperatingSystem.IsWindows(), WindowsOnly);
        var folder = Path.Combine(Path.GetTempPath(), "jc-acl-" + Guid.NewGuid().ToString("N"));
        try
        {
            // A file from before the ACL existed: inherited rules plus one for everybody.
            // ReplaceFile would hand that DACL on to the new file.
            var cache = new TokenCache(folder);
            Directory.CreateDirectory(folder);
            var path = cache.PathFor("site");
            File.WriteAllText(path, "{}");
            var loose = new FileInfo(path).GetAccessControl();
            loose.AddAccessRule(new FileSystemAccessRule(new SecurityIdentifier(WellKnownSidType.WorldSid, null), FileSystemRights.Read, AccessControlType.Allow));
            new FileInfo(path).SetAccessControl(loose);

            cache.Save("site", "rotated-refresh-token");

            Assert.Equal("rotated-refresh-token", cache.ReadRefreshToken("site"));
            AssertOwnerOnly(new FileInfo(path).GetAccessControl());
            AssertOwnerOnly(new DirectoryInfo(folder).GetAccessControl());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertOwnerOnly(FileSystemSecurity security)
    {
        var rule = Assert.Single(security.GetAccessRules(includeExplicit: true, includeInherited: true, typeof(SecurityIdentifier)).Cast<FileSystemAccessRule>());
        Assert.Equal(WindowsOwnerOnly.CurrentUser(), rule.IdentityReference);
        Assert.Equal(FileSystemRights.FullControl, rule.FileSystemRights);
        Assert.Equal(AccessControlType.Allow, rule.AccessControlType);
        Assert.True(security.AreAccessRulesProtected);
    }
}
