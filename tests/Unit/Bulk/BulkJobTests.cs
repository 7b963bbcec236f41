using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JiraConnector.Bulk;
using JiraConnector.Tests.Unit.Support;
using JiraConnector.Bulk.Jobs;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>The job as an object: PowerShell job cmdlets, Get-JiraBulkJob, the signed callback and
/// Test-JiraSignature.</summary>
public sealed class BulkJobTests(CloudEmulator emulator) : IClassFixture<CloudEmulator>, IDisposable
{
    private readonly BulkHost _host = new(emulator);
    private readonly BulkFiles _files = new();

    [Fact]
    public void A_started_job_is_a_powershell_job_and_Receive_Job_returns_its_report()
    {
        var path = _files.IncidentCsv("job.csv", 30, "psjob");
        var output = _host.Module.Run("""
            $job = Start-JiraBulkJob incidents -Path $path
            $listed = Get-Job -Name $job.JobId
            $null = Wait-Job -Job $job -Timeout 120
            [pscustomobject]@{ Listed = $listed; Report = Receive-Job -Job $job; Job = $job; Again = Get-JiraBulkJob -Id $job.JobId; All = @(Get-JiraBulkJob) }
            """, new Dictionary<string, object?> { ["path"] = path }).Single();

        var job = (BulkJob)((PSObject)output.Properties["Job"].Value).BaseObject;
        Assert.Same(job, ((PSObject)output.Properties["Listed"].Value).BaseObject);
        Assert.Same(job, ((PSObject)output.Properties["Again"].Value).BaseObject);
        Assert.Contains(job, ((object[])output.Properties["All"].Value).Select(o => ((PSObject)o).BaseObject));
        var report = (BulkJobReport)((PSObject)output.Properties["Report"].Value).BaseObject;
        Assert.Equal(BulkJobStatus.COMPLETED, report.Status);
        Assert.Equal(30, report.RecordsCount);
        Assert.Equal(JobState.Completed, job.JobStateInfo.State);
        Assert.NotNull(job.StartTime);
        Assert.True(job.EndTime >= job.StartTime);
        Assert.Equal(Path.GetFullPath(path), job.File);
        // Without -JournalPath the journal goes under $env:JIRACONNECTOR_BULK_HOME (set by BulkHost).
        Assert.Equal(Path.Combine(Environment.GetEnvironmentVariable("JIRACONNECTOR_BULK_HOME")!, job.JobId), job.JournalPath);
        Assert.True(File.Exists(Path.Combine(job.JournalPath, "manifest.json")));
    }

