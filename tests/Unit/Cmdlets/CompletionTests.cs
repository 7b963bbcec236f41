using System.Management.Automation;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Cmdlets;

/// <summary>Tab completion as the prompt asks for it (TabExpansion2): issue keys, child paths of an
/// incident, the statuses -Status can reach, and each field once.</summary>
public sealed class CompletionTests(CloudEmulator cloud) : IClassFixture<CloudEmulator>, IDisposable
{
    private readonly ModuleHost _host = new();

    private List<string> Complete(string line)
    {
        _host.ConnectTo(cloud, "cloud");
        return _host.Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText",
            new Dictionary<string, object?> { ["line"] = line }).Select(o => (string)o.BaseObject).ToList();
    }

    [Fact]
    public void Issue_keys_complete_for_Id_of_incidents()
    {
        var keys = Complete("Set-JiraObject incidents OPS-1");

        Assert.Contains("OPS-1", keys);
        Assert.Contains("OPS-10", keys);
        Assert.All(keys, k => Assert.StartsWith("OPS-1", k, StringComparison.Ordinal));
        Assert.Empty(Complete("Set-JiraObject projects OPS-1"));
    }

    [Fact]
    public void Child_paths_complete_after_an_incident_key()
    {
        var children = Complete("Get-JiraObject incidents/OPS-1/");
        var comments = Complete("Get-JiraObject incidents/OPS-1/com");
        var keys = Complete("Get-JiraObject incidents/OPS-2");

        Assert.Contains("incidents/OPS-1/comments", children);
        Assert.Contains("incidents/OPS-1/worklogs", children);
        Assert.Contains("incidents/OPS-1/transitions", children);
        Assert.DoesNotContain(children, c => c.Contains('{'));
        Assert.Equal(new[] { "incidents/OPS-1/comments" }, comments);
        Assert.Contains("incidents/OPS-2", keys);
    }

    [Fact]
    public void Status_completes_with_the_statuses_the_incident_can_reach()
    {
        _host.ConnectTo(cloud, "cloud");
        var reachable = _host.Run("Get-JiraObject incidents/OPS-1/transitions").Select(t => (string)t.Properties["ToStatus"].Value).Distinct().ToList();

        var offered = Complete("Set-JiraObject incidents OPS-1 -Status ").Select(s => s.Trim('\'')).ToList();

        Assert.NotEmpty(reachable);
        Assert.Equal(reachable.OrderBy(s => s), offered.OrderBy(s => s));
    }

    [Fact]
    public void Each_field_is_offered_once()
    {
        var all = Complete("Get-JiraObject incidents -Fields ");
        var story = Complete("Get-JiraObject incidents -Fields Story");
        var byId = Complete("Get-JiraObject incidents -Fields customfield_1001");

        Assert.Equal(all.Count, all.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(new[] { "'Story point estimate'" }, story);
        Assert.Contains("customfield_10016", byId);
        Assert.DoesNotContain("summary", all);
        Assert.Contains("Summary", all);
    }

    public void Dispose() => _host.Dispose();
}
