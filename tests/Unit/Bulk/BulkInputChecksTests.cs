using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>What a bulk job refuses before it starts, and what its journal lets others read.</summary>
public sealed class BulkInputChecksTests(CloudEmulator emulator) : IClassFixture<CloudEmulator>, IDisposable
{
    private readonly BulkHost _host = new(emulator);
    private readonly BulkFiles _files = new();

    [Fact]
    public void A_journal_folder_and_its_files_are_the_owners_only()
    {
        if (OperatingSystem.IsWindows()) return; // the ACL form is WindowsOwnerOnlyTests'
        var journal = _files.PathOf("journal-private");
        BulkHost.AssertCompleted(_host.Run("incidents -Path $path -JournalPath $journal",
            new Dictionary<string, object?> { ["path"] = _files.IncidentCsv("private.csv", 2, "private"), ["journal"] = journal }));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(journal));
        foreach (var file in new[] { "manifest.json", "journal.jsonl", "running.lock" })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(journal, file)));
        }
    }

    [Fact]
    public void A_JournalPath_that_is_a_file_is_refused_with_its_own_error_id()
    {
        var file = _files.Write("not-a-folder.txt", "x");

        var error = _host.ErrorOf("Start-JiraBulkJob incidents -Path $path -JournalPath $journal",
            new Dictionary<string, object?> { ["path"] = _files.IncidentCsv("file-journal.csv", 1, "file-journal"), ["journal"] = file });

        Assert.Equal("JournalPathNotFolder", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains(file, error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Theory]
    [InlineData("incidents", "project.key,issuetype.name,summary,Summary\nOPS,Task,one,two\n", "Summary")]
    [InlineData("comments", "issue,body,body\nOPS-1,one,two\n", "body")]
    public void A_CSV_header_naming_a_column_twice_is_refused_naming_it(string objectName, string csv, string column)
    {
        var path = _files.Write($"twice-{objectName}.csv", csv);

        var error = _host.ErrorOf($"Start-JiraBulkJob {objectName} -Path $path", new Dictionary<string, object?> { ["path"] = path });

        Assert.Equal("DuplicateColumn", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains($"'{column}' twice", error.Exception.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _host.Dispose();
        _files.Dispose();
    }
}
