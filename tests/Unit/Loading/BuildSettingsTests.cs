using System.Xml.Linq;

namespace JiraConnector.Tests.Unit.Loading;

/// <summary>The build fails on a warning, so none accumulates unread.</summary>
public sealed class BuildSettingsTests
{
    [Fact]
    public void Warnings_are_errors_in_every_project()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder != null && !File.Exists(Path.Combine(folder.FullName, "Directory.Build.props"))) folder = folder.Parent;
        Assert.NotNull(folder);
        var props = XDocument.Load(Path.Combine(folder!.FullName, "Directory.Build.props"));

        Assert.Equal("true", props.Descendants("TreatWarningsAsErrors").Single().Value.Trim());
        // NU1603 (a package resolved to a newer version than asked) is NuGet's, not the code's.
        var silenced = props.Descendants("NoWarn").SelectMany(n => n.Value.Split(';')).Select(w => w.Trim()).ToList();
        Assert.DoesNotContain(silenced, w => w.Length > 0 && w != "$(NoWarn)" && w != "NU1603");
    }
}
