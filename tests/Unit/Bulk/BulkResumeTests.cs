using System.Management.Automation;
using System.Text.Json;
using JiraConnector.Bulk;
using JiraConnector.Tests.Unit.Support;
using JiraConnector.Bulk.Jobs;
using JiraConnector.Bulk.Journal;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>Resume-JiraBulkJob: finished rows are skipped, rows in flight are looked up by marker
/// before they are sent again, a changed file is refused, and a stopped job can be finished.</summary>
public sealed class BulkResumeTests(CloudEmulator emulator) : IClassFixture<CloudEmulator>, IDisposable
{
    private readonly BulkHost _host = new(emulator);
    private readonly BulkFiles _files = new();

    [Fact]
    public async Task Rows_in_flight_when_the_process_died_are_looked_up_and_none_is_created_twice()
    {
        var path = _files.IncidentCsv("resume.csv", 60, "resume");
        var journal = _files.PathOf("journal-resume");
        var first = _host.Run("incidents -Path $path -JournalPath $journal", new Dictionary<string, object?> { ["path"] = path, ["journal"] = journal });
        BulkHost.AssertCompleted(first);
        var created = (await _host.CreatedByAsync(first.JobId)).ToDictionary(c => c.Summary, c => c.Key);
        // What a process killed mid-job leaves: rows 1-20 answered, 21-40 sent without an answer
        // (21-30 reached Jira, 31-40 did not), 41-60 never sent.
        foreach (var row in Enumerable.Range(31, 30)) await _host.DeleteAsync("issue/" + created[$"resume row {row}"]);
        var lines = File.ReadAllLines(Path.Combine(journal, "journal.jsonl"));
        var kept = lines.Where(l => l.Contains("\"e\":\"start\"") || l.Contains("\"e\":\"count\"") ||
            (l.Contains("\"e\":\"ok\"") && RowOf(l) <= 20)).ToList();
        kept.Insert(2, "{\"e\":\"sent\",\"rows\":[" + string.Join(",", Enumerable.Range(1, 40)) + "]}");
        File.WriteAllLines(Path.Combine(journal, "journal.jsonl"), kept.Append("{\"e\":\"ok\",\"row\":")); // and a torn last line
        Assert.Equal(BulkJobStatus.ABORTED, ((BulkJob)_host.Module.Run("Get-JiraBulkJob -JournalPath $journal", new Dictionary<string, object?> { ["journal"] = journal }).Single().BaseObject).Status);
        await _host.Admin.ClearAsync();

        var resumed = (BulkJob)_host.Module.Run("Resume-JiraBulkJob -JournalPath $journal | Wait-JiraBulkJob", new Dictionary<string, object?> { ["journal"] = journal }).Single().BaseObject;

        var requests = await _host.Admin.RequestsAsync();
        BulkHost.AssertCompleted(resumed);
        Assert.Equal(first.JobId, resumed.JobId);
        Assert.Equal(60, resumed.RecordsProcessed);
        var summaries = (await _host.CreatedByAsync(first.JobId)).Select(c => c.Summary).ToList();
        Assert.Equal(Enumerable.Range(1, 60).Select(r => $"resume row {r}").OrderBy(s => s), summaries.OrderBy(s => s));
        // Rows 21-40 were looked up first; 21-30 were found, so one create carried rows 31-60.
        Assert.Single(requests, r => r.Path.Contains("/search") && r.Query?.Contains("jiraconnector.bulk") == true);
        Assert.Single(requests, r => r.Path.EndsWith("/issue/bulk"));
    }

