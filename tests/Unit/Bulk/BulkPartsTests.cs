using System.Text;
using JiraConnector.Bulk;
using JiraConnector.Http;
using JiraConnector.Bulk.Sources;
using JiraConnector.Bulk.Journal;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>The small pieces of bulk jobs on their own: the formula guard, signatures, the row
/// bitmap and reading a journal back.</summary>
public sealed class BulkPartsTests
{
    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("'=already", "''=already")]
    [InlineData("'plain", "'plain")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a=b", "a=b")]
    [InlineData("csvprobe2;=1+1;@SUM(1)", "csvprobe2;'=1+1;'@SUM(1)")]
    [InlineData("a;'=b;;c", "a;''=b;;c")]
    public void The_formula_guard_escapes_what_spreadsheets_run_and_unescapes_to_the_same_text(string value, string escaped)
    {
        Assert.Equal(escaped, CsvCells.Escape(value));
        Assert.Equal(value, CsvCells.Unescape(CsvCells.Escape(value)));
    }

    [Fact]
    public void Signatures_match_the_published_HMAC_SHA256_vector_in_both_forms()
    {
        var body = Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog");
        const string hex = "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";
        var base64 = Convert.ToBase64String(Convert.FromHexString(hex));

        Assert.Equal("sha256=" + base64, WebhookSignature.Sign("key", body));
        Assert.True(WebhookSignature.Verify(body, "sha256=" + hex, "key"));
        Assert.True(WebhookSignature.Verify(body, "sha256=" + base64, "key"));
        Assert.True(WebhookSignature.Verify(body, base64, "key"));
        Assert.False(WebhookSignature.Verify(body, "sha256=" + hex[..^2] + "00", "key"));
        Assert.False(WebhookSignature.Verify(body, "sha256=" + base64, "Key"));
    }

    [Fact]
    public void The_row_set_remembers_rows_across_words_and_counts_each_once()
    {
        var rows = new RowSet();
        foreach (var row in new long[] { 1, 63, 64, 65, 100_000, 64 }) rows.Add(row);

        Assert.Equal(5, rows.Count);
        Assert.True(rows.Contains(64));
        Assert.False(rows.Contains(62));
        Assert.False(rows.Contains(200_000));
        Assert.Equal(new long[] { 1, 63, 64, 65, 100_000 }, rows.Items());
    }

    [Fact]
    public void A_journal_read_back_knows_what_is_done_in_flight_and_how_it_ended_and_skips_a_torn_line()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path,
            [
                "{\"e\":\"start\",\"at\":\"2026-01-01T10:00:00.0000000+00:00\"}",
                "{\"e\":\"count\",\"records\":5}",
                "{\"e\":\"sent\",\"rows\":[1,2,3,4]}",
                "{\"e\":\"ok\",\"row\":1,\"key\":\"OPS-1\"}",
                "{\"e\":\"err\",\"row\":2,\"status\":400,\"message\":\"bad\",\"record\":{\"summary\":\"x\"}}",
                "{\"e\":\"ok\",\"row\":3,\"ke",
            ]);

            var replay = JournalReplay.Read(path);
            var errors = JournalReplay.Errors(path, "job").ToList();

            Assert.Equal(5, replay.RecordsCount);
            Assert.Equal(1, replay.Succeeded);
            Assert.Equal(1, replay.Failed);
            Assert.Equal(new long[] { 3, 4 }, replay.InFlight);
            Assert.True(replay.Damaged);
            Assert.True(replay.MaybeSent(5));
            Assert.Null(replay.EndStatus);
            var error = Assert.Single(errors);
            Assert.Equal(2, error.Row);
            Assert.Equal(400, error.Status);
            Assert.Equal("x", error.Record["summary"]);

            // Appending (a resume) drops the torn line first, so it never ends up in the middle.
            using (var journal = new BulkJournal(path)) journal.Ended(BulkJobStatus.CANCELLED, DateTimeOffset.UtcNow, "stopped");
            var resumed = JournalReplay.Read(path);
            Assert.Equal(BulkJobStatus.CANCELLED, resumed.EndStatus);
            Assert.Equal(new long[] { 3, 4 }, resumed.InFlight);
            Assert.DoesNotContain("{\"e\":\"ok\",\"row\":3,\"ke", File.ReadAllLines(path));
            // In its place a mark that keeps the journal torn: every row not done is looked up first.
            Assert.Contains(JournalLines.TornMark, File.ReadAllLines(path));
            Assert.True(resumed.Damaged);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_journal_line_damaged_before_the_last_is_an_error_naming_the_line(bool errorFile)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path,
            [
                "{\"e\":\"start\",\"at\":\"2026-01-01T10:00:00.0000000+00:00\"}",
                "{\"e\":\"err\",\"row\":1,\"status\":400,\"message\":\"bad\",\"rec",
                "{\"e\":\"ok\",\"row\":2,\"key\":\"OPS-2\"}",
            ]);

            var error = Assert.Throws<JiraConnector.Errors.JiraOperationException>(() =>
            {
                if (errorFile) ErrorFileWriter.Write(path, path + ".csv", csv: true, ',');
                else JournalReplay.Read(path);
            });

            Assert.Equal("JournalDamaged", error.ErrorId);
            Assert.Contains("Line 2 of the journal", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".csv");
        }
    }
}
