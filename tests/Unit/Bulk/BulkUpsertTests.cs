using System.Text.Json;
using JiraConnector.Bulk;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>Update and upsert: existing incidents are changed in place, missing ones created,
/// by key or by any field named with -IdentifierField.</summary>
public sealed class BulkUpsertTests(CloudEmulator emulator) : IClassFixture<CloudEmulator>, IDisposable
{
    private readonly BulkHost _host = new(emulator);
    private readonly BulkFiles _files = new();

    [Fact]
    public async Task Upsert_by_key_updates_existing_incidents_and_creates_the_others()
    {
        var path = _files.Write("by-key.csv",
            "key,project.key,issuetype.name,summary,priority.name\n" +
            "OPS-1,OPS,Task,upserted by key,Highest\n" +
            ",OPS,Task,upsert new without key,Low\n" +
            "OPS-999999,OPS,Task,upsert new for a missing key,Low\n");

        var job = _host.Run("incidents -Path $path -Action Upsert", new Dictionary<string, object?> { ["path"] = path });

        BulkHost.AssertCompleted(job);
        BulkHost.AssertNoErrors(_host, job);
        using var updated = await _host.GetAsync2("issue/OPS-1");
        Assert.Equal("upserted by key", updated.RootElement.GetProperty("fields").GetProperty("summary").GetString());
        Assert.Equal("Highest", updated.RootElement.GetProperty("fields").GetProperty("priority").GetProperty("name").GetString());
        Assert.Equal(new[] { "upsert new for a missing key", "upsert new without key" }, (await _host.CreatedByAsync(job.JobId)).Select(c => c.Summary).OrderBy(s => s));
    }

    [Fact]
    public async Task Upsert_by_a_field_finds_exact_matches_in_batches_and_update_reports_missing_ones()
    {
        var seed = _host.Run("incidents -Path $path", new Dictionary<string, object?>
        {
            ["path"] = _files.Write("seed.csv", "project.key,issuetype.name,summary,priority.name\nOPS,Task,upsert alpha,Low\nOPS,Task,upsert beta,Low\nOPS,Task,upsert alpha and more,Low\n"),
        });
        BulkHost.AssertCompleted(seed);
        var seeded = (await _host.CreatedByAsync(seed.JobId)).ToDictionary(c => c.Summary, c => c.Key);

        var upsert = _host.Run("incidents -Path $path -Action Upsert -IdentifierField Summary", new Dictionary<string, object?>
        {
            ["path"] = _files.Write("upsert.csv", "project.key,issuetype.name,summary,priority.name\nOPS,Task,upsert alpha,High\nOPS,Task,upsert gamma,High\n"),
        });
        var update = _host.Run("incidents -Path $path -Action Update -IdentifierField summary", new Dictionary<string, object?>
        {
            ["path"] = _files.Write("update.csv", "summary,priority.name\nupsert beta,Highest\nupsert delta,Highest\n"),
        });

        BulkHost.AssertCompleted(upsert);
        BulkHost.AssertNoErrors(_host, upsert);
        Assert.Equal("High", await PriorityAsync(seeded["upsert alpha"]));
        Assert.Equal("Low", await PriorityAsync(seeded["upsert alpha and more"]));
        Assert.Equal(new[] { "upsert gamma" }, (await _host.CreatedByAsync(upsert.JobId)).Select(c => c.Summary));
        BulkHost.AssertCompleted(update);
        Assert.Equal("Highest", await PriorityAsync(seeded["upsert beta"]));
        var missing = _host.Module.Run("Get-JiraBulkJobError -Id $id", new Dictionary<string, object?> { ["id"] = update.JobId }).Select(e => (BulkRowError)e.BaseObject).Single();
        Assert.Equal(2, missing.Row);
        Assert.Contains("upsert delta", missing.Message);
        Assert.Empty(await _host.CreatedByAsync(update.JobId));
    }

    private async Task<string?> PriorityAsync(string key)
    {
        using var issue = await _host.GetAsync2("issue/" + key);
        return issue.RootElement.GetProperty("fields").GetProperty("priority").GetProperty("name").GetString();
    }

    public void Dispose()
    {
        _host.Dispose();
        _files.Dispose();
    }
}