    [Fact]
    public async Task A_journal_cut_short_inside_a_sent_line_resumes_without_creating_a_row_twice()
    {
        var path = _files.IncidentCsv("cut.csv", 300, "cut");
        var journal = _files.PathOf("journal-cut");
        var first = _host.Run("incidents -Path $path -JournalPath $journal", new Dictionary<string, object?> { ["path"] = path, ["journal"] = journal });
        BulkHost.AssertCompleted(first);
        // A journal cut inside its second "sent" line: the rows created after it are in Jira but
        // nowhere in what is left of the journal.
        var file = Path.Combine(journal, "journal.jsonl");
        var text = File.ReadAllText(file);
        var secondSent = text.IndexOf("\"e\":\"sent\"", text.IndexOf("\"e\":\"sent\"", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        Assert.True(secondSent > 0);
        File.WriteAllText(file, text[..(secondSent + 20)]);

        var resumed = (BulkJob)_host.Module.Run("Resume-JiraBulkJob -JournalPath $journal | Wait-JiraBulkJob", new Dictionary<string, object?> { ["journal"] = journal }).Single().BaseObject;

        BulkHost.AssertCompleted(resumed);
        var summaries = (await _host.CreatedByAsync(first.JobId)).Select(c => c.Summary).ToList();
        Assert.Equal(300, summaries.Count);
        Assert.Equal(300, summaries.Distinct().Count());
        // The torn line became a mark of its own, so the journal reads as torn on every later resume.
        Assert.True(JournalReplay.Read(file).Damaged);
        Assert.Equal(BulkJobStatus.COMPLETED, JournalReplay.Read(file).EndStatus);
    }

    [Fact]
    public void A_source_file_changed_since_the_start_is_refused()
    {
        var path = _files.IncidentCsv("changed.csv", 5, "changed");
        var journal = _files.PathOf("journal-changed");
        var job = _host.Run("incidents -Path $path -JournalPath $journal", new Dictionary<string, object?> { ["path"] = path, ["journal"] = journal });
        BulkHost.AssertCompleted(job);
        var lines = File.ReadAllLines(Path.Combine(journal, "journal.jsonl"));
        File.WriteAllLines(Path.Combine(journal, "journal.jsonl"), lines.Where(l => !l.Contains("\"e\":\"end\"")));
        File.AppendAllText(path, "OPS,Task,changed row 6,High,x\n");

        var error = _host.ErrorOf("Resume-JiraBulkJob -JournalPath $journal", new Dictionary<string, object?> { ["journal"] = journal });
        Assert.Equal("SourceFileChanged", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("has changed since job", error.Exception.Message);
    }

    [Fact]
    public async Task A_stopped_job_ends_cancelled_and_resume_finishes_it()
    {
        var path = _files.IncidentCsv("stop.csv", 400, "stop");
        var journal = _files.PathOf("journal-stop");
        await _host.Admin.ClearAsync();
        await _host.Admin.AddFaultAsync(new { latencyMs = 150, pathContains = "/issue/bulk" });
        BulkJob stopped;
        try
        {
            var job = (BulkJob)_host.Module.Run("Start-JiraBulkJob incidents -Path $path -JournalPath $journal -ThrottleLimit 1",
                new Dictionary<string, object?> { ["path"] = path, ["journal"] = journal }).Single().BaseObject;
            Assert.True(SpinWait.SpinUntil(() => job.RecordsProcessed >= 50, TimeSpan.FromSeconds(30)));
            var passed = _host.Module.Run("Stop-JiraBulkJob -Id $id -PassThru", new Dictionary<string, object?> { ["id"] = job.JobId });
            Assert.Same(job, passed.Single().BaseObject);
            stopped = job;
        }
        finally
        {
            await _host.Admin.ClearAsync();
        }
        Assert.Equal(BulkJobStatus.CANCELLED, stopped.Status);
        Assert.Equal(JobState.Stopped, stopped.JobStateInfo.State);
        Assert.True(stopped.RecordsProcessed < 400);

        var resumed = (BulkJob)_host.Module.Run("Resume-JiraBulkJob -JournalPath $journal | Wait-JiraBulkJob",
            new Dictionary<string, object?> { ["journal"] = journal }).Single().BaseObject;

        BulkHost.AssertCompleted(resumed);
        var summaries = (await _host.CreatedByAsync(stopped.JobId)).Select(c => c.Summary).ToList();
        Assert.Equal(400, summaries.Count);
        Assert.Equal(400, summaries.Distinct().Count());
    }

    private static long RowOf(string line) => JsonDocument.Parse(line).RootElement.GetProperty("row").GetInt64();

    public void Dispose()
    {
        _host.Dispose();
        _files.Dispose();
    }
}
