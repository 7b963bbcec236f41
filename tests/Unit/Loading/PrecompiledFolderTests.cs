using JiraConnector.Loading;

namespace JiraConnector.Tests.Unit.Loading;

/// <summary>Which engine build PowerShell 7 loads: the one precompiled for its runtime's major
/// version and platform when the module has it, else the portable one.</summary>
public sealed class PrecompiledFolderTests : IDisposable
{
    private readonly string _dependencies = Directory.CreateTempSubdirectory("jc-precompiled-").FullName;

    public PrecompiledFolderTests()
    {
        File.WriteAllText(Path.Combine(_dependencies, "JiraConnector.Engine.dll"), "portable");
        foreach (var target in new[] { "net8.0-linux-x64", "net10.0-win-x64" })
        {
            var folder = Directory.CreateDirectory(Path.Combine(_dependencies, "precompiled", target)).FullName;
            File.WriteAllText(Path.Combine(folder, "JiraConnector.Engine.dll"), target);
        }
        // A folder without the engine (a package cut short) is not one to load from.
        Directory.CreateDirectory(Path.Combine(_dependencies, "precompiled", "net10.0-linux-x64"));
    }

    public void Dispose() => Directory.Delete(_dependencies, recursive: true);

    [Theory]
    [InlineData(8, "linux-x64", "precompiled/net8.0-linux-x64")]
    [InlineData(10, "win-x64", "precompiled/net10.0-win-x64")]
    [InlineData(10, "linux-x64", "")]   // no engine in that folder
    [InlineData(9, "linux-x64", "")]    // .NET 9 uses no code precompiled against 8 or 10
    [InlineData(8, "osx-arm64", "")]
    [InlineData(8, null, "")]
    public void Picks_the_build_for_the_runtime_and_platform(int major, string? platform, string expected)
    {
        var folder = PrecompiledFolder.For(_dependencies, new Version(major, 0, 1), platform);

        Assert.Equal(Path.GetFullPath(Path.Combine(_dependencies, expected)).TrimEnd(Path.DirectorySeparatorChar), folder.TrimEnd(Path.DirectorySeparatorChar));
    }

    [Fact]
    public void Names_this_platform_as_dotnet_does()
    {
        var expected = (OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux") + "-" +
            System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();

        Assert.Equal(expected, PrecompiledFolder.CurrentPlatform());
    }
}
