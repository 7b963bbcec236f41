using System.Management.Automation;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Cmdlets;

/// <summary>Invoke-JiraQuery and ConvertTo-JiraJql hosted in a runspace against both deployments.</summary>
public sealed class InvokeJiraQueryTests(CloudEmulator cloud, DataCenterEmulator dataCenter)
    : IClassFixture<CloudEmulator>, IClassFixture<DataCenterEmulator>, IDisposable
{
    private readonly ModuleHost _host = new();

    public void Dispose() => _host.Dispose();

    private void Connect(string name) => _host.ConnectTo(name == "cloud" ? cloud : dataCenter, name);

    private List<string> Keys(string script) => _host.Run(script).Select(o => o.Properties["Key"].Value?.ToString()!).ToList();

    [Theory]
    [InlineData("cloud")]
    [InlineData("dc")]
    public void First_120_Skip_30_returns_exactly_incidents_31_to_150(string name)
    {
        Connect(name);
        var all = Keys($"Invoke-JiraQuery incidents -Instance {name}");

        var page = Keys($"Invoke-JiraQuery incidents -Instance {name} -First 120 -Skip 30");

        Assert.Equal(1000, all.Count);
        Assert.Equal(all.Skip(30).Take(120), page);
    }

    [Theory]
    [InlineData("cloud")]
    [InlineData("dc")]
    public void First_and_Skip_count_records_after_the_client_filter(string name)
    {
        Connect(name);
        const string where = "\"summary LIKE '%a%' AND status != 'Done'\"";
        var all = Keys($"Invoke-JiraQuery incidents {where} -Instance {name}");

        var page = Keys($"Invoke-JiraQuery incidents {where} -Instance {name} -First 40 -Skip 7");

        Assert.True(all.Count > 60);
        Assert.Equal(all.Skip(7).Take(40), page);
    }

    [Theory]
    [InlineData("cloud")]
    [InlineData("dc")]
    public void NextPage_continues_where_the_last_read_stopped(string name)
    {
        Connect(name);
        var all = Keys($"Invoke-JiraQuery incidents \"project = 'OPS'\" -Instance {name}");

        var first = Keys($"Invoke-JiraQuery incidents \"project = 'OPS'\" -Instance {name} -First 60");
        var rest = Keys($"Invoke-JiraQuery incidents \"project = 'OPS'\" -Instance {name} -NextPage");

        Assert.Equal(all, first.Concat(rest));
        Assert.All(all, key => Assert.StartsWith("OPS-", key));
    }

    [Fact]
    public void A_select_statement_projects_orders_and_limits()
    {
        Connect("cloud");

        var rows = _host.Run("Invoke-JiraQuery -Instance cloud -Query \"select key, status from incidents where project IN ('WEB') order by created desc limit 5\"");

        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal(["key", "status"], r.Properties.Select(p => p.Name)));
        Assert.Equal("JiraConnector.QueryRow", rows[0].TypeNames[0]);
        var keys = rows.Select(r => int.Parse(((string)r.Properties["key"].Value).Split('-')[1])).ToList();
        Assert.Equal(keys.OrderByDescending(k => k), keys);
    }

    [Fact]
    public void Other_resources_are_filtered_and_sorted_on_the_client()
    {
        Connect("cloud");

        var projects = _host.Run("Invoke-JiraQuery projects \"key != 'OPS' AND name LIKE '%e%'\" -OrderBy 'key desc' -Instance cloud")
            .Select(p => (string)p.Properties["Key"].Value).ToList();

        Assert.NotEmpty(projects);
        Assert.DoesNotContain("OPS", projects);
        Assert.Equal(projects.OrderByDescending(k => k, StringComparer.Ordinal), projects);
    }

    [Fact]
    public void Raw_JQL_is_sent_as_it_is()
    {
        Connect("cloud");

        var keys = Keys("Invoke-JiraQuery -Jql 'project = SEC ORDER BY key DESC' -First 3 -Instance cloud");

        Assert.Equal(3, keys.Count);
        Assert.All(keys, k => Assert.StartsWith("SEC-", k));
    }

    [Fact]
    public void IncludeTotalCount_on_Cloud_comes_from_approximate_count()
    {
        Connect("cloud");

        var output = _host.Run("Invoke-JiraQuery incidents \"project = 'OPS'\" -First 2 -IncludeTotalCount -Instance cloud");

        Assert.Equal(3, output.Count);
        var expected = Keys("Invoke-JiraQuery incidents \"project = 'OPS'\" -Instance cloud").Count;
        Assert.Equal((ulong)expected, output[0].BaseObject);
    }

    [Theory]
    [InlineData("Invoke-JiraQuery incidents \"status = 'Done' AND\" -Instance cloud", "OcnqlSyntaxError", "position 19")]
    [InlineData("Invoke-JiraQuery -Query 'select * form incidents' -Instance cloud", "OcnqlSyntaxError", "position 9")]
    [InlineData("Invoke-JiraQuery incidents \"nonsense = 1\" -Instance cloud", "OcnqlInvalidQuery", "'nonsense' is not an incident field")]
    [InlineData("Invoke-JiraQuery incidents \"created > 'last week'\" -Instance cloud", "OcnqlInvalidQuery", "created is a date")]
    public void A_bad_query_is_an_error_with_its_position_or_field(string script, string errorId, string message)
    {
        Connect("cloud");

        var error = Assert.Throws<RuntimeException>(() => _host.Run(script));

        Assert.StartsWith(errorId + ",", error.ErrorRecord.FullyQualifiedErrorId);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void ConvertTo_JiraJql_shows_the_translation_without_a_connection()
    {
        var result = _host.Run("ConvertTo-JiraJql \"status IN ('To Do', 'Done') AND summary LIKE 'disk%'\" -OrderBy 'created desc'").Single();

        Assert.Equal("status IN (\"To Do\", \"Done\") AND summary ~ \"dis*\" ORDER BY created DESC, key ASC", result.Properties["Jql"].Value);
        Assert.Equal(false, result.Properties["IsExact"].Value);
    }
}

