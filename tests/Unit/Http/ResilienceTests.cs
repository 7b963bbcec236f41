using System.Diagnostics;
using System.Management.Automation;
using System.Net.Http;
using JiraConnector.Connection;
using JiraConnector.Http;
using JiraConnector.Tests.Unit.Support;
using JiraConnector.Errors;

namespace JiraConnector.Tests.Unit.Http;

/// <summary>Resilience through the cmdlets and per-instance settings: Retry-After, 503 then 200,
/// timeouts and dropped connections after -MaxRetries, the circuit breaker, what is never
/// repeated, and -Proxy/-ProxyCredential.</summary>
public sealed class ResilienceTests(CloudEmulator emulator) : IClassFixture<CloudEmulator>, IAsyncLifetime
{
    private readonly ModuleHost _host = new();
    private readonly EmulatorAdmin _admin = new(emulator.BaseUrl);

    public async ValueTask InitializeAsync() => await _admin.ClearAsync();

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        _admin.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Connect(string extra = "") =>
        _host.Run($"Connect-JiraInstance -Url $url -Credential ([pscredential]::new('admin@example.com', (ConvertTo-SecureString 'emu-token-admin' -AsPlainText -Force))) -Name r {extra}",
            new Dictionary<string, object?> { ["url"] = emulator.BaseUrl.ToString() });

    private (ErrorRecord? Error, List<string> Verbose) RunProjects()
    {
        using var shell = _host.Create("Get-JiraObject projects -Instance r -First 1 -Verbose");
        ErrorRecord? error = null;
        try
        {
            shell.Invoke();
        }
        catch (RuntimeException ex)
        {
            error = ex.ErrorRecord;
        }
        return (error ?? shell.Streams.Error.FirstOrDefault(), shell.Streams.Verbose.Select(v => v.Message).ToList());
    }

