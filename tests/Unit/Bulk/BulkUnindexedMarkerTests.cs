using JiraConnector.Bulk;
using JiraConnector.Tests.Unit.Support;
using JiraConnector.Bulk.Markers;
using JiraConnector.Bulk.Jobs;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>A site where no app indexes the marker property refuses JQL on it with a 400. Lost
/// answers are then settled by scanning the issues the caller created since the job started, with
/// each issue's marker read from the search page: no row is created twice, none is left failed.</summary>
public sealed class BulkUnindexedMarkerTests : IClassFixture<CloudEmulator>, IDisposable
{
    private readonly CloudEmulator _emulator;
    private readonly BulkHost _host;
    private readonly BulkFiles _files = new();

    public BulkUnindexedMarkerTests(CloudEmulator emulator)
    {
        _emulator = emulator;
        _host = new BulkHost(emulator);
        Unindexed = true;
    }

    /// <summary>The emulator reads the option on every search, so a test can switch it.</summary>
    private bool Unindexed
    {
        set => _emulator.Server.Options.UnindexedProperties = value;
    }

    /// <summary>The job's incidents by marker, which needs the index: asked with it switched on.</summary>
    private async Task<List<(string Key, string Summary)>> CreatedByAsync(string jobId)
    {
        Unindexed = false;
        try
        {
            return await _host.CreatedByAsync(jobId);
        }
        finally
        {
            Unindexed = true;
        }
    }

    private static bool IsMarkerJql(LoggedRequest r) => r.Path.Contains("/search") && r.Query?.Contains("issue.property") == true;

    /// <summary>The first page of a scan (the window also holds the issues of this class's other tests).</summary>
    private static bool IsScan(LoggedRequest r) =>
        r.Path.Contains("/search") && r.Query?.Contains("creator") == true && !r.Query.Contains("nextPageToken");

    [Fact]
    public async Task Answers_cut_after_the_work_are_settled_by_the_scan_and_every_row_exists_once()
    {
        var path = _files.IncidentCsv("cut.csv", 150, "unidx");
        await _host.Admin.ClearAsync();
        await _host.Admin.AddFaultAsync(new { truncate = true, count = 2, pathContains = "issue/bulk", method = "POST" });
        BulkJob job;
        IReadOnlyList<LoggedRequest> requests;
        try
        {
            job = _host.Run("incidents -Path $path -JournalPath $journal -ThrottleLimit 1", new Dictionary<string, object?>
            {
                ["path"] = path,
                ["journal"] = _files.PathOf("journal-unidx"),
            });
            requests = await _host.Admin.RequestsAsync();
        }
        finally
        {
            await _host.Admin.ClearAsync();
        }

        BulkHost.AssertCompleted(job);
        BulkHost.AssertNoErrors(_host, job);
        Assert.Equal(0, job.RecordsFailedCount);
        // The marker JQL was refused once; both lost answers were settled by a scan, and no row was sent again.
        Assert.Single(requests, r => IsMarkerJql(r) && r.Status == 400);
        Assert.DoesNotContain(requests, r => IsMarkerJql(r) && r.Status == 200);
        Assert.Equal(2, requests.Count(r => IsScan(r) && r.Status == 200));
        Assert.All(requests.Where(IsScan), r => Assert.Contains("properties=jiraconnector.bulk", r.Query));
        Assert.Equal(3, requests.Count(r => r.Path.EndsWith("/issue/bulk")));
        Assert.DoesNotContain(requests, r => r.Method == "GET" && r.Path.Contains("/issue/"));
        var created = await CreatedByAsync(job.JobId);
        Assert.Equal(Enumerable.Range(1, 150).Select(r => $"unidx row {r}").OrderBy(s => s), created.Select(c => c.Summary).OrderBy(s => s));
    }

