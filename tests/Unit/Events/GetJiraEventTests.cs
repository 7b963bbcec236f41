using System.Management.Automation;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Events;

/// <summary>Get-JiraEvent against the emulator: incidents created and changed through the module
/// come back once each across consecutive polls, although JQL only compares to the minute and the
/// second poll asks again for the minutes of the first.</summary>
public sealed class GetJiraEventTests(CloudEmulator cloud, DataCenterEmulator dataCenter)
    : IClassFixture<CloudEmulator>, IClassFixture<DataCenterEmulator>, IDisposable
{
    private readonly ModuleHost _host = new();

    public void Dispose() => _host.Dispose();

    private string NewIncident(string instance, string summary) =>
        (string)_host.Run($"(New-JiraObject incidents -Instance {instance} -Fields @{{ project = 'OPS'; issuetype = 'Task'; summary = '{summary}' }}).Key")
            .Single().BaseObject;

    private List<JiraEvent> Poll(string script) => _host.Run(script).Select(o => (JiraEvent)o.BaseObject).ToList();

    private static List<string> Of(IEnumerable<JiraEvent> events, params string[] keys) =>
        events.Where(e => keys.Contains(e.ObjectId)).Select(e => $"{e.EventType} {e.ObjectId}").ToList();

    [Theory]
    [InlineData("cloud")]
    [InlineData("dc")]
    public void Two_polls_report_each_creation_and_change_exactly_once(string name)
    {
        _host.ConnectTo(name == "cloud" ? cloud : dataCenter, name);
        var a = NewIncident(name, "poll A");

        var first = Poll($"Get-JiraEvent -Instance {name} -Since ([datetime]::UtcNow.AddMinutes(-2))");
        _host.Run($"Set-JiraObject incidents {a} -Instance {name} -Fields @{{ summary = 'poll A changed' }}");
        var b = NewIncident(name, "poll B");
        var second = Poll($"Get-JiraEvent -Instance {name}");
        var third = Poll($"Get-JiraEvent -Instance {name}");

        Assert.Equal([$"CREATED {a}"], Of(first, a, b));
        Assert.Equal([$"UPDATED {a}", $"CREATED {b}"], Of(second, a, b).OrderBy(s => s.EndsWith(b, StringComparison.Ordinal)).ToList());
        Assert.Empty(Of(third, a, b));
        Assert.All(first.Concat(second), e => Assert.Equal(JiraEventSource.Polling, e.Source));
        Assert.All(first.Concat(second), e => Assert.Equal("incidents", e.ObjectType));
    }

    [Fact]
    public void An_early_stop_leaves_the_rest_for_the_next_poll()
    {
        _host.ConnectTo(cloud, "cloud");
        var keys = new[] { NewIncident("cloud", "first 1"), NewIncident("cloud", "first 2"), NewIncident("cloud", "first 3") };

        var taken = Poll("Get-JiraEvent -Instance cloud -Since ([datetime]::UtcNow.AddMinutes(-2)) -First 1");
        var rest = Poll("Get-JiraEvent -Instance cloud");

        var seen = Of(taken, keys).Concat(Of(rest, keys)).ToList();
        Assert.Equal(keys.Select(k => $"CREATED {k}").Order(), seen.Order());
    }

    [Fact]
    public void Objects_other_than_incidents_are_refused_by_name()
    {
        _host.ConnectTo(cloud, "cloud");

        var error = Assert.ThrowsAny<RuntimeException>(() => _host.Run("Get-JiraEvent projects -Instance cloud -ErrorAction Stop"));

        Assert.Equal("UnknownEventObject,JiraConnector.Cmdlets.GetJiraEventCommand", error.ErrorRecord.FullyQualifiedErrorId);
    }
}
