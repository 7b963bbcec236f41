using System.Management.Automation;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Cmdlets;

/// <summary>Set-JiraObject and New-JiraObject as the first session used them: -Status to where an
/// incident already is, labels added and removed, users given by e-mail address, and an issue
/// property stored as the value given.</summary>
public sealed class SetJiraObjectTests(CloudEmulator cloud, DataCenterEmulator dataCenter)
    : IClassFixture<CloudEmulator>, IClassFixture<DataCenterEmulator>, IDisposable
{
    private readonly ModuleHost _host = new();

    private EmulatorFixture Emulator(string name) => name == "cloud" ? cloud : dataCenter;

    private static Dictionary<string, object?> Vars(params (string Name, object? Value)[] pairs) => pairs.ToDictionary(p => p.Name, p => p.Value);

    [Theory]
    [InlineData("cloud")]
    [InlineData("dc")]
    public async Task Status_to_the_status_an_incident_is_in_is_a_no_op_with_a_verbose_line(string name)
    {
        _host.ConnectTo(Emulator(name), name);
        using var admin = new EmulatorAdmin(Emulator(name).BaseUrl);
        var status = (string)_host.Run($"(Get-JiraObject incidents -Id OPS-2 -Instance {name}).Status").Single().BaseObject;
        await admin.ClearAsync();

        using var shell = _host.Create($"Set-JiraObject incidents OPS-2 -Status $status -Instance {name} -Confirm:$false -Verbose", Vars(("status", status.ToUpperInvariant())));
        shell.Invoke();

        Assert.False(shell.HadErrors, string.Join("; ", shell.Streams.Error.Select(e => e.ToString())));
        Assert.Contains(shell.Streams.Verbose, v => v.Message.Contains("OPS-2 is already in", StringComparison.Ordinal));
        Assert.DoesNotContain(await admin.RequestsAsync("/transitions"), r => r.Method == "POST");
        Assert.Equal(status, _host.Run($"(Get-JiraObject incidents -Id OPS-2 -Instance {name}).Status").Single().BaseObject);
        // A status the workflow cannot reach is still an error.
        var refused = Assert.Throws<RuntimeException>(() => _host.Run($"Set-JiraObject incidents OPS-2 -Status 'No Such Status' -Instance {name} -Confirm:$false"));
        Assert.Equal("NoSuchTransition", refused.ErrorRecord.FullyQualifiedErrorId.Split(',')[0]);
    }

    [Theory]
    [InlineData("cloud")]
    [InlineData("dc")]
    public void Labels_are_added_and_removed_without_replacing_the_others(string name)
    {
        _host.ConnectTo(Emulator(name), name);
        _host.Run($"Set-JiraObject incidents OPS-3 -Fields @{{labels = 'keep', 'stale'}} -Instance {name} -Confirm:$false");

        _host.Run($"Set-JiraObject incidents OPS-3 -Add @{{labels = 'urgent', 'new'}} -Remove @{{labels = 'stale'}} -Instance {name} -Confirm:$false");

        var labels = ((object[])_host.Run($"(Get-JiraObject incidents -Id OPS-3 -Instance {name}).Labels").Select(o => o.BaseObject).ToArray())
            .Select(l => (string)l).OrderBy(l => l, StringComparer.Ordinal);
        Assert.Equal(new[] { "keep", "new", "urgent" }, labels);
        var single = Assert.Throws<RuntimeException>(() => _host.Run($"Set-JiraObject incidents OPS-3 -Add @{{summary = 'x'}} -Instance {name} -Confirm:$false"));
        Assert.Equal("InvalidField", single.ErrorRecord.FullyQualifiedErrorId.Split(',')[0]);
    }

    [Theory]
    [InlineData("cloud", "712020:00000000-0000-4000-8000-000000000002")]
    [InlineData("dc", "alice")]
    public void A_user_given_by_e_mail_in_Fields_is_set_as_that_account(string name, string account)
    {
        _host.ConnectTo(Emulator(name), name);

        _host.Run($"Set-JiraObject incidents OPS-4 -Fields @{{assignee = 'alice@example.com'}} -Instance {name} -Confirm:$false");
        var created = _host.Run($"New-JiraObject incidents -Fields @{{project = 'OPS'; issuetype = 'Task'; summary = 'by e-mail'; Assignee = 'ALICE@example.com'}} -Instance {name} -Confirm:$false").Single();

        foreach (var key in new[] { "OPS-4", (string)created.Properties["Key"].Value })
        {
            var raw = (PSObject)_host.Run($"(Get-JiraObject incidents -Id {key} -Instance {name}).Raw.fields.assignee").Single();
            Assert.Equal(account, raw.Properties[name == "cloud" ? "accountId" : "name"].Value);
        }
        var unknown = Assert.Throws<RuntimeException>(() => _host.Run($"Set-JiraObject incidents OPS-4 -Fields @{{assignee = 'nobody@example.com'}} -Instance {name} -Confirm:$false"));
        Assert.Equal("UnknownUser", unknown.ErrorRecord.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("nobody@example.com", unknown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cloud")]
    [InlineData("dc")]
    public void An_issue_property_stores_the_value_given(string name)
    {
        _host.ConnectTo(Emulator(name), name);

        _host.Run($"New-JiraObject incidents/OPS-5/properties -Id given.number -Fields @{{value = 5}} -Instance {name} -Confirm:$false");
        _host.Run($"New-JiraObject incidents/OPS-5/properties -Id given.object -Fields @{{value = @{{a = 1}}}} -Instance {name} -Confirm:$false");
        _host.Run($"Set-JiraObject incidents/OPS-5/properties given.text -Fields @{{Value = 'plain'}} -Instance {name} -Confirm:$false");
        _host.Run($"New-JiraObject incidents/OPS-5/properties -Id given.whole -Fields @{{a = 1; b = 'x'}} -Instance {name} -Confirm:$false");

        object? Value(string key) => _host.Run($"(Get-JiraObject incidents/OPS-5/properties -Id {key} -Instance {name}).RawJson").Single().BaseObject;
        Assert.Equal("5", Json("value", Value("given.number")));
        Assert.Equal("{\"a\":1}", Json("value", Value("given.object")));
        Assert.Equal("\"plain\"", Json("value", Value("given.text")));
        Assert.Equal("{\"a\":1,\"b\":\"x\"}", Json("value", Value("given.whole")));
    }

    private static string Json(string member, object? rawJson)
    {
        using var document = System.Text.Json.JsonDocument.Parse((string)rawJson!);
        var value = document.RootElement.GetProperty(member);
        return value.ValueKind == System.Text.Json.JsonValueKind.Object
            ? System.Text.Json.JsonSerializer.Serialize(value.EnumerateObject().OrderBy(p => p.Name).ToDictionary(p => p.Name, p => p.Value))
            : value.GetRawText();
    }

    public void Dispose() => _host.Dispose();
}