/// <summary>What other resources' endpoints can filter is sent to them; the answer is the same as
/// filtering everything on the client.</summary>
public sealed class QueryPushdownTests(CloudEmulator cloud) : IClassFixture<CloudEmulator>, IDisposable
{
    private readonly ModuleHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("projects", "key IN ('OPS', 'WEB') AND name LIKE 'Op%'", "keys=OPS&keys=WEB&query=Op")]
    [InlineData("groups", "name = 'jira-administrators'", "groupName=jira-administrators")]
    [InlineData("contacts", "active = true AND displayName LIKE 'Al%'", "query=Al")]
    public async Task Pushed_filters_reach_the_endpoint_and_change_no_result(string resource, string where, string sent)
    {
        _host.ConnectTo(cloud, "cloud");
        using var admin = new EmulatorAdmin(cloud.BaseUrl);
        var everything = _host.Run($"Get-JiraObject {resource} -Instance cloud");
        await admin.ClearAsync();

        var found = _host.Run($"Invoke-JiraQuery {resource} \"{where}\" -Instance cloud");

        Assert.Contains(await admin.RequestsAsync(), r => (r.Query ?? string.Empty).Contains(sent));
        var viaClient = everything.Where(r =>
            JiraConnector.Query.ClientEvaluator.Matches(JiraConnector.Query.OcnqlParser.ParseWhere(where),
                name => r.Properties[name]?.Value)).Count();
        Assert.Equal(viaClient, found.Count);
        Assert.True(found.Count > 0, "the query should select something");
        Assert.True(found.Count < everything.Count);
    }
}

public sealed class PageSizeTests(DataCenterEmulator dataCenter) : IClassFixture<DataCenterEmulator>, IDisposable
{
    private readonly ModuleHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_page_size_above_the_endpoint_limit_is_clamped_with_a_verbose_note()
    {
        _host.ConnectTo(dataCenter, "dc");
        using var admin = new EmulatorAdmin(dataCenter.BaseUrl);
        await admin.ClearAsync();
        using var shell = _host.Create("Invoke-JiraQuery incidents -PageSize 500 -First 250 -Instance dc -Verbose");

        var output = shell.Invoke();

        Assert.Equal(250, output.Count);
        Assert.Contains(shell.Streams.Verbose, v => v.Message.Contains("-PageSize 500") && v.Message.Contains("asking for 100"));
        Assert.All(await admin.RequestsAsync("/search"), r => Assert.Contains("maxResults=100", r.Query));
    }
}
