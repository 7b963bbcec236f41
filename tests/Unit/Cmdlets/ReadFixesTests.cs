using System.Management.Automation;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Cmdlets;

/// <summary>Reads as the first session tripped on them: -NextPage after a read of another resource,
/// -IncludeTotalCount of incidents on Cloud, an unknown object given to Invoke-JiraQuery, and a
/// select showing fields as every other view does.</summary>
public sealed class ReadFixesTests(CloudEmulator cloud, DataCenterEmulator dataCenter)
    : IClassFixture<CloudEmulator>, IClassFixture<DataCenterEmulator>, IDisposable
{
    private readonly ModuleHost _host = new();

    private List<string> Keys(string script) => _host.Run(script).Select(o => (string)o.Properties["Key"].Value).ToList();

    private static RuntimeException Fails(Action action) => Assert.Throws<RuntimeException>(action);

    [Theory]
    [InlineData("cloud")]
    [InlineData("dc")]
    public void NextPage_refuses_to_go_on_with_the_cursor_of_another_resource(string name)
    {
        _host.ConnectTo(name == "cloud" ? cloud : dataCenter, name);
        var incidents = Keys($"Get-JiraObject incidents -Instance {name} -First 2");

        Keys($"Get-JiraObject incidents -Instance {name} -First 1");
        var other = Fails(() => _host.Run($"Get-JiraObject projects -Instance {name} -First 1 -NextPage"));
        var query = Fails(() => _host.Run($"Invoke-JiraQuery projects -Instance {name} -First 1 -NextPage"));
        var children = Fails(() => _host.Run($"Get-JiraObject incidents/OPS-1/comments -Instance {name} -First 1 -NextPage"));
        var next = Keys($"Get-JiraObject incidents -Instance {name} -First 1 -NextPage");

        Assert.Equal("NextPageOfAnotherResource,JiraConnector.Cmdlets.GetJiraObjectCommand", other.ErrorRecord.FullyQualifiedErrorId);
        Assert.Contains("was of incidents, not projects", other.Message, StringComparison.Ordinal);
        Assert.Equal("NextPageOfAnotherResource,JiraConnector.Cmdlets.InvokeJiraQueryCommand", query.ErrorRecord.FullyQualifiedErrorId);
        Assert.Equal("NextPageOfAnotherResource,JiraConnector.Cmdlets.GetJiraObjectCommand", children.ErrorRecord.FullyQualifiedErrorId);
        Assert.Equal(incidents.Skip(1), next);
    }

    [Fact]
    public async Task IncludeTotalCount_of_incidents_on_Cloud_asks_approximate_count()
    {
        using var admin = new EmulatorAdmin(cloud.BaseUrl);
        _host.ConnectTo(cloud, "cloud");
        await admin.ClearAsync();

        var output = _host.Run("Get-JiraObject incidents -Instance cloud -First 2 -IncludeTotalCount");

        Assert.Equal(3, output.Count);
        Assert.Equal(1000UL, output[0].BaseObject);
        Assert.True((double)output[0].Properties["Accuracy"].Value > 0.9);
        Assert.Contains(await admin.RequestsAsync("/search/approximate-count"), r => r.Method == "POST" && r.Status == 200);
    }

    [Theory]
    [InlineData("Invoke-JiraQuery tickets \"x = 1\" -Instance cloud", "InvokeJiraQueryCommand", "incidents")]
    [InlineData("Invoke-JiraQuery -Query \"select * from tickets\" -Instance cloud", "InvokeJiraQueryCommand", "incidents")]
    [InlineData("Get-JiraObject tickets -Instance cloud", "GetJiraObjectCommand", "incidents")]
    [InlineData("Invoke-JiraQuery projetcs -Instance cloud", "InvokeJiraQueryCommand", "projects")]
    [InlineData("Get-JiraObject incident -Instance cloud", "GetJiraObjectCommand", "incidents")]
    public void An_unknown_object_is_one_error_with_the_names_and_the_one_meant(string script, string command, string meant)
    {
        _host.ConnectTo(cloud, "cloud");

        var error = Fails(() => _host.Run(script));

        Assert.Equal($"UnknownObject,JiraConnector.Cmdlets.{command}", error.ErrorRecord.FullyQualifiedErrorId);
        Assert.Contains($"Did you mean '{meant}'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("Valid names: agents, boards, boards/{id}/sprints, contacts", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cloud")]
    [InlineData("dc")]
    public void A_select_shows_each_field_as_the_record_does(string name)
    {
        _host.ConnectTo(name == "cloud" ? cloud : dataCenter, name);
        var record = _host.Run($"Get-JiraObject incidents -Id DATA-2 -Instance {name} -Fields assignee, reporter, status, project, priority, customfield_10016").Single();

        var row = _host.Run($"Invoke-JiraQuery -Query \"select key, assignee, reporter, status, project, priority, customfield_10016 from incidents where key = 'DATA-2'\" -Instance {name}").Single();

        foreach (var field in new[] { "Assignee", "Reporter", "Status", "Project", "Priority" })
        {
            Assert.NotNull(record.Properties[field].Value);
            Assert.Equal(record.Properties[field].Value, row.Properties[field].Value);
        }
        Assert.DoesNotContain(":", (string)row.Properties["assignee"].Value, StringComparison.Ordinal);
        var points = row.Properties["customfield_10016"].Value;
        Assert.Equal(record.Properties["Story point estimate"].Value, points);
        Assert.Equal("3", Convert.ToString(points, System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose() => _host.Dispose();
}
