using System.Management.Automation;
using JiraConnector.Bulk;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>What is refused before a job starts (a file no column of which names a field, a
/// download to a file type it cannot write), and how a finished job with failed rows says so.</summary>
public sealed class BulkPlanChecksTests(CloudEmulator emulator) : IClassFixture<CloudEmulator>, IDisposable
{
    private readonly BulkHost _host = new(emulator);
    private readonly BulkFiles _files = new();

    [Fact]
    public async Task A_csv_whose_headers_are_all_unknown_is_refused_before_a_job_starts()
    {
        var path = _files.Write("unknown.csv", "foo,bar\n1,2\n3,4\n");
        var journal = _files.PathOf("unknown-journal");
        await _host.Admin.ClearAsync();

        var error = _host.ErrorOf("Start-JiraBulkJob incidents -Path $path -JournalPath $journal",
            new Dictionary<string, object?> { ["path"] = path, ["journal"] = journal });

        Assert.Equal("NoKnownColumns,JiraConnector.Cmdlets.StartJiraBulkJobCommand", error.FullyQualifiedErrorId);
        Assert.Contains("'foo'", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("'bar'", error.Exception.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(journal), "a journal was written for a job that should not start");
        Assert.Empty(await _host.Admin.RequestsAsync("/issue/bulk"));
    }

    [Fact]
    public void A_csv_with_one_known_column_among_unknown_ones_still_runs()
    {
        var path = _files.Write("partly.csv", "summary,foo\nonly summary,1\n");

        var job = _host.Run("incidents -Path $path", new Dictionary<string, object?> { ["path"] = path });

        Assert.Equal(BulkJobStatus.COMPLETED, job.Status);
        Assert.Equal(1, job.RecordsFailedCount);
    }

    [Theory]
    [InlineData("x.xlsx")]
    [InlineData("x.json")]
    public void A_download_to_a_file_type_it_cannot_write_names_OutFile_and_what_it_writes(string file)
    {
        var error = _host.ErrorOf("Start-JiraBulkJob -Query 'select key from incidents' -OutFile $out",
            new Dictionary<string, object?> { ["out"] = _files.PathOf(file) });

        Assert.Equal("UnsupportedFileType,JiraConnector.Cmdlets.StartJiraBulkJobCommand", error.FullyQualifiedErrorId);
        Assert.Equal("OutFile", Assert.IsAssignableFrom<ArgumentException>(error.Exception).ParamName);
        Assert.Contains("-OutFile", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains(".csv", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains(".jsonl", error.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(".json ", error.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("-Path", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_with_failed_rows_says_how_many_in_its_status_line()
    {
        var path = _files.IncidentCsv("some-fail.csv", 7, "status line", bad: new Dictionary<int, string> { [1] = "type", [3] = "type", [4] = "project", [6] = "type" });
        var clean = _files.IncidentCsv("none-fail.csv", 2, "status clean");

        var job = _host.Run("incidents -Path $path", new Dictionary<string, object?> { ["path"] = path });
        var cleanJob = _host.Run("incidents -Path $path", new Dictionary<string, object?> { ["path"] = clean });

        Assert.Equal(BulkJobStatus.COMPLETED, job.Status);
        Assert.Equal("COMPLETED (4 of 7 failed)", job.StatusLine);
        Assert.Equal("COMPLETED (4 of 7 failed)", job.StatusMessage);
        var report = (BulkJobReport)_host.Module.Run("Receive-Job -Job $job -Keep", new Dictionary<string, object?> { ["job"] = job }).Single().BaseObject;
        Assert.Equal("COMPLETED (4 of 7 failed)", report.StatusLine);
        Assert.Contains("COMPLETED (4 of 7 failed)", report.ToString(), StringComparison.Ordinal);
        Assert.Equal("COMPLETED", cleanJob.StatusLine);
    }

    public void Dispose()
    {
        _host.Dispose();
        _files.Dispose();
    }
}
