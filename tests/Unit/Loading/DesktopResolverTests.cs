using JiraConnector.Loading;

namespace JiraConnector.Tests.Unit.Loading;

/// <summary>The Windows PowerShell 5.1 resolver, whose decisions can be checked on any runtime:
/// which files it offers, and whose requests it answers.</summary>
public sealed class DesktopResolverTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("jc-resolver-").FullName;

    public DesktopResolverTests()
    {
        File.WriteAllText(Path.Combine(_folder, "CsvHelper.dll"), string.Empty);
        File.WriteAllText(Path.Combine(_folder, "JiraConnector.Engine.dll"), string.Empty);
        File.WriteAllText(Path.Combine(_folder, "System.Security.AccessControl.dll"), "netstandard stub");
        Directory.CreateDirectory(Path.Combine(_folder, "windows-powershell"));
        File.WriteAllText(Path.Combine(_folder, "windows-powershell", "System.Security.AccessControl.dll"), "net461 build");
    }

    [Fact]
    public void Offers_what_dependencies_holds_and_prefers_the_Windows_PowerShell_builds()
    {
        var files = DesktopResolver.Files(_folder);

        Assert.Equal(["CsvHelper", "JiraConnector.Engine", "System.Security.AccessControl"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Path.Combine(_folder, "windows-powershell", "System.Security.AccessControl.dll"), files["System.Security.AccessControl"]);
    }

    [Fact]
    public void Answers_for_our_files_asked_by_our_assemblies_or_by_nobody_and_for_nothing_else()
    {
        var files = DesktopResolver.Files(_folder);
        var module = typeof(DesktopResolver).Assembly;

        Assert.True(DesktopResolver.IsOurs("JiraConnector.Engine", module, files));
        Assert.True(DesktopResolver.IsOurs("CsvHelper", null, files));
        // Another module asking for CsvHelper gets its own copy, not ours.
        Assert.False(DesktopResolver.IsOurs("CsvHelper", typeof(Xunit.FactAttribute).Assembly, files));
        Assert.False(DesktopResolver.IsOurs("Newtonsoft.Json", module, files));
        Assert.False(DesktopResolver.IsOurs(null, module, files));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
