using JiraConnector.Bulk;
using JiraConnector.Tests.Unit.Support;
using JiraConnector.Bulk.Jobs;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>Comments and worklogs on Cloud: a create whose answer was lost, or that a killed process
/// had sent, is looked up by its marker (comments through comment/list, worklogs through
/// expand=properties) and never sent twice. Counted in the emulator.</summary>
public sealed class BulkChildMarkerTests(CloudEmulator emulator) : IClassFixture<CloudEmulator>, IDisposable
{
    private readonly BulkHost _host = new(emulator);
    private readonly BulkFiles _files = new();

    [Theory]
    [InlineData("comments", "/comment")]
    [InlineData("worklogs", "/worklog")]
    public async Task A_create_whose_answer_was_cut_is_found_by_its_marker_and_not_sent_again(string objectName, string childPath)
    {
        var issue = await _host.NewIssueAsync($"cut {objectName}");
        // Other records around the marked one: more than a page of the issue's comments (100) and of
        // comment/list's answer (the emulator's 50), so the look-up has to page.
        for (var i = 1; i <= 120; i++)
        {
            await _host.PostAsync($"issue/{issue}{childPath}", objectName == "comments"
                ? new { body = new { type = "doc", version = 1, content = new[] { new { type = "paragraph", content = new[] { new { type = "text", text = $"other {i}" } } } } } }
                : new { started = "2026-01-04T09:00:00.000+0000", timeSpentSeconds = 60 });
        }
        var path = ChildRecords.Csv(_files, objectName, issue, 6, "cut");
        await _host.Admin.ClearAsync();
        // The emulator creates the first record, then sends half its answer and drops the connection.
        await _host.Admin.AddFaultAsync(new { truncate = true, count = 1, method = "POST", pathContains = $"/issue/{issue}{childPath}" });
        BulkJob job;
        IReadOnlyList<LoggedRequest> requests;
        try
        {
            job = _host.Run($"{objectName} -Path $path", new Dictionary<string, object?> { ["path"] = path });
            requests = await _host.Admin.RequestsAsync();
        }
        finally
        {
            await _host.Admin.ClearAsync();
        }

        BulkHost.AssertCompleted(job);
        BulkHost.AssertNoErrors(_host, job);
        var texts = await ChildRecords.TextsAsync(_host, objectName, issue);
        Assert.Equal(ChildRecords.Expected("cut", Enumerable.Range(1, 6)), texts.Where(t => t.StartsWith("cut row")).Order());
        Assert.Equal(6, requests.Count(r => r.Method == "POST" && r.Path.EndsWith(issue + childPath)));
        if (objectName == "comments")
        {
            // The newest 100 comments' ids in one comment/list call, answered 50 at a time: the marked
            // (newest) one came on the second page.
            Assert.Equal(2, requests.Count(r => r.Path.EndsWith("/comment/list") && r.Query?.Contains("expand=properties") == true));
        }
        else
        {
            Assert.Contains(requests, r => r.Method == "GET" && r.Path.EndsWith(issue + childPath) && r.Query?.Contains("expand=properties") == true);
        }
    }

    [Fact]
    public async Task A_last_attempt_whose_answer_was_cut_is_looked_up_once_more_instead_of_failing_a_row_that_exists()
    {
        var issue = await _host.NewIssueAsync("last attempt");
        var path = ChildRecords.Csv(_files, "comments", issue, 1, "last");
        // Six attempts a record: keep the job's backoff between them short.
        var instance = (JiraInstance)_host.Module.Run("Get-JiraInstance emu").Single().BaseObject;
        instance.Client.Settings.BaseDelay = TimeSpan.FromMilliseconds(10);
        await _host.Admin.ClearAsync();
        // Five 500s that create nothing, then a sixth and last attempt that creates the comment and loses its answer.
        await _host.Admin.AddFaultAsync(new { status = 500, count = 5, method = "POST", pathContains = $"/issue/{issue}/comment" });
        await _host.Admin.AddFaultAsync(new { truncate = true, count = 1, method = "POST", pathContains = $"/issue/{issue}/comment" });
        BulkJob job;
        IReadOnlyList<LoggedRequest> requests;
        try
        {
            job = _host.Run("comments -Path $path", new Dictionary<string, object?> { ["path"] = path });
            requests = await _host.Admin.RequestsAsync();
        }
        finally
        {
            await _host.Admin.ClearAsync();
        }

        BulkHost.AssertCompleted(job);
        BulkHost.AssertNoErrors(_host, job);
        Assert.Equal(6, requests.Count(r => r.Method == "POST" && r.Path.EndsWith($"/issue/{issue}/comment")));
        Assert.Equal(["last row 1"], await ChildRecords.TextsAsync(_host, "comments", issue));
    }

    [Theory]
    [InlineData("comments", "/comment")]
    [InlineData("worklogs", "/worklog")]
    public async Task Rows_in_flight_when_the_process_died_are_looked_up_and_none_is_created_twice(string objectName, string childPath)
    {
        var issue = await _host.NewIssueAsync($"resume {objectName}");
        var path = ChildRecords.Csv(_files, objectName, issue, 6, "resume");
        var journal = _files.PathOf("journal-" + objectName);
        var first = _host.Run($"{objectName} -Path $path -JournalPath $journal", new Dictionary<string, object?> { ["path"] = path, ["journal"] = journal });
        BulkHost.AssertCompleted(first);
        // Rows 1-2 answered, 3-4 sent without an answer (3 reached Jira, 4 did not), 5-6 never sent.
        var ids = ChildRecords.Kill(journal, answered: 2, sent: 4);
        foreach (var row in new[] { 4, 5, 6 }) await _host.DeleteAsync($"issue/{issue}{childPath}/{ids[row]}");
        await _host.Admin.ClearAsync();

        var resumed = (BulkJob)_host.Module.Run("Resume-JiraBulkJob -JournalPath $journal | Wait-JiraBulkJob", new Dictionary<string, object?> { ["journal"] = journal }).Single().BaseObject;

        var requests = await _host.Admin.RequestsAsync();
        BulkHost.AssertCompleted(resumed);
        BulkHost.AssertNoErrors(_host, resumed);
        Assert.Equal(6, resumed.RecordsProcessed);
        Assert.Equal(ChildRecords.Expected("resume", Enumerable.Range(1, 6)), (await ChildRecords.TextsAsync(_host, objectName, issue)).Order());
        // Rows 3 and 4 were looked up; 3 was found, so only rows 4-6 were sent.
        Assert.Equal(3, requests.Count(r => r.Method == "POST" && r.Path.EndsWith(issue + childPath)));
    }

    public void Dispose()
    {
        _host.Dispose();
        _files.Dispose();
    }
}
