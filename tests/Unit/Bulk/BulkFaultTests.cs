using JiraConnector.Bulk;
using JiraConnector.Tests.Unit.Support;
using JiraConnector.Bulk.Jobs;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>Uploads while the emulator misbehaves: 429s and 500s at random, answers cut after the
/// issues were created. Every valid row must exist exactly once, counted in the emulator.</summary>
public sealed class BulkFaultTests(CloudEmulator emulator) : IClassFixture<CloudEmulator>, IDisposable
{
    private readonly BulkHost _host = new(emulator);
    private readonly BulkFiles _files = new();

    [Fact]
    public async Task A_10000_row_job_under_10_percent_429_and_2_percent_500_creates_each_valid_row_once()
    {
        var bad = Enumerable.Range(0, 20).ToDictionary(i => 97 + i * 499, i => new[] { "columns", "quote", "type", "label", "project" }[i % 5]);
        var path = _files.IncidentCsv("10k.csv", 10_000, "tenk", bad: bad);
        await _host.Admin.ClearAsync();
        await _host.Admin.AddFaultAsync(new { status = 429, probability = 0.10, retryAfterSeconds = 0 });
        await _host.Admin.AddFaultAsync(new { status = 500, probability = 0.02 });
        BulkJob job;
        IReadOnlyList<LoggedRequest> requests;
        try
        {
            job = _host.Run("incidents -Path $path -JournalPath $journal -ThrottleLimit 4", new Dictionary<string, object?>
            {
                ["path"] = path,
                ["journal"] = _files.PathOf("journal-10k"),
            });
            requests = await _host.Admin.RequestsAsync();
        }
        finally
        {
            await _host.Admin.ClearAsync();
        }

        // The faults did happen, to creates as well as to marker look-ups.
        Assert.Contains(requests, r => r.Status == 429 && r.Path.EndsWith("/issue/bulk"));
        Assert.Contains(requests, r => r.Status == 500);

        BulkHost.AssertCompleted(job);
        Assert.Equal(10_000, job.RecordsCount);
        Assert.Equal(10_000, job.RecordsProcessed);
        Assert.Equal(bad.Count, job.RecordsFailedCount);
        var created = await _host.CreatedByAsync(job.JobId);
        var summaries = created.Select(c => c.Summary).ToList();
        Assert.Equal(summaries.Count, summaries.Distinct().Count());
        var expected = Enumerable.Range(1, 10_000).Where(r => !bad.ContainsKey(r)).Select(r => $"tenk row {r}").ToHashSet();
        Assert.True(expected.SetEquals(summaries), $"{expected.Except(summaries).Count()} rows missing, {summaries.Except(expected).Count()} unexpected");
        var errors = _host.Module.Run("Get-JiraBulkJobError -Id $id", new Dictionary<string, object?> { ["id"] = job.JobId });
        Assert.Equal(bad.Keys.OrderBy(k => k), errors.Select(e => (int)((BulkRowError)e.BaseObject).Row).OrderBy(r => r));
    }

    [Fact]
    public async Task An_answer_cut_after_the_issues_were_created_is_settled_by_marker_without_duplicates()
    {
        var path = _files.IncidentCsv("cut.csv", 300, "cut");
        await _host.Admin.ClearAsync();
        // The emulator runs issue/bulk, then sends half the answer and drops the connection.
        await _host.Admin.AddFaultAsync(new { truncate = true, count = 3, pathContains = "/issue/bulk" });
        BulkJob job;
        IReadOnlyList<LoggedRequest> requests;
        try
        {
            job = _host.Run("incidents -Path $path -JournalPath $journal -ThrottleLimit 2", new Dictionary<string, object?>
            {
                ["path"] = path,
                ["journal"] = _files.PathOf("journal-cut"),
            });
            requests = await _host.Admin.RequestsAsync();
        }
        finally
        {
            await _host.Admin.ClearAsync();
        }

        // Each cut answer was followed by a marker search, and the rows were not sent again:
        // 6 requests of 50 rows, none repeated.
        Assert.Equal(3, requests.Count(r => r.Path.Contains("/search") && r.Query?.Contains("jiraconnector.bulk") == true));
        Assert.Equal(6, requests.Count(r => r.Path.EndsWith("/issue/bulk")));

        BulkHost.AssertCompleted(job);
        Assert.Equal(0, job.RecordsFailedCount);
        var created = await _host.CreatedByAsync(job.JobId);
        Assert.Equal(300, created.Count);
        Assert.Equal(300, created.Select(c => c.Summary).Distinct().Count());
    }

    [Fact]
    public async Task When_Jira_cannot_search_the_marker_a_lost_answer_fails_its_rows_instead_of_sending_them_twice()
    {
        var path = _files.IncidentCsv("nosearch.csv", 150, "nosearch");
        await _host.Admin.ClearAsync();
        // A site where no app indexes the property answers JQL on it with 400.
        await _host.Admin.AddFaultAsync(new { status = 400, pathContains = "/search" });
        await _host.Admin.AddFaultAsync(new { truncate = true, count = 1, pathContains = "/issue/bulk" });
        BulkJob job;
        try
        {
            job = _host.Run("incidents -Path $path -ThrottleLimit 1", new Dictionary<string, object?> { ["path"] = path });
        }
        finally
        {
            await _host.Admin.ClearAsync();
        }

        BulkHost.AssertCompleted(job);
        Assert.Equal(50, job.RecordsFailedCount);
        var errors = _host.Module.Run("Get-JiraBulkJobError -Id $id", new Dictionary<string, object?> { ["id"] = job.JobId }).Select(e => (BulkRowError)e.BaseObject).ToList();
        Assert.All(errors, e => Assert.Contains("could not check whether this record was created", e.Message));
        // The cut request had created its 50 issues: none of them was sent again.
        var created = await _host.CreatedByAsync(job.JobId);
        Assert.Equal(150, created.Count);
        Assert.Equal(150, created.Select(c => c.Summary).Distinct().Count());
    }

    public void Dispose()
    {
        _host.Dispose();
        _files.Dispose();
    }
}
