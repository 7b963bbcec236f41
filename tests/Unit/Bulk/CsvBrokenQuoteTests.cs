using JiraConnector.Bulk;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>A quote left open in one CSV row must not swallow the rows after it: that row is
/// reported and every other row of the file is processed.</summary>
public sealed class CsvBrokenQuoteTests(CloudEmulator emulator) : IClassFixture<CloudEmulator>, IDisposable
{
    private readonly BulkHost _host = new(emulator);
    private readonly BulkFiles _files = new();

    [Theory]
    [InlineData("never closed", "OPS,Task,\"{0} row 4\n", false)]
    [InlineData("closed on a later line", "OPS,Task,\"{0} row 4\n", true)]
    [InlineData("never closed with CRLF and a BOM", "OPS,Task,\"{0} row 4\r\n", false)]
    public async Task Every_row_after_a_broken_quote_is_processed(string tag, string brokenRow, bool laterQuote)
    {
        var crlf = brokenRow.EndsWith("\r\n", StringComparison.Ordinal);
        var newline = crlf ? "\r\n" : "\n";
        var text = new System.Text.StringBuilder("project.key,issuetype.name,summary" + newline);
        for (var row = 1; row <= 9; row++)
        {
            if (row == 4) text.Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, brokenRow, tag));
            // A quoted cell further down would close the broken quote and take everything between.
            else if (laterQuote && row == 7) text.Append($"OPS,Task,\"{tag} row {row}\"{newline}");
            else text.Append($"OPS,Task,{tag} row {row}{newline}");
        }
        var path = _files.Write(tag.Replace(" ", "-") + ".csv", text.ToString(), bom: crlf);

        var job = _host.Run("incidents -Path $path", new Dictionary<string, object?> { ["path"] = path });

        Assert.Equal(BulkJobStatus.COMPLETED, job.Status);
        Assert.Equal(9, job.RecordsCount);
        Assert.Equal(9, job.RecordsProcessed);
        Assert.Equal(1, job.RecordsFailedCount);
        var errors = _host.Module.Run("Get-JiraBulkJobError -Id $id", new Dictionary<string, object?> { ["id"] = job.JobId })
            .Select(e => (BulkRowError)e.BaseObject).ToList();
        var error = Assert.Single(errors);
        Assert.Equal(4, error.Row);
        Assert.Contains("line 5", error.Message, StringComparison.Ordinal);
        var created = (await _host.CreatedByAsync(job.JobId)).Select(c => c.Summary).OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { 1, 2, 3, 5, 6, 7, 8, 9 }.Select(row => $"{tag} row {row}"), created);
    }

    public void Dispose()
    {
        _host.Dispose();
        _files.Dispose();
    }
}
