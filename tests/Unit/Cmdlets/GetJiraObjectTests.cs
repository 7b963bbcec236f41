using System.Management.Automation;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Cmdlets;

/// <summary>Get-JiraObject hosted in a real runspace: PowerShell's paging parameters, -NextPage
/// and Ctrl+C, on both deployments.</summary>
public sealed class GetJiraObjectTests(CloudEmulator cloud, DataCenterEmulator dataCenter)
    : IClassFixture<CloudEmulator>, IClassFixture<DataCenterEmulator>, IDisposable
{
    private readonly ModuleHost _host = new();

    public void Dispose() => _host.Dispose();

    private List<string> Keys(string script) => _host.Run(script).Select(o => (string)o.Properties["Key"].Value).ToList();

    [Theory]
    [InlineData("cloud")]
    [InlineData("dc")]
    public void First_120_Skip_30_returns_exactly_incidents_31_to_150(string name)
    {
        _host.ConnectTo(name == "cloud" ? cloud : dataCenter, name);
        var all = Keys($"Get-JiraObject incidents -Instance {name} -First 150");

        var page = Keys($"Get-JiraObject incidents -Instance {name} -First 120 -Skip 30");

        Assert.Equal(120, page.Count);
        Assert.Equal(all.Skip(30), page);
    }

    [Theory]
    [InlineData("cloud")]
    [InlineData("dc")]
    public void NextPage_continues_where_the_last_read_stopped(string name)
    {
        _host.ConnectTo(name == "cloud" ? cloud : dataCenter, name);
        var all = Keys($"Get-JiraObject incidents -Instance {name} -First 300");

        var first = Keys($"Get-JiraObject incidents -Instance {name} -First 70");
        var second = Keys($"Get-JiraObject incidents -Instance {name} -First 100 -NextPage");
        var third = Keys($"Get-JiraObject incidents -Instance {name} -First 130 -NextPage");

        Assert.Equal(all, first.Concat(second).Concat(third));
    }

    [Fact]
    public void IncludeTotalCount_reports_the_Data_Center_total_first()
    {
        _host.ConnectTo(dataCenter, "dc");

        var output = _host.Run("Get-JiraObject incidents -Instance dc -First 3 -IncludeTotalCount");

        Assert.Equal(4, output.Count);
        Assert.Equal(1000UL, output[0].BaseObject);
        Assert.Equal(1.0, output[0].Properties["Accuracy"].Value);
    }

    [Fact]
    public async Task Stop_ends_a_running_read_at_once()
    {
        using var admin = new EmulatorAdmin(cloud.BaseUrl);
        _host.ConnectTo(cloud, "cloud");
        await admin.ClearAsync();
        await admin.AddFaultAsync(new { latencyMs = 30000, pathContains = "/search/jql" });
        try
        {
            using var shell = _host.Create("Get-JiraObject incidents -Instance cloud");
            var running = shell.BeginInvoke();
            // Let the first page request reach the (slow) server before pressing Ctrl+C.
            await Task.Delay(500, TestContext.Current.CancellationToken);

            shell.Stop();

            Assert.True(running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(10)), "the pipeline did not stop");
            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        }
        finally
        {
            await admin.ClearAsync();
        }
    }
}
