using JiraConnector.Bulk;
using JiraConnector.Tests.Unit.Support;
using JiraEmulator;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>An emulator with 20,000 issues, for the download round trip.</summary>
public sealed class Cloud20kEmulator : EmulatorFixture
{
    protected override EmulatorOptions Options { get; } = new() { Deployment = Deployment.Cloud, Issues = 20_000, Seed = 7 };
}

/// <summary>Downloads: pages streamed to CSV or JSON Lines, the formula guard, and a round trip
/// of 20,000 incidents through an upload into an empty project.</summary>
public sealed class BulkDownloadTests(Cloud20kEmulator emulator) : IClassFixture<Cloud20kEmulator>, IDisposable
{
    private const string Columns = "key,project.key,issuetype.name,summary,description,priority.name,labels,Story point estimate";
    private readonly BulkHost _host = new(emulator);
    private readonly BulkFiles _files = new();

    [Fact]
    public async Task Twenty_thousand_incidents_round_trip_through_an_upload_into_an_empty_project()
    {
        await _host.PostAsync("project", new { key = "RT", name = "Round trip", projectTypeKey = "software", leadAccountId = "712020:00000000-0000-4000-8000-000000000001" });
        var original = _files.PathOf("original.csv");
        var download = _host.Run("incidents -Jql 'project != RT AND issue.property[jiraconnector.bulk].job IS EMPTY ORDER BY key' -OutFile $out -Fields $fields.Split(',')",
            new Dictionary<string, object?> { ["out"] = original, ["fields"] = Columns });
        BulkHost.AssertCompleted(download);
        Assert.Equal(20_000, download.RecordsCount);

        // What a user does: point the rows at the new project, then upload them.
        var moved = _files.PathOf("moved.csv");
        _host.Module.Run("Import-Csv $in | ForEach-Object { $_.'project.key' = 'RT'; $_ } | Export-Csv $out -UseQuotes AsNeeded",
            new Dictionary<string, object?> { ["in"] = original, ["out"] = moved });
        var upload = _host.Run("incidents -Path $path -ThrottleLimit 4", new Dictionary<string, object?> { ["path"] = moved });
        BulkHost.AssertCompleted(upload);
        BulkHost.AssertNoErrors(_host, upload);

        var copy = _files.PathOf("copy.csv");
        BulkHost.AssertCompleted(_host.Run("incidents -Jql 'project = RT' -OutFile $out -Fields $fields.Split(',')",
            new Dictionary<string, object?> { ["out"] = copy, ["fields"] = Columns }));
        Assert.Equal(Values(original), Values(copy));
    }

    [Fact]
    public async Task Each_value_of_a_multi_value_cell_is_guarded_and_an_upload_takes_them_back_as_they_were()
    {
        var upload = _host.Run("incidents -Path $path", new Dictionary<string, object?>
        {
            ["path"] = _files.Write("multi.csv", "project.key,issuetype.name,summary,labels\nHR,Task,multi,csvprobe2;=1+1;@SUM(1)\n"),
        });
        BulkHost.AssertCompleted(upload);
        BulkHost.AssertNoErrors(_host, upload);
        var key = (await _host.CreatedByAsync(upload.JobId)).Single().Key;
        var guarded = _files.PathOf("multi-guarded.csv");

        BulkHost.AssertCompleted(_host.Run("incidents -Jql $jql -OutFile $out -Fields key,labels", new Dictionary<string, object?> { ["jql"] = $"key = {key}", ["out"] = guarded }));
        // A spreadsheet that splits the cell on ';' sees no formula in any part.
        Assert.Contains($"{key},csvprobe2;'=1+1;'@SUM(1)", File.ReadAllText(guarded), StringComparison.Ordinal);

        var back = _host.Run("incidents -Path $path -Action Update", new Dictionary<string, object?> { ["path"] = guarded });
        BulkHost.AssertCompleted(back);
        BulkHost.AssertNoErrors(_host, back);
        using var issue = await _host.GetAsync($"issue/{key}?fields=labels");
        Assert.Equal(new[] { "=1+1", "@SUM(1)", "csvprobe2" },
            issue.RootElement.GetProperty("fields").GetProperty("labels").EnumerateArray().Select(l => l.GetString()).OrderBy(l => l, StringComparer.Ordinal));
    }

