using JiraConnector.Loading;

namespace JiraConnector.Tests.Unit.Loading;

/// <summary>The Windows PowerShell 5.1 resolver, whose decisions can be checked on any runtime:
/// which files it offers, and whose requests it answers.</summary>
public sealed class DesktopResolverTests : IDisposable
{
    // The module's layout: dependencies holds PowerShell 7's (net8.0) builds, windows-powershell beneath it 5.1's.
    private readonly string _folder = Directory.CreateTempSubdirectory("jc-resolver-").FullName;
    private readonly string _desktop;

    public DesktopResolverTests()
    {
        File.WriteAllText(Path.Combine(_folder, "CsvHelper.dll"), "net8.0 build");
        File.WriteAllText(Path.Combine(_folder, "JiraConnector.Engine.dll"), "net8.0 build");
        File.WriteAllText(Path.Combine(_folder, "System.Threading.Channels.dll"), "net8.0 build");
        _desktop = Directory.CreateDirectory(Path.Combine(_folder, "windows-powershell")).FullName;
        File.WriteAllText(Path.Combine(_desktop, "CsvHelper.dll"), "netstandard2.0 build");
        File.WriteAllText(Path.Combine(_desktop, "JiraConnector.Engine.dll"), "netstandard2.0 build");
        File.WriteAllText(Path.Combine(_desktop, "System.Security.AccessControl.dll"), "net461 build");
    }

    [Fact]
    public void Windows_PowerShell_loads_from_its_own_folder_beneath_dependencies()
    {
        Assert.Equal(Path.Combine(ModuleInitializer.DependencyFolder, "windows-powershell"), ModuleInitializer.DesktopFolder);
    }

    [Fact]
    public void Offers_only_the_Windows_PowerShell_builds_never_the_net8_ones_beside_them()
    {
        var files = DesktopResolver.Files(_desktop);

        Assert.Equal(["CsvHelper", "JiraConnector.Engine", "System.Security.AccessControl"], files.Keys.Order(StringComparer.Ordinal));
        Assert.All(files.Values, path => Assert.Equal(_desktop, Path.GetDirectoryName(path)));
    }

    [Fact]
    public void Answers_for_our_files_asked_by_our_assemblies_or_by_nobody_and_for_nothing_else()
    {
        var files = DesktopResolver.Files(_desktop);
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