    [Fact]
    public async Task A_429_with_Retry_After_2_waits_at_least_two_seconds_then_succeeds()
    {
        Connect();
        await _admin.AddFaultAsync(new { status = 429, retryAfterSeconds = 2, count = 1, pathContains = "/project" });

        var clock = Stopwatch.StartNew();
        var (error, verbose) = RunProjects();
        clock.Stop();

        Assert.Null(error);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.95), $"waited only {clock.Elapsed.TotalMilliseconds} ms");
        Assert.Equal([429, 200], (await _admin.RequestsAsync("/project")).Select(r => r.Status));
        Assert.Contains(verbose, v => v.StartsWith("retry 1 of 4 in 2 s (429)", StringComparison.Ordinal));
        Assert.Contains(verbose, v => System.Text.RegularExpressions.Regex.IsMatch(v, @"^GET http://127\.0\.0\.1:\d+/rest/api/3/project/search\?\S* -> 200 in \d+ ms \(retry 1 of 4\)$"));
    }

    [Fact]
    public async Task A_503_then_200_succeeds()
    {
        Connect();
        await _admin.AddFaultAsync(new { status = 503, count = 1, pathContains = "/project" });

        var (error, _) = RunProjects();

        Assert.Null(error);
        Assert.Equal([503, 200], (await _admin.RequestsAsync("/project")).Select(r => r.Status));
    }

    [Fact]
    public async Task A_timeout_is_a_clear_error_after_the_configured_retries()
    {
        Connect("-TimeoutSec 1 -MaxRetries 1");
        await _admin.AddFaultAsync(new { latencyMs = 4000, count = 2, pathContains = "/project" });

        var (error, _) = RunProjects();

        Assert.Equal("JiraTimeout,JiraConnector.Cmdlets.GetJiraObjectCommand", error!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Contains("within 1 s (after 1 retries)", error.Exception.Message);
        Assert.Contains("-TimeoutSec", error.Exception.Message);
        Assert.Equal(2, (await _admin.SettledRequestsAsync("/project")).Count);
    }

    [Fact]
    public async Task A_dropped_connection_is_a_clear_error_after_the_configured_retries()
    {
        Connect("-MaxRetries 2");
        await _admin.AddFaultAsync(new { drop = true, count = 10, pathContains = "/project" });

        var (error, verbose) = RunProjects();

        Assert.Equal("JiraConnectionFailed,JiraConnector.Cmdlets.GetJiraObjectCommand", error!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Equal(2, verbose.Count(v => v.StartsWith("retry ", StringComparison.Ordinal)));
        // .NET's handler itself resends a request once when a reused pooled connection turns out
        // closed, so the server may see a few more than our three attempts, never fewer.
        Assert.InRange((await _admin.SettledRequestsAsync("/project")).Count, 3, 6);
    }

    [Fact]
    public async Task A_Jira_error_keeps_its_status_and_messages_in_the_ErrorRecord()
    {
        Connect("-MaxRetries 0");
        await _admin.AddFaultAsync(new { status = 503, count = 1, pathContains = "/project" });

        var (error, _) = RunProjects();

        var failure = Assert.IsType<JiraApiException>(error!.Exception);
        Assert.Equal("JiraServerError,JiraConnector.Cmdlets.GetJiraObjectCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Equal(503, failure.StatusCode);
        Assert.Contains("503", failure.Message);
    }

    [Fact]
    public async Task Repeated_server_errors_open_the_circuit_and_later_calls_fail_fast_without_reaching_Jira()
    {
        await _admin.AddFaultAsync(new { status = 503, count = 100, pathContains = "/myself" });
        var settings = new JiraHttpSettings
        {
            MaxRetries = 0, BreakerMinimumAttempts = 4, BreakerFailureRatio = 0.5, BreakerWindow = TimeSpan.FromSeconds(30), BreakDuration = TimeSpan.FromSeconds(30),
        };
        using var client = new JiraHttpClient(emulator.BaseUrl, new BasicAuthenticator(EmulatorFixture.CloudUser, EmulatorFixture.CloudToken), settings);
        var myself = new JiraRequest(HttpMethod.Get, "rest/api/3/myself");
        var trace = new TestTrace();

        for (var i = 0; i < 4; i++)
        {
            var failure = await Assert.ThrowsAsync<JiraApiException>(() => client.GetJsonAsync(myself, trace, TestContext.Current.CancellationToken));
            Assert.Equal(ErrorIds.ResourceUnavailable.JiraServerError, failure.ErrorId);
        }
        var open = await Assert.ThrowsAsync<JiraApiException>(() => client.GetJsonAsync(myself, trace, TestContext.Current.CancellationToken));

        Assert.Equal(ErrorIds.ResourceUnavailable.JiraCircuitOpen, open.ErrorId);
        Assert.Contains("Try again later", open.Message);
        Assert.Equal(4, (await _admin.RequestsAsync("/myself")).Count);
        Assert.Contains(trace.Lines, l => l.StartsWith("circuit opened", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("latency")]
    [InlineData("drop")]
    public async Task A_create_is_never_repeated_after_a_timeout_or_a_dropped_connection(string fault)
    {
        object rule = fault == "drop"
            ? new { drop = true, count = 5, pathContains = "/issue" }
            : new { latencyMs = 3000, count = 5, pathContains = "/issue" };
        await _admin.AddFaultAsync(rule);
        using var client = emulator.CreateClient(maxRetries: 3, attemptTimeout: TimeSpan.FromMilliseconds(500));

        var failure = await Assert.ThrowsAsync<JiraApiException>(() =>
            client.SendAsync(new JiraRequest(HttpMethod.Post, "rest/api/3/issue", "{\"fields\":{}}"), null, TestContext.Current.CancellationToken));

        Assert.Equal(fault == "drop" ? ErrorIds.ConnectionError.JiraConnectionFailed : ErrorIds.OperationTimeout.JiraTimeout, failure.ErrorId);
        Assert.Single(await _admin.SettledRequestsAsync("/issue"));
    }


    [Fact]
    public async Task A_create_refused_with_429_is_repeated_since_Jira_did_no_work()
    {
        await _admin.AddFaultAsync(new { status = 429, retryAfterSeconds = 0, count = 1, pathContains = "/issue" });
        using var client = emulator.CreateClient();

        try
        {
            using var _ = await client.SendAsync(new JiraRequest(HttpMethod.Post, "rest/api/3/issue", "{\"fields\":{}}"), null, TestContext.Current.CancellationToken);
        }
        catch (JiraApiException)
        {
            // The emulator may refuse the empty issue (400); what matters is that the 429 was retried.
        }

        Assert.Equal(429, (await _admin.RequestsAsync("/issue"))[0].Status);
        Assert.Equal(2, (await _admin.RequestsAsync("/issue")).Count);
    }

    [Fact]
    public async Task Every_request_goes_through_the_given_proxy_with_its_credentials()
    {
        await using var proxy = new RecordingProxy("proxy-user", "proxy-pass");

        _host.Run("Connect-JiraInstance -Url $url -Credential ([pscredential]::new('admin@example.com', (ConvertTo-SecureString 'emu-token-admin' -AsPlainText -Force))) " +
                  "-Name viaproxy -Proxy $proxy -ProxyCredential ([pscredential]::new('proxy-user', (ConvertTo-SecureString 'proxy-pass' -AsPlainText -Force)))",
            new Dictionary<string, object?> { ["url"] = emulator.BaseUrl.ToString(), ["proxy"] = proxy.Url });
        _host.Run("Get-JiraObject projects -Instance viaproxy -First 1");

        var authorized = proxy.Requests.Where(r => r.Authorized).Select(r => r.RequestLine).ToList();
        Assert.Contains(authorized, l => l.StartsWith($"GET {emulator.BaseUrl}rest/api/2/serverInfo", StringComparison.Ordinal));
        Assert.Contains(authorized, l => l.StartsWith($"GET {emulator.BaseUrl}rest/api/3/project/search", StringComparison.Ordinal));
        Assert.Equal(authorized.Count, (await _admin.RequestsAsync()).Count);
    }

    [Fact]
    public async Task A_read_whose_answer_was_cut_off_is_tried_again()
    {
        Connect();
        await _admin.AddFaultAsync(new { truncate = true, count = 1, pathContains = "/search" });
        await _admin.AddFaultAsync(new { truncate = true, count = 1, method = "GET", pathContains = "/issue/OPS-1" });

        var found = _host.Run("Invoke-JiraQuery incidents \"key = 'OPS-1'\" -Instance r");
        var read = _host.Run("Get-JiraObject incidents -Id OPS-1 -Instance r");

        Assert.Single(found);
        Assert.Equal("OPS-1", read.Single().Properties["Key"].Value);
        var searches = await _admin.RequestsAsync("/search");
        Assert.Equal(2, searches.Count);
        Assert.Equal(2, (await _admin.RequestsAsync("/issue/OPS-1")).Count(r => r.Method == "GET"));
    }

    [Fact]
    public void NoProxy_and_Proxy_together_are_refused()
    {
        var error = (ErrorRecord)_host.Run("try { Connect-JiraInstance -Url $url -Credential ([pscredential]::new('a', (ConvertTo-SecureString 'b' -AsPlainText -Force))) -Proxy http://127.0.0.1:9 -NoProxy -ErrorAction Stop } catch { $_ }",
            new Dictionary<string, object?> { ["url"] = emulator.BaseUrl.ToString() }).Single().BaseObject;

        Assert.Equal("InvalidConnectionParameter,JiraConnector.Cmdlets.ConnectJiraInstanceCommand", error.FullyQualifiedErrorId);
    }
}