    [Fact]
    public async Task Rows_that_set_another_reporter_are_still_found_by_the_scan()
    {
        // alice reports them; the caller (admin) creates them. A scan on reporter would miss them and send them again.
        var text = new System.Text.StringBuilder("project.key,issuetype.name,summary,reporter.accountId\n");
        foreach (var row in Enumerable.Range(1, 50)) text.Append($"OPS,Task,alicerep row {row},712020:00000000-0000-4000-8000-000000000002\n");
        var path = _files.Write("alice.csv", text.ToString());
        await _host.Admin.ClearAsync();
        await _host.Admin.AddFaultAsync(new { truncate = true, count = 1, pathContains = "issue/bulk", method = "POST" });
        BulkJob job;
        try
        {
            job = _host.Run("incidents -Path $path", new Dictionary<string, object?> { ["path"] = path });
        }
        finally
        {
            await _host.Admin.ClearAsync();
        }

        BulkHost.AssertCompleted(job);
        BulkHost.AssertNoErrors(_host, job);
        var created = await CreatedByAsync(job.JobId);
        Assert.Equal(50, created.Count);
        Assert.Equal(50, created.Select(c => c.Summary).Distinct().Count());
    }

    [Fact]
    public async Task A_resume_after_a_kill_creates_nothing_twice()
    {
        // What a process killed mid-job leaves: rows 1-20 answered, 21-40 sent without an answer
        // (21-30 reached Jira, 31-40 did not), 41-60 never sent.
        var (first, journal) = await RunThenDeleteAsync("unresume", 60, Enumerable.Range(31, 30));
        var lines = File.ReadAllLines(Path.Combine(journal, "journal.jsonl"));
        var kept = lines.Where(l => l.Contains("\"e\":\"start\"") || l.Contains("\"e\":\"count\"") ||
            (l.Contains("\"e\":\"ok\"") && RowOf(l) <= 20)).ToList();
        kept.Insert(2, "{\"e\":\"sent\",\"rows\":[" + string.Join(",", Enumerable.Range(1, 40)) + "]}");
        File.WriteAllLines(Path.Combine(journal, "journal.jsonl"), kept);
        await _host.Admin.ClearAsync();

        var resumed = (BulkJob)_host.Module.Run("Resume-JiraBulkJob -JournalPath $journal | Wait-JiraBulkJob", new Dictionary<string, object?> { ["journal"] = journal }).Single().BaseObject;

        var requests = await _host.Admin.RequestsAsync();
        BulkHost.AssertCompleted(resumed);
        BulkHost.AssertNoErrors(_host, resumed);
        Assert.Equal(60, resumed.RecordsProcessed);
        var summaries = (await CreatedByAsync(first.JobId)).Select(c => c.Summary).ToList();
        Assert.Equal(Enumerable.Range(1, 60).Select(r => $"unresume row {r}").OrderBy(s => s), summaries.OrderBy(s => s));
        // Rows 21-40 were looked up by scan; 21-30 were found, so one create carried rows 31-60.
        Assert.Single(requests, r => IsMarkerJql(r) && r.Status == 400);
        Assert.Single(requests, r => IsScan(r) && r.Status == 200);
        Assert.Single(requests, r => r.Path.EndsWith("/issue/bulk"));
    }

    [Theory]
    [InlineData(false, 180)]
    [InlineData(true, 60)]
    public async Task The_scan_looks_back_to_when_a_killed_process_sent_its_rows_and_to_the_first_send_for_its_own(bool sentLineHasTime, int expectedMinutes)
    {
        // A job started three hours ago whose process died with rows 1-10 sent an hour ago (and
        // created) and rows 11-30 not sent; the resumed process then loses the answer to its own
        // create. A journal whose "sent" line has no time sends the scan back to the job's start.
        var (first, journal) = await RunThenDeleteAsync(sentLineHasTime ? "unwindowat" : "unwindow", 30, Enumerable.Range(11, 20));
        var lines = File.ReadAllLines(Path.Combine(journal, "journal.jsonl"));
        var start = "{\"e\":\"start\",\"at\":\"" + DateTimeOffset.Now.AddHours(-3).ToString("o") + "\"}";
        var kept = new List<string> { start };
        kept.AddRange(lines.Where(l => l.Contains("\"e\":\"count\"")));
        var sentAt = sentLineHasTime ? ",\"at\":\"" + DateTimeOffset.Now.AddHours(-1).ToString("o") + "\"" : string.Empty;
        kept.Add("{\"e\":\"sent\"" + sentAt + ",\"rows\":[" + string.Join(",", Enumerable.Range(1, 10)) + "]}");
        File.WriteAllLines(Path.Combine(journal, "journal.jsonl"), kept);
        await _host.Admin.ClearAsync();
        await _host.Admin.AddFaultAsync(new { truncate = true, count = 1, pathContains = "issue/bulk", method = "POST" });
        BulkJob resumed;
        IReadOnlyList<LoggedRequest> requests;
        try
        {
            resumed = (BulkJob)_host.Module.Run("Resume-JiraBulkJob -JournalPath $journal | Wait-JiraBulkJob", new Dictionary<string, object?> { ["journal"] = journal }).Single().BaseObject;
            requests = await _host.Admin.RequestsAsync();
        }
        finally
        {
            await _host.Admin.ClearAsync();
        }

        BulkHost.AssertCompleted(resumed);
        BulkHost.AssertNoErrors(_host, resumed);
        var summaries = (await CreatedByAsync(first.JobId)).Select(c => c.Summary).ToList();
        var tag = sentLineHasTime ? "unwindowat" : "unwindow";
        Assert.Equal(Enumerable.Range(1, 30).Select(r => $"{tag} row {r}").OrderBy(s => s), summaries.OrderBy(s => s));
        var windows = requests.Where(r => IsScan(r) && r.Status == 200).Select(r => ScanMinutes(r.Query!)).ToList();
        Assert.Equal(2, windows.Count);
        Assert.InRange(windows[0], expectedMinutes, expectedMinutes + MarkerScan.MarginMinutes + 2);
        Assert.InRange(windows[1], 1, MarkerScan.MarginMinutes + 2);
    }

