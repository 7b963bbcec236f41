using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>A journal damaged in the middle cannot say which rows reached Jira: resuming it is a
/// clear error and sends nothing, where skipping the line created those rows a second time.</summary>
public sealed class BulkJournalDamageTests(CloudEmulator emulator) : IClassFixture<CloudEmulator>, IDisposable
{
    private readonly BulkHost _host = new(emulator);
    private readonly BulkFiles _files = new();

    [Fact]
    public async Task A_journal_cut_inside_a_sent_line_in_the_middle_is_refused_and_nothing_is_created_twice()
    {
        var path = _files.IncidentCsv("damaged.csv", 60, "damaged");
        var journal = _files.PathOf("journal-damaged");
        var vars = new Dictionary<string, object?> { ["path"] = path, ["journal"] = journal };
        var first = _host.Run("incidents -Path $path -JournalPath $journal", vars);
        BulkHost.AssertCompleted(first);
        // Every row reached Jira; the journal keeps rows 1-20 done and the line saying 1-60 were sent cut in half.
        var lines = File.ReadAllLines(Path.Combine(journal, "journal.jsonl"));
        var sent = "{\"e\":\"sent\",\"rows\":[" + string.Join(",", Enumerable.Range(1, 60)) + "]}";
        var kept = lines.Where(l => l.Contains("\"e\":\"start\"") || l.Contains("\"e\":\"count\"")).ToList();
        kept.Add(sent.Substring(0, sent.Length / 2));
        kept.AddRange(lines.Where(l => l.Contains("\"e\":\"ok\"")).Take(20));
        File.WriteAllLines(Path.Combine(journal, "journal.jsonl"), kept);
        await _host.Admin.ClearAsync();

        var error = _host.ErrorOf("Resume-JiraBulkJob -JournalPath $journal | Wait-JiraBulkJob", vars);

        Assert.Equal("JournalDamaged", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("Line 3 of the journal", error.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await _host.Admin.RequestsAsync(), r => r.Method == "POST");
        Assert.Equal(60, (await _host.CreatedByAsync(first.JobId)).Count);
    }

    [Fact]
    public void A_journal_path_that_is_a_file_is_a_named_error()
    {
        var path = _files.IncidentCsv("onfile.csv", 2, "onfile");
        var file = _files.Write("not-a-folder.txt", "x");

        var error = _host.ErrorOf("Start-JiraBulkJob incidents -Path $path -JournalPath $file", new Dictionary<string, object?> { ["path"] = path, ["file"] = file });

        Assert.Equal("JournalPathNotFolder", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains(file, error.Exception.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _host.Dispose();
        _files.Dispose();
    }
}
