using System.Text.Json;
using JiraConnector.Bulk;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>What an upload reads: JSON arrays, JSON Lines, BOMs, delimiters, display-name headers,
/// multi-value cells; other objects (projects, comments); the error file uploaded again.</summary>
public sealed class BulkSourceTests(CloudEmulator emulator) : IClassFixture<CloudEmulator>, IDisposable
{
    private readonly BulkHost _host = new(emulator);
    private readonly BulkFiles _files = new();

    [Fact]
    public async Task A_semicolon_csv_with_bom_display_names_and_multi_values_creates_what_it_says()
    {
        var path = _files.Write("bom.csv",
            "Project;Issue Type;Summary;Priority;Labels;Story point estimate;description\n" +
            "OPS;Bug;bom one;High;\"red;green\";5;\"first line\nsecond line\"\n" +
            "WEB;Task;bom two;Low;'-minus;;plain\n", bom: true);

        var job = _host.Run("incidents -Path $path -Delimiter ';'", new Dictionary<string, object?> { ["path"] = path });

        BulkHost.AssertCompleted(job);
        Assert.Equal(0, job.RecordsFailedCount);
        var one = await IssueAsync(job.JobId, "bom one");
        var fields = one.RootElement.GetProperty("fields");
        Assert.Equal("OPS", fields.GetProperty("project").GetProperty("key").GetString());
        Assert.Equal("Bug", fields.GetProperty("issuetype").GetProperty("name").GetString());
        Assert.Equal(new[] { "red", "green" }, fields.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(5, fields.GetProperty("customfield_10016").GetDouble());
        Assert.Equal("first line\nsecond line", fields.GetProperty("description").GetString());
        var two = (await IssueAsync(job.JobId, "bom two")).RootElement.GetProperty("fields");
        // The formula guard a download adds ('-minus) is removed again on upload.
        Assert.Equal(new[] { "-minus" }, two.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task Json_arrays_and_json_lines_upload_flat_and_jira_shaped_records()
    {
        var array = _files.Write("records.json", """
            [
              {"project": {"key": "OPS"}, "issuetype": "Task", "summary": "json one", "labels": ["a", "b"]},
              {"key": "IGNORED-1", "fields": {"project": {"key": "MOB"}, "issuetype": {"name": "Story"}, "summary": "json two"}}
            ]
            """);
        var lines = _files.Write("records.jsonl",
            "{\"project.key\":\"OPS\",\"issuetype.name\":\"Task\",\"summary\":\"jsonl one\"}\n" +
            "this is not json\n\n" +
            "{\"project.key\":\"OPS\",\"issuetype.name\":\"Task\",\"summary\":\"jsonl three\",\"nosuchfield\":\"x\"}\n");

        var fromArray = _host.Run("incidents -Path $path", new Dictionary<string, object?> { ["path"] = array });
        var fromLines = _host.Run("incidents -Path $path", new Dictionary<string, object?> { ["path"] = lines });

        BulkHost.AssertCompleted(fromArray);
        Assert.Equal(2, fromArray.RecordsCount);
        Assert.Equal(0, fromArray.RecordsFailedCount);
        Assert.Equal(new[] { "json one", "json two" }, (await _host.CreatedByAsync(fromArray.JobId)).Select(c => c.Summary).OrderBy(s => s));
        Assert.Equal("MOB", (await IssueAsync(fromArray.JobId, "json two")).RootElement.GetProperty("fields").GetProperty("project").GetProperty("key").GetString());
        BulkHost.AssertCompleted(fromLines);
        Assert.Equal(3, fromLines.RecordsCount);
        Assert.Equal(2, fromLines.RecordsFailedCount);
        var errors = Errors(fromLines.JobId);
        Assert.Contains("not valid JSON", errors.Single(e => e.Row == 2).Message);
        Assert.Contains("nosuchfield", errors.Single(e => e.Row == 3).Message);
    }

    [Fact]
    public async Task The_error_file_can_be_fixed_and_uploaded_again()
    {
        var path = _files.IncidentCsv("fix.csv", 8, "fix", bad: new Dictionary<int, string> { [2] = "type", [5] = "label" });
        var job = _host.Run("incidents -Path $path", new Dictionary<string, object?> { ["path"] = path });
        Assert.Equal(2, job.RecordsFailedCount);
        var errorFile = _files.PathOf("errors.csv");

        _host.Module.Run("Get-JiraBulkJobError -Id $id -OutFile $out", new Dictionary<string, object?> { ["id"] = job.JobId, ["out"] = errorFile });
        var text = File.ReadAllText(errorFile);
        Assert.StartsWith("project.key,issuetype.name,summary,priority.name,labels,_row,_status,_error", text);
        File.WriteAllText(errorFile, text.Replace("NoSuchType", "Task").Replace("has space", "fixed"));
        var again = _host.Run("incidents -Path $path", new Dictionary<string, object?> { ["path"] = errorFile });

        BulkHost.AssertCompleted(again);
        Assert.Equal(0, again.RecordsFailedCount);
        Assert.Equal(new[] { "fix row 2", "fix row 5" }, (await _host.CreatedByAsync(again.JobId)).Select(c => c.Summary).OrderBy(s => s));
    }

    [Fact]
    public async Task Comments_and_worklogs_are_added_and_projects_upserted_one_request_each()
    {
        var comments = _files.Write("comments.csv", "issue,body\nOPS-1,bulk comment one\nOPS-2,bulk comment two\nNOPE-1,lost\n");
        var projects = _files.Write("projects.csv",
            "key,name,projectTypeKey,leadAccountId\n" +
            "OPS,Operations renamed by bulk,software,\n" +
            "BLK,Bulk made,software,712020:00000000-0000-4000-8000-000000000001\n");

        var worklogs = _files.Write("worklogs.jsonl", "{\"issue\":\"OPS-3\",\"timeSpent\":\"1h 30m\",\"comment\":\"bulk worklog\",\"started\":\"2026-01-05T09:00:00.000+0000\"}\n");
        var commentJob = _host.Run("comments -Path $path", new Dictionary<string, object?> { ["path"] = comments });
        var worklogJob = _host.Run("worklogs -Path $path", new Dictionary<string, object?> { ["path"] = worklogs });
        var projectJob = _host.Run("projects -Path $path -Action Upsert", new Dictionary<string, object?> { ["path"] = projects });

        BulkHost.AssertCompleted(commentJob);
        Assert.Equal(1, commentJob.RecordsFailedCount);
        Assert.Equal(404, Errors(commentJob.JobId).Single().Status);
        using var list = await _host.GetAsync("issue/OPS-2/comment");
        Assert.Contains(list.RootElement.GetProperty("comments").EnumerateArray(), c => c.GetProperty("body").ToString().Contains("bulk comment two"));
        BulkHost.AssertCompleted(worklogJob);
        BulkHost.AssertNoErrors(_host, worklogJob);
        using var logs = await _host.GetAsync2("issue/OPS-3/worklog");
        Assert.Contains(logs.RootElement.GetProperty("worklogs").EnumerateArray(), w => w.GetProperty("timeSpentSeconds").GetInt32() == 5400 && w.GetProperty("comment").GetString() == "bulk worklog");
        BulkHost.AssertCompleted(projectJob);
        Assert.Equal(0, projectJob.RecordsFailedCount);
        using var ops = await _host.GetAsync("project/OPS");
        Assert.Equal("Operations renamed by bulk", ops.RootElement.GetProperty("name").GetString());
        using var made = await _host.GetAsync("project/BLK");
        Assert.Equal("Bulk made", made.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public void Bad_parameters_are_refused_before_the_job_starts()
    {
        var csv = _files.Write("ok.csv", "summary\nx\n");
        Assert.Equal("SourceFileNotFound", Id(_host.ErrorOf("Start-JiraBulkJob incidents -Path ./no-such-file.csv")));
        Assert.Equal("UnsupportedFileType", Id(_host.ErrorOf("Start-JiraBulkJob incidents -Path $p", new Dictionary<string, object?> { ["p"] = _files.Write("x.xml", "<a/>") })));
        Assert.Equal("UnknownIdentifierField", Id(_host.ErrorOf("Start-JiraBulkJob incidents -Path $p -Action Upsert -IdentifierField 'No such field'", new Dictionary<string, object?> { ["p"] = csv })));
        Assert.Equal("ActionNotSupported", Id(_host.ErrorOf("Start-JiraBulkJob comments -Path $p -Action Upsert", new Dictionary<string, object?> { ["p"] = csv })));
        Assert.Equal("BulkJobNotFound", Id(_host.ErrorOf("Get-JiraBulkJob -Id no-such-job")));
        Assert.Empty(_host.Module.Run("Start-JiraBulkJob incidents -Path $p -WhatIf", new Dictionary<string, object?> { ["p"] = csv }));
    }

    private static string Id(System.Management.Automation.ErrorRecord error) => error.FullyQualifiedErrorId.Split(',')[0];

    private List<BulkRowError> Errors(string jobId) =>
        _host.Module.Run("Get-JiraBulkJobError -Id $id", new Dictionary<string, object?> { ["id"] = jobId }).Select(e => (BulkRowError)e.BaseObject).ToList();

    private async Task<JsonDocument> IssueAsync(string jobId, string summary)
    {
        var key = (await _host.CreatedByAsync(jobId)).Single(c => c.Summary == summary).Key;
        return await _host.GetAsync2("issue/" + key);
    }

    public void Dispose()
    {
        _host.Dispose();
        _files.Dispose();
    }
}
