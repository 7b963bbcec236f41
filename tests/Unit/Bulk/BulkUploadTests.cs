using JiraConnector.Bulk;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>Uploads through Start-JiraBulkJob against the emulator: rows created exactly once,
/// bad rows reported and the job going on, the error file uploaded again.</summary>
public sealed class BulkUploadTests(CloudEmulator emulator) : IClassFixture<CloudEmulator>, IDisposable
{
    private readonly BulkHost _host = new(emulator);
    private readonly BulkFiles _files = new();

    [Fact]
    public async Task Creates_every_row_once_and_reports_exactly_the_bad_ones()
    {
        var bad = new Dictionary<int, string> { [3] = "columns", [7] = "quote", [11] = "type", [12] = "label", [40] = "project" };
        var path = _files.IncidentCsv("small.csv", 60, "small");

        var job = _host.Run("incidents -Path $path -JournalPath $journal", new Dictionary<string, object?>
        {
            ["path"] = _files.IncidentCsv("small.csv", 60, "small", bad: bad),
            ["journal"] = _files.PathOf("journal-small"),
        });

        BulkHost.AssertCompleted(job);
        Assert.Equal(60, job.RecordsCount);
        Assert.Equal(60, job.RecordsProcessed);
        Assert.Equal(bad.Count, job.RecordsFailedCount);
        var created = await _host.CreatedByAsync(job.JobId);
        var expected = Enumerable.Range(1, 60).Where(r => !bad.ContainsKey(r)).Select(r => $"small row {r}").OrderBy(s => s).ToList();
        Assert.Equal(expected, created.Select(c => c.Summary).OrderBy(s => s).ToList());
        var errors = _host.Module.Run("Get-JiraBulkJobError -Id $id", new Dictionary<string, object?> { ["id"] = job.JobId })
            .Select(e => (BulkRowError)e.BaseObject).ToList();
        Assert.Equal(bad.Keys.OrderBy(k => k), errors.Select(e => (int)e.Row).OrderBy(r => r));
        Assert.Contains("cells but the header has", errors.Single(e => e.Row == 3).Message);
        Assert.Null(errors.Single(e => e.Row == 7).Status);
        Assert.Equal(400, errors.Single(e => e.Row == 11).Status);
    }

    public void Dispose()
    {
        _host.Dispose();
        _files.Dispose();
    }
}
