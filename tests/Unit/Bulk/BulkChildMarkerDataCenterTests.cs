using JiraConnector.Bulk;
using JiraConnector.Tests.Unit.Support;
using JiraConnector.Bulk.Jobs;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>Comments and worklogs on Data Center 8.4.3, which has no comment/list and no worklog
/// properties: a comment's marker is read from the comment property resource; a worklog cannot be
/// marked, so one whose fate is unknown becomes a row error instead of being sent again.</summary>
public sealed class BulkChildMarkerDataCenterTests(DataCenterEmulator emulator) : IClassFixture<DataCenterEmulator>, IDisposable
{
    private readonly BulkHost _host = new(emulator);
    private readonly BulkFiles _files = new();

    [Fact]
    public async Task A_comment_whose_answer_was_cut_is_found_through_the_comment_property_resource()
    {
        var issue = await _host.NewIssueAsync("cut comments dc");
        for (var i = 1; i <= 60; i++) await _host.PostAsync($"issue/{issue}/comment", new { body = $"other {i}" });
        var path = ChildRecords.Csv(_files, "comments", issue, 6, "cut");
        var (job, requests) = await RunCutAsync("comments", path, $"/issue/{issue}/comment");

        BulkHost.AssertCompleted(job);
        BulkHost.AssertNoErrors(_host, job);
        Assert.Equal(ChildRecords.Expected("cut", Enumerable.Range(1, 6)), (await ChildRecords.TextsAsync(_host, "comments", issue)).Where(t => t.StartsWith("cut row")).Order());
        Assert.Equal(6, requests.Count(r => r.Method == "POST" && r.Path.EndsWith($"/issue/{issue}/comment")));
        Assert.Contains(requests, r => r.Path.StartsWith("/rest/api/2/comment/") && r.Path.EndsWith("/properties/jiraconnector.bulk") && r.Status == 200);
        Assert.DoesNotContain(requests, r => r.Path.EndsWith("/comment/list"));
    }

    [Fact]
    public async Task A_worklog_whose_answer_was_cut_fails_its_row_for_the_user_to_check_and_is_not_sent_again()
    {
        var issue = await _host.NewIssueAsync("cut worklogs dc");
        var path = ChildRecords.Csv(_files, "worklogs", issue, 6, "cut");
        var (job, requests) = await RunCutAsync("worklogs", path, $"/issue/{issue}/worklog");

        BulkHost.AssertCompleted(job);
        // Only the cut row failed: the others went without a marker, which Data Center would refuse.
        var error = Assert.Single(Errors(job));
        Assert.Equal(1, error.Row);
        Assert.Contains("could not check whether this worklog was created", error.Message);
        Assert.Contains("duplicate", error.Message);
        Assert.Equal(ChildRecords.Expected("cut", Enumerable.Range(1, 6)), (await ChildRecords.TextsAsync(_host, "worklogs", issue)).Order());
        Assert.Equal(6, requests.Count(r => r.Method == "POST" && r.Path.EndsWith($"/issue/{issue}/worklog")));
    }

    [Fact]
    public async Task Worklogs_the_torn_journal_cannot_account_for_fail_for_the_user_to_check_and_are_not_sent_again()
    {
        var issue = await _host.NewIssueAsync("resume worklogs dc");
        var path = ChildRecords.Csv(_files, "worklogs", issue, 6, "resume");
        var journal = _files.PathOf("journal-worklogs");
        var first = _host.Run("worklogs -Path $path -JournalPath $journal", new Dictionary<string, object?> { ["path"] = path, ["journal"] = journal });
        BulkHost.AssertCompleted(first);
        BulkHost.AssertNoErrors(_host, first);
        // Rows 1-2 answered, 3-4 sent without an answer (3 reached Jira, 4 did not), 5-6 never sent.
        var ids = ChildRecords.Kill(journal, answered: 2, sent: 4);
        foreach (var row in new[] { 4, 5, 6 }) await _host.DeleteAsync($"issue/{issue}/worklog/{ids[row]}");
        await _host.Admin.ClearAsync();

        var resumed = (BulkJob)_host.Module.Run("Resume-JiraBulkJob -JournalPath $journal | Wait-JiraBulkJob", new Dictionary<string, object?> { ["journal"] = journal }).Single().BaseObject;

        var requests = await _host.Admin.RequestsAsync();
        BulkHost.AssertCompleted(resumed);
        // The journal ends torn, and a file cut short ends the same way, so what it lost may have
        // reached Jira: every row not done must be checked, and Data Center worklogs cannot be.
        // They fail for the user to check rather than risk a second copy.
        Assert.Equal(new long[] { 3, 4, 5, 6 }, Errors(resumed).Select(e => e.Row).Order());
        Assert.All(Errors(resumed), e => Assert.Contains("could not check whether this worklog was created", e.Message));
        Assert.Equal(ChildRecords.Expected("resume", new[] { 1, 2, 3 }), (await ChildRecords.TextsAsync(_host, "worklogs", issue)).Order());
        Assert.Equal(0, requests.Count(r => r.Method == "POST" && r.Path.EndsWith($"/issue/{issue}/worklog")));
    }

    /// <summary>Runs a job while the emulator creates the first record, then sends half its answer and drops the connection.</summary>
    private async Task<(BulkJob Job, IReadOnlyList<LoggedRequest> Requests)> RunCutAsync(string objectName, string path, string childPath)
    {
        await _host.Admin.ClearAsync();
        await _host.Admin.AddFaultAsync(new { truncate = true, count = 1, method = "POST", pathContains = childPath });
        try
        {
            var job = _host.Run($"{objectName} -Path $path", new Dictionary<string, object?> { ["path"] = path });
            return (job, await _host.Admin.RequestsAsync());
        }
        finally
        {
            await _host.Admin.ClearAsync();
        }
    }

    private List<BulkRowError> Errors(BulkJob job) =>
        _host.Module.Run("Get-JiraBulkJobError -Id $id", new Dictionary<string, object?> { ["id"] = job.JobId }).Select(e => (BulkRowError)e.BaseObject).ToList();

    public void Dispose()
    {
        _host.Dispose();
        _files.Dispose();
    }
}