    [Fact]
    public async Task Wait_times_out_with_an_error_and_Stop_Job_cancels_a_bulk_job()
    {
        await _host.Admin.ClearAsync();
        await _host.Admin.AddFaultAsync(new { latencyMs = 300, pathContains = "/issue/bulk" });
        try
        {
            var path = _files.IncidentCsv("slow.csv", 500, "slow");
            var job = (BulkJob)_host.Module.Run("Start-JiraBulkJob incidents -Path $path -ThrottleLimit 1", new Dictionary<string, object?> { ["path"] = path }).Single().BaseObject;

            var timeout = _host.ErrorOf("Wait-JiraBulkJob -Id $id -Timeout 1", new Dictionary<string, object?> { ["id"] = job.JobId });
            _host.Module.Run("Stop-Job -Job $job", new Dictionary<string, object?> { ["job"] = job });

            Assert.Equal("WaitTimeout", timeout.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(BulkJobStatus.CANCELLED, job.Status);
            Assert.Equal(JobState.Stopped, job.JobStateInfo.State);
            Assert.Contains("Resume-JiraBulkJob", job.Message);
        }
        finally
        {
            await _host.Admin.ClearAsync();
        }
    }

    [Fact]
    public async Task The_finished_job_posts_its_signed_status_to_the_callback_url()
    {
        using var receiver = new CallbackReceiver();
        var path = _files.IncidentCsv("callback.csv", 12, "callback", bad: new Dictionary<int, string> { [4] = "type" });
        var received = receiver.ReceiveAsync();

        var job = _host.Run("incidents -Path $path -CallbackUrl $url -SignatureKey (ConvertTo-SecureString 'cb-secret' -AsPlainText -Force)",
            new Dictionary<string, object?> { ["path"] = path, ["url"] = receiver.Url });

        var (body, headers) = await received;
        Assert.Equal("200 OK", job.CallbackResult);
        using var status = JsonDocument.Parse(body);
        Assert.Equal(job.JobId, status.RootElement.GetProperty("id").GetString());
        Assert.Equal("COMPLETED", status.RootElement.GetProperty("status").GetString());
        Assert.Equal(12, status.RootElement.GetProperty("recordsCount").GetInt32());
        Assert.Equal(1, status.RootElement.GetProperty("recordsFailedCount").GetInt32());
        var signature = headers["Elements-Webhook-Signature"]!;
        var expected = "sha256=" + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes("cb-secret"), Encoding.UTF8.GetBytes(body)));
        Assert.Equal(expected, signature);
        Assert.False(string.IsNullOrEmpty(headers["Elements-Webhook-Id"]));
        Assert.True(Verify(body, signature, "cb-secret"));
        Assert.False(Verify(body, signature, "wrong-secret"));
        Assert.False(Verify(body + " ", signature, "cb-secret"));
    }

    [Fact]
    public async Task The_callback_goes_through_the_instance_proxy_and_never_follows_a_redirect_to_another_host()
    {
        await using var proxy = new Http.RecordingProxy();
        using var redirecting = new CallbackReceiver();
        using var elsewhere = new CallbackReceiver();
        // The same machine under another name: another host to a redirect.
        var otherHost = elsewhere.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        var redirected = redirecting.ReceiveAsync(redirectTo: otherHost);
        var stolen = elsewhere.ReceiveAsync();
        _host.Module.Run("Connect-JiraInstance -Url $url -Credential ([pscredential]::new('admin@example.com', (ConvertTo-SecureString 'emu-token-admin' -AsPlainText -Force))) -Name viaproxy -Proxy $proxy",
            new Dictionary<string, object?> { ["url"] = _host.Emulator.BaseUrl.ToString(), ["proxy"] = proxy.Url });

        var job = _host.Run("incidents -Path $path -Instance viaproxy -CallbackUrl $callback -SignatureKey (ConvertTo-SecureString 'cb-secret' -AsPlainText -Force)",
            new Dictionary<string, object?> { ["path"] = _files.IncidentCsv("redirect.csv", 2, "redirect"), ["callback"] = redirecting.Url });

        await redirected;
        Assert.StartsWith("failed: 302", job.CallbackResult, StringComparison.Ordinal);
        Assert.Contains(proxy.Requests, r => r.RequestLine.StartsWith("POST " + redirecting.Url, StringComparison.Ordinal));
        Assert.DoesNotContain(proxy.Requests, r => r.RequestLine.Contains("localhost", StringComparison.Ordinal));
        // The job's callback is done: had the redirect been followed, it would have come first.
        Assert.False(stolen.IsCompleted);
    }

    [Fact]
    public async Task Without_CallbackUrl_the_instance_event_settings_give_the_callback_and_its_key()
    {
        using var receiver = new CallbackReceiver();
        var received = receiver.ReceiveAsync();
        _host.Module.Run("""
            Connect-JiraInstance -Name events -Configuration @{
                'username' = 'admin@example.com'; 'password' = (ConvertTo-SecureString 'emu-token-admin' -AsPlainText -Force); 'base.url' = $url
                'event.notification.enabled' = $true
                'event.notification.callback.url' = $callback
                'event.notification.signature.key' = 'instance-key'
            }
            """, new Dictionary<string, object?> { ["url"] = _host.Emulator.BaseUrl.ToString(), ["callback"] = receiver.Url });

        var job = _host.Run("incidents -Path $path -Instance events", new Dictionary<string, object?> { ["path"] = _files.IncidentCsv("events.csv", 3, "events") });

        var (body, headers) = await received;
        BulkHost.AssertCompleted(job);
        Assert.True(Verify(body, headers["Elements-Webhook-Signature"]!, "instance-key"));
        Assert.Contains(job.JobId, body);
    }

    [Fact]
    public void Test_JiraSignature_accepts_the_hex_form_of_Jira_webhooks_and_rejects_garbage()
    {
        const string body = "{\"webhookEvent\":\"jira:issue_created\"}";
        var hex = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("hub-secret"), Encoding.UTF8.GetBytes(body)));
        Assert.True(Verify(body, hex, "hub-secret"));
        Assert.True(Verify(body, hex.ToUpperInvariant().Replace("SHA256=", "sha256="), "hub-secret"));
        Assert.False(Verify(body, hex, "other"));
        Assert.False(Verify(body, "sha256=not base64!", "hub-secret"));
        Assert.False(Verify(body, "sha256=", "hub-secret"));
    }

    private bool Verify(string body, string signature, string key) =>
        (bool)_host.Module.Run("Test-JiraSignature -Body $b -Signature $s -Key $k", new Dictionary<string, object?> { ["b"] = body, ["s"] = signature, ["k"] = key }).Single().BaseObject;

    public void Dispose()
    {
        _host.Dispose();
        _files.Dispose();
    }

    /// <summary>A loopback HTTP listener that takes one POST and answers 200.</summary>
    private sealed class CallbackReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();

        public CallbackReceiver()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/bulk-callback/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
        }

        public string Url { get; }

        /// <summary>Takes one request; answers 200, or a 302 to redirectTo.</summary>
        public async Task<(string Body, System.Collections.Specialized.NameValueCollection Headers)> ReceiveAsync(string? redirectTo = null)
        {
            var context = await _listener.GetContextAsync().WaitAsync(TimeSpan.FromSeconds(30));
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            context.Response.StatusCode = redirectTo == null ? 200 : 302;
            if (redirectTo != null) context.Response.RedirectLocation = redirectTo;
            context.Response.Close();
            return (body, context.Request.Headers);
        }

        public void Dispose() => _listener.Close();
    }
}
