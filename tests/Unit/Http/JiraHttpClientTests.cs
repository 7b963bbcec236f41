using System.Diagnostics;
using System.Net.Http;
using JiraConnector.Http;
using JiraConnector.Tests.Unit.Support;
using JiraConnector.Errors;

namespace JiraConnector.Tests.Unit.Http;

/// <summary>The HTTP pipeline against the emulator: retries, Retry-After, what is never repeated,
/// and how failures are reported.</summary>
public sealed class JiraHttpClientTests(CloudEmulator emulator) : IClassFixture<CloudEmulator>, IAsyncLifetime
{
    private readonly EmulatorAdmin _admin = new(emulator.BaseUrl);

    public async ValueTask InitializeAsync() => await _admin.ClearAsync();

    public ValueTask DisposeAsync()
    {
        _admin.Dispose();
        return ValueTask.CompletedTask;
    }

    private static JiraRequest Myself => new(HttpMethod.Get, "rest/api/3/myself");

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_and_then_succeeds()
    {
        await _admin.AddFaultAsync(new { status = 429, retryAfterSeconds = 1, count = 1, pathContains = "/myself" });
        using var client = emulator.CreateClient();
        var trace = new TestTrace();

        var clock = Stopwatch.StartNew();
        using var me = await client.GetJsonAsync(Myself, trace, TestContext.Current.CancellationToken);
        clock.Stop();

        Assert.Equal("admin@example.com", me.RootElement.GetProperty("emailAddress").GetString());
        var calls = await _admin.RequestsAsync("/myself");
        Assert.Equal([429, 200], calls.Select(c => c.Status));
        // The wait comes from Retry-After (1 s), not from the 50 ms base backoff.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"waited only {clock.Elapsed.TotalMilliseconds} ms");
        Assert.Contains(trace.Lines, line => line.StartsWith("retry 1 of 4", StringComparison.Ordinal) && line.Contains("(429)"));
    }

    [Fact]
    public async Task A_503_then_200_succeeds()
    {
        await _admin.AddFaultAsync(new { status = 503, count = 2, pathContains = "/myself" });
        using var client = emulator.CreateClient();

        using var me = await client.GetJsonAsync(Myself, null, TestContext.Current.CancellationToken);

        Assert.Equal([503, 503, 200], (await _admin.RequestsAsync("/myself")).Select(c => c.Status));
    }

    [Fact]
    public async Task A_create_is_never_repeated_after_a_server_error()
    {
        await _admin.AddFaultAsync(new { status = 503, count = 5, pathContains = "/issue" });
        using var client = emulator.CreateClient();
        var create = new JiraRequest(HttpMethod.Post, "rest/api/3/issue", "{\"fields\":{}}");

        var failure = await Assert.ThrowsAsync<JiraApiException>(() => client.SendAsync(create, null, TestContext.Current.CancellationToken));

        Assert.Equal(ErrorIds.ResourceUnavailable.JiraServerError, failure.ErrorId);
        Assert.Equal(503, failure.StatusCode);
        Assert.Single(await _admin.RequestsAsync("/issue"));
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_number_and_report_the_last_status()
    {
        await _admin.AddFaultAsync(new { status = 429, retryAfterSeconds = 0, count = 10, pathContains = "/myself" });
        using var client = emulator.CreateClient(maxRetries: 2);

        var failure = await Assert.ThrowsAsync<JiraApiException>(() => client.GetJsonAsync(Myself, null, TestContext.Current.CancellationToken));

        Assert.Equal(ErrorIds.LimitsExceeded.JiraRateLimited, failure.ErrorId);
        Assert.Equal(3, (await _admin.RequestsAsync("/myself")).Count);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_then_reported_as_a_connection_failure()
    {
        await _admin.AddFaultAsync(new { drop = true, count = 10, pathContains = "/myself" });
        using var client = emulator.CreateClient(maxRetries: 2);
        var trace = new TestTrace();

        var failure = await Assert.ThrowsAsync<JiraApiException>(() => client.GetJsonAsync(Myself, trace, TestContext.Current.CancellationToken));

        Assert.Equal(ErrorIds.ConnectionError.JiraConnectionFailed, failure.ErrorId);
        Assert.Equal(2, trace.Lines.Count(l => l.StartsWith("retry ", StringComparison.Ordinal)));
        // .NET's handler itself resends a request once when a reused pooled connection turns out
        // closed, so the server may see a few more than our three attempts, never fewer.
        Assert.InRange((await _admin.SettledRequestsAsync("/myself")).Count, 3, 6);
    }

    [Fact]
    public async Task A_slow_answer_times_out_per_attempt()
    {
        await _admin.AddFaultAsync(new { latencyMs = 5000, count = 2, pathContains = "/myself" });
        using var client = emulator.CreateClient(maxRetries: 1, attemptTimeout: TimeSpan.FromMilliseconds(300));

        var failure = await Assert.ThrowsAsync<JiraApiException>(() => client.GetJsonAsync(Myself, null, TestContext.Current.CancellationToken));

        Assert.Equal(ErrorIds.OperationTimeout.JiraTimeout, failure.ErrorId);
        Assert.Contains("-TimeoutSec", failure.Message);
    }

    [Fact]
    public async Task Wrong_credentials_give_JiraAuthenticationFailed_with_Jiras_message_and_no_secret()
    {
        using var client = emulator.CreateClient(secret: "WRONG-SECRET-123");

        var failure = await Assert.ThrowsAsync<JiraApiException>(() => client.GetJsonAsync(Myself, null, TestContext.Current.CancellationToken));

        Assert.Equal(ErrorIds.AuthenticationError.JiraAuthenticationFailed, failure.ErrorId);
        Assert.Equal(401, failure.StatusCode);
        Assert.Contains("not authenticated", failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("WRONG-SECRET-123", failure.ToString());
        Assert.Single(await _admin.RequestsAsync("/myself"));
    }

    [Fact]
    public async Task Cancelling_stops_a_request_that_is_waiting_on_the_server()
    {
        await _admin.AddFaultAsync(new { latencyMs = 20000, count = 1, pathContains = "/myself" });
        using var client = emulator.CreateClient();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetJsonAsync(Myself, null, cancel.Token));
    }
}
