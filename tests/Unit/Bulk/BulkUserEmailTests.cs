using JiraConnector.Bulk;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>A user cell given as an e-mail address (assignee=alice@example.com) becomes that
/// user's account, on a create (written straight from the cells) and on an update (the field map).</summary>
public sealed class BulkUserEmailTests(DataCenterEmulator emulator) : IClassFixture<DataCenterEmulator>, IDisposable
{
    private readonly BulkHost _host = new(emulator);
    private readonly BulkFiles _files = new();

    [Fact]
    public async Task User_cells_by_e_mail_resolve_to_the_account_and_an_unknown_address_fails_its_row()
    {
        var create = _files.Write("users.csv",
            "project.key,issuetype.name,summary,assignee\n" +
            "OPS,Task,mail row 1,alice@example.com\n" +
            "OPS,Task,mail row 2,nobody@example.com\n" +
            "OPS,Task,mail row 3,bob\n");

        var job = _host.Run("incidents -Path $path", new Dictionary<string, object?> { ["path"] = create });

        Assert.Equal("COMPLETED (1 of 3 failed)", job.StatusLine);
        var created = await _host.CreatedByAsync(job.JobId);
        var first = created.Single(c => c.Summary == "mail row 1").Key;
        Assert.Equal("alice", await AssigneeAsync(first));
        Assert.Equal("bob", await AssigneeAsync(created.Single(c => c.Summary == "mail row 3").Key));
        var error = (BulkRowError)_host.Module.Run("Get-JiraBulkJobError -Id $id", new Dictionary<string, object?> { ["id"] = job.JobId }).Single().BaseObject;
        Assert.Equal(2, error.Row);
        Assert.Contains("nobody@example.com", error.Message, StringComparison.Ordinal);

        var update = _files.Write("update.csv", $"key,assignee\n{first},carol@example.com\n");
        var updated = _host.Run("incidents -Path $path -Action Update", new Dictionary<string, object?> { ["path"] = update });

        Assert.Equal("COMPLETED", updated.StatusLine);
        Assert.Equal("carol", await AssigneeAsync(first));
    }

    private async Task<string?> AssigneeAsync(string key)
    {
        using var issue = await _host.GetAsync("issue/" + key + "?fields=assignee");
        return issue.RootElement.GetProperty("fields").GetProperty("assignee").GetProperty("name").GetString();
    }

    public void Dispose()
    {
        _host.Dispose();
        _files.Dispose();
    }
}