    /// <summary>Runs a job of rows tagged so, then deletes some of its incidents: with an edited
    /// journal, what a killed process leaves behind.</summary>
    private async Task<(BulkJob First, string Journal)> RunThenDeleteAsync(string tag, int rows, IEnumerable<int> delete)
    {
        var path = _files.IncidentCsv(tag + ".csv", rows, tag);
        var journal = _files.PathOf("journal-" + tag);
        var first = _host.Run("incidents -Path $path -JournalPath $journal", new Dictionary<string, object?> { ["path"] = path, ["journal"] = journal });
        BulkHost.AssertCompleted(first);
        var created = (await CreatedByAsync(first.JobId)).ToDictionary(c => c.Summary, c => c.Key);
        foreach (var row in delete) await _host.DeleteAsync("issue/" + created[$"{tag} row {row}"]);
        return (first, journal);
    }

    /// <summary>N of the scan's "created >= -Nm".</summary>
    private static int ScanMinutes(string query)
    {
        var jql = Uri.UnescapeDataString(query.Replace('+', ' '));
        var match = System.Text.RegularExpressions.Regex.Match(jql, @"created >= -(\d+)m");
        Assert.True(match.Success, jql);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_scan_finds_only_the_rows_asked_for_of_its_own_job()
    {
        // The other job runs last: its issues are the scan's latest, and would win a mix-up.
        var mine = _host.Run("incidents -Path $path", new Dictionary<string, object?> { ["path"] = _files.IncidentCsv("mine.csv", 30, "mine") });
        var other = _host.Run("incidents -Path $path", new Dictionary<string, object?> { ["path"] = _files.IncidentCsv("other.csv", 30, "other") });
        BulkHost.AssertCompleted(other);
        BulkHost.AssertCompleted(mine);
        var keys = (await CreatedByAsync(mine.JobId)).ToDictionary(c => c.Summary, c => c.Key);
        var instance = (JiraInstance)_host.Module.Run("Get-JiraInstance -Name emu").Single().BaseObject;
        var context = new BulkContext(instance, mine.JobId, TestContext.Current.CancellationToken) { StartedAt = DateTimeOffset.Now.AddMinutes(-1) };

        // Rows 2 and 5 exist in both jobs; row 31 in neither.
        var found = await BulkMarker.FindAsync(context, [2, 5, 31]);

        Assert.True(context.MarkerJqlRefused);
        Assert.Equal(new long[] { 2, 5 }, found.Keys.OrderBy(r => r));
        Assert.Equal(keys["mine row 2"], found[2].Key);
        Assert.Equal(keys["mine row 5"], found[5].Key);
        Assert.All(found.Values, v => Assert.False(string.IsNullOrEmpty(v.Id)));
    }

    private static int RowOf(string line) =>
        System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("row").GetInt32();

    public void Dispose()
    {
        Unindexed = false;
        _host.Dispose();
        _files.Dispose();
    }
}
