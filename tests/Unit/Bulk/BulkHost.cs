using System.Management.Automation;
using System.Net.Http.Json;
using System.Text.Json;
using JiraConnector.Bulk;
using JiraConnector.Tests.Unit.Support;
using JiraConnector.Bulk.Journal;
using JiraConnector.Bulk.Jobs;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>The module in a runspace connected to an emulator, plus what bulk tests ask of it:
/// run a job to its end, and count in the emulator which rows a job created.</summary>
internal sealed class BulkHost : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Jobs started without -JournalPath keep their journal in a folder of this test
    /// process, removed when it exits, not in the user's data folder.</summary>
    static BulkHost()
    {
        var root = Path.Combine(Path.GetTempPath(), $"jc-bulk-journals-{Environment.ProcessId}");
        Environment.SetEnvironmentVariable(JournalFolder.RootVariable, root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
    }

    public BulkHost(EmulatorFixture emulator)
    {
        Emulator = emulator;
        var cloud = emulator is not DataCenterEmulator;
        var user = cloud ? EmulatorFixture.CloudUser : EmulatorFixture.DataCenterUser;
        var secret = cloud ? EmulatorFixture.CloudToken : EmulatorFixture.DataCenterPassword;
        Module = new ModuleHost();
        // Not ModuleHost.ConnectTo: it knows only the two shared fixtures, and bulk has a 20,000-issue one.
        Module.Run("Connect-JiraInstance -Url $url -Credential ([pscredential]::new($user, (ConvertTo-SecureString $secret -AsPlainText -Force))) -Name emu",
            new Dictionary<string, object?> { ["url"] = emulator.BaseUrl.ToString(), ["user"] = user, ["secret"] = secret });
        _http = new HttpClient { BaseAddress = emulator.BaseUrl };
        _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(user + ":" + secret)));
        Admin = new EmulatorAdmin(emulator.BaseUrl);
        RestPath = cloud ? "rest/api/3/" : "rest/api/2/";
    }

    public EmulatorFixture Emulator { get; }
    public ModuleHost Module { get; }
    public EmulatorAdmin Admin { get; }
    public string RestPath { get; }

    /// <summary>Starts a job with the given parameters and waits for its end.</summary>
    public BulkJob Run(string parameters, IDictionary<string, object?>? variables = null)
    {
        var output = Module.Run($"Start-JiraBulkJob {parameters} | Wait-JiraBulkJob -Timeout 300", variables);
        return (BulkJob)output.Single().BaseObject;
    }

    /// <summary>The first error a script writes (terminating or not); fails if it writes none.</summary>
    public ErrorRecord ErrorOf(string script, IDictionary<string, object?>? variables = null)
    {
        using var shell = Module.Create(script, variables);
        try
        {
            shell.Invoke();
        }
        catch (RuntimeException ex)
        {
            return ex.ErrorRecord;
        }
        Assert.True(shell.Streams.Error.Count > 0, "The script wrote no error.");
        return shell.Streams.Error[0];
    }

    public static void AssertNoErrors(BulkHost host, BulkJob job)
    {
        var errors = host.Module.Run("Get-JiraBulkJobError -Id $id", new Dictionary<string, object?> { ["id"] = job.JobId }).Select(e => e.BaseObject.ToString());
        Assert.Equal(Array.Empty<string?>(), errors);
    }

    public static void AssertCompleted(BulkJob job) =>
        Assert.True(job.Status == BulkJobStatus.COMPLETED, $"The job ended {job.Status}: {job.Message}");

    /// <summary>Summaries of the incidents a job created, found by its marker, with their rows.</summary>
    public async Task<List<(string Key, string Summary)>> CreatedByAsync(string jobId) =>
        await SearchAsync($"issue.property[jiraconnector.bulk].job = \"{jobId}\"", "summary");

    public async Task<List<(string Key, string Summary)>> SearchAsync(string jql, string field)
    {
        var found = new List<(string, string)>();
        var startAt = 0;
        while (true)
        {
            var url = $"rest/api/2/search?jql={Uri.EscapeDataString(jql)}&fields={field}&maxResults=1000&startAt={startAt}";
            using var document = JsonDocument.Parse(await _http.GetStringAsync(url));
            var issues = document.RootElement.GetProperty("issues");
            foreach (var issue in issues.EnumerateArray())
            {
                var value = issue.GetProperty("fields").TryGetProperty(field, out var v) ? v.ToString() : "";
                found.Add((issue.GetProperty("key").GetString()!, value));
            }
            startAt += issues.GetArrayLength();
            if (issues.GetArrayLength() == 0 || startAt >= document.RootElement.GetProperty("total").GetInt32()) return found;
        }
    }

    public async Task<JsonDocument> GetAsync(string path) => JsonDocument.Parse(await _http.GetStringAsync(RestPath + path));

    /// <summary>A GET on REST v2, where rich text comes back as plain strings.</summary>
    public async Task<JsonDocument> GetAsync2(string path) => JsonDocument.Parse(await _http.GetStringAsync("rest/api/2/" + path));

    /// <summary>A new incident of its own, so a test can count its comments and worklogs alone.</summary>
    public async Task<string> NewIssueAsync(string summary)
    {
        using var response = await _http.PostAsJsonAsync("rest/api/2/issue", new { fields = new { project = new { key = "OPS" }, issuetype = new { name = "Task" }, summary } });
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("key").GetString()!;
    }

    public async Task DeleteAsync(string path) => (await _http.DeleteAsync(RestPath + path)).EnsureSuccessStatusCode();

    public async Task PostAsync(string path, object body) => (await _http.PostAsJsonAsync(RestPath + path, body)).EnsureSuccessStatusCode();

    public void Dispose()
    {
        Module.Dispose();
        Admin.Dispose();
        _http.Dispose();
    }
}