    [Fact]
    public void A_csv_download_guards_cells_against_formulas_unless_told_not_to()
    {
        var upload = _host.Run("incidents -Path $path", new Dictionary<string, object?>
        {
            ["path"] = _files.Write("formulas.csv", "project.key,issuetype.name,summary\nHR,Task,\"=HYPERLINK(\"\"http://x\"\")\"\nHR,Task,@SUM(1)\n"),
        });
        BulkHost.AssertCompleted(upload);
        BulkHost.AssertNoErrors(_host, upload);
        var guarded = _files.PathOf("guarded.csv");
        var plain = _files.PathOf("plain.jsonl");
        var raw = _files.PathOf("raw.csv");
        var jql = $"issue.property[jiraconnector.bulk].job = \"{upload.JobId}\" ORDER BY key";

        BulkHost.AssertCompleted(_host.Run("incidents -Jql $jql -OutFile $out -Fields key,summary", new Dictionary<string, object?> { ["jql"] = jql, ["out"] = guarded }));
        BulkHost.AssertCompleted(_host.Run("incidents -Jql $jql -OutFile $out -Fields key,summary -NoFormulaEscape", new Dictionary<string, object?> { ["jql"] = jql, ["out"] = raw }));
        var lines = _host.Run("incidents -Jql $jql -OutFile $out -Fields summary", new Dictionary<string, object?> { ["jql"] = jql, ["out"] = plain });

        var text = File.ReadAllText(guarded);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", text);
        Assert.Contains(",'@SUM(1)", text);
        Assert.Contains(",=HYPERLINK", File.ReadAllText(raw).Replace("\"=", "="));
        Assert.DoesNotContain("'@SUM", File.ReadAllText(raw));
        Assert.Equal(2, lines.RecordsCount);
        Assert.All(File.ReadAllLines(plain), line => Assert.StartsWith("{", line));
    }

    [Fact]
    public void Each_value_of_a_multi_value_cell_is_guarded_and_a_duplicate_header_is_refused()
    {
        var upload = _host.Run("incidents -Path $path", new Dictionary<string, object?>
        {
            ["path"] = _files.Write("multi.csv", "project.key,issuetype.name,summary,labels\nHR,Task,multi probe,csvprobe2;=1+1;@SUM(1)\n"),
        });
        BulkHost.AssertCompleted(upload);
        BulkHost.AssertNoErrors(_host, upload);
        var guarded = _files.PathOf("multi-guarded.csv");

        BulkHost.AssertCompleted(_host.Run("incidents -Jql $jql -OutFile $out -Fields key,labels", new Dictionary<string, object?>
            { ["jql"] = $"issue.property[jiraconnector.bulk].job = \"{upload.JobId}\"", ["out"] = guarded }));

        var cell = File.ReadAllLines(guarded)[1].Split(',')[1];
        Assert.Equal(new[] { "'=1+1", "'@SUM(1)", "csvprobe2" }, cell.Split(';').OrderBy(v => v, StringComparer.Ordinal));
        var duplicate = _host.ErrorOf("Start-JiraBulkJob incidents -Path $path", new Dictionary<string, object?>
            { ["path"] = _files.Write("duplicate.csv", "project.key,issuetype.name,summary,Summary\nHR,Task,one,two\n") });
        Assert.Equal("DuplicateColumn", duplicate.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("'Summary' twice (columns 3 and 4)", duplicate.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_download_writes_its_selected_fields_filters_what_jira_cannot_and_stops_at_its_limit()
    {
        var path = _files.PathOf("query.csv");
        var job = _host.Run("-Query $query -OutFile $out", new Dictionary<string, object?>
        {
            ["query"] = "select key, summary, priority from incidents where priority = 'Highest' and project = 'OPS' order by key limit 40",
            ["out"] = path,
        });

        BulkHost.AssertCompleted(job);
        var rows = _host.Module.Run("Import-Csv $in", new Dictionary<string, object?> { ["in"] = path });
        Assert.Equal(40, rows.Count);
        Assert.Equal("key,summary,priority", File.ReadLines(path).First());
        Assert.All(rows, r => Assert.Equal("Highest", r.Properties["priority"].Value));
        Assert.All(rows, r => Assert.StartsWith("OPS-", (string)r.Properties["key"].Value));
        var expected = (await _host.SearchAsync("project = OPS AND priority = Highest AND issue.property[jiraconnector.bulk].job IS EMPTY ORDER BY key", "summary")).Take(40).Select(i => i.Key);
        Assert.Equal(expected, rows.Select(r => (string)r.Properties["key"].Value));

        var error = _host.ErrorOf("Start-JiraBulkJob -Query 'select from where' -OutFile $out", new Dictionary<string, object?> { ["out"] = path });
        Assert.Equal("OcnqlSyntaxError", error.FullyQualifiedErrorId.Split(',')[0]);
        var unknown = _host.ErrorOf("Start-JiraBulkJob incidents -Jql 'project = OPS' -OutFile $out -Fields key,NoSuchField", new Dictionary<string, object?> { ["out"] = path });
        Assert.Equal("UnknownField", unknown.FullyQualifiedErrorId.Split(',')[0]);
    }

    /// <summary>The rows' values without key and project, sorted: the same incidents whatever
    /// their keys and the order the upload's parallel requests created them in.</summary>
    private List<string> Values(string csv)
    {
        var rows = _host.Module.Run("Import-Csv $in | ForEach-Object { ($_.PSObject.Properties | Where-Object Name -notin 'key', 'project.key' | ForEach-Object Value) -join [char]31 }",
            new Dictionary<string, object?> { ["in"] = csv });
        return rows.Select(r => (string)r.BaseObject).OrderBy(r => r, StringComparer.Ordinal).ToList();
    }

    public void Dispose()
    {
        _host.Dispose();
        _files.Dispose();
    }
}
