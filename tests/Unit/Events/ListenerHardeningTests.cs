using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Text;
using JiraConnector.Tests.Unit.Support;
using JiraEmulator.Webhooks;

namespace JiraConnector.Tests.Unit.Events;

/// <summary>A real Receive-JiraEvent gets raw, malformed and hostile requests (no body and no
/// length, wrong methods, a body promised and never sent, 9 MB bodies to a slow consumer) while
/// signed deliveries keep arriving: none of them may stop the listener or hold up a delivery.</summary>
public sealed class ListenerHardeningTests : IDisposable
{
    private const string Secret = "hardening-secret";
    private readonly ModuleHost _host = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _host.Dispose();

    private static int FreePort(IPAddress address) => ListenerProbe.FreePort(address);

    private static Task WaitUntilListeningAsync(HttpClient http, string prefix) => ListenerProbe.WaitUntilListeningAsync(http, prefix);

    private static HttpRequestMessage Signed(string prefix, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, prefix) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Hub-Signature", WebhookSigning.HubSignature(Secret, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    private static string Delivery(string key) =>
        "{\"timestamp\":1767225600000,\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"1\",\"key\":\"" + key + "\"}}";

    /// <summary>Sends raw bytes and reads the status line of the answer (null: closed without one).</summary>
    private static async Task<string?> RawAsync(int port, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        var bytes = Encoding.ASCII.GetBytes(request);
        await stream.WriteAsync(bytes);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        try
        {
            return await reader.ReadLineAsync();
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>True when the server answered or closed the connection within a generous wait.</summary>
    private static bool ClosedByServer(Socket socket, TimeSpan within) => socket.Poll((int)within.TotalMicroseconds, SelectMode.SelectRead);

    [Fact]
    public async Task Malformed_requests_and_a_stalled_body_neither_stop_the_listener_nor_hold_up_a_signed_delivery()
    {
        var port = FreePort(IPAddress.Loopback);
        var prefix = $"http://127.0.0.1:{port}/hooks/";
        using var shell = _host.Create("Receive-JiraEvent -Prefix $prefix -Secret (ConvertTo-SecureString $secret -AsPlainText -Force) -Count 3 -TimeoutSec 90",
            new Dictionary<string, object?> { ["prefix"] = prefix, ["secret"] = Secret });
        var output = new PSDataCollection<PSObject>();
        var running = shell.BeginInvoke<PSObject, PSObject>(null, output);
        using var http = new HttpClient();
        await WaitUntilListeningAsync(http, prefix);

        // A POST with no body and no Content-Length: HttpListener answers 411 itself.
        var noLength = await RawAsync(port, $"POST /hooks/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n");
        var wrongMethods = new List<HttpStatusCode>();
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            using var answer = await http.SendAsync(new HttpRequestMessage(method, prefix), Token);
            wrongMethods.Add(answer.StatusCode);
        }
        using var first = await http.SendAsync(Signed(prefix, Delivery("OPS-1")), Token);

        // A body promised (1000 bytes), 16 sent, the connection held open.
        using var stalled = new TcpClient();
        await stalled.ConnectAsync(IPAddress.Loopback, port, Token);
        await stalled.GetStream().WriteAsync(Encoding.ASCII.GetBytes($"POST /hooks/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"timestamp\":12,"), Token);
        using var second = await http.SendAsync(Signed(prefix, Delivery("OPS-2")), Token);
        // Answered while the stalled client still held its connection: it did not wait for it.
        var stalledStillOpen = !stalled.Client.Poll(0, SelectMode.SelectRead);
        // A third event ends the listener (-Count 3): only now may it close the stalled connection.
        using var third = await http.SendAsync(Signed(prefix, Delivery("OPS-3")), Token);

        Assert.True(running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60)), "the three events did not arrive");
        Assert.StartsWith("HTTP/1.1 411", noLength);
        Assert.All(wrongMethods, status => Assert.Equal(HttpStatusCode.MethodNotAllowed, status));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.True(stalledStillOpen, "the signed delivery was answered only after the stalled request was dropped");
        Assert.Equal(PSInvocationState.Completed, shell.InvocationStateInfo.State);
        Assert.Empty(shell.Streams.Error);
        Assert.Equal(["OPS-1", "OPS-2", "OPS-3"], output.Select(o => ((JiraEvent)o.BaseObject).ObjectId).Order());
    }

    [Fact]
    public async Task A_body_that_never_arrives_is_dropped_after_the_read_timeout()
    {
        var port = FreePort(IPAddress.Loopback);
        var prefix = $"http://127.0.0.1:{port}/";
        using var shell = _host.Create("Receive-JiraEvent -Prefix $prefix -TimeoutSec 90", new Dictionary<string, object?> { ["prefix"] = prefix });
        var running = shell.BeginInvoke();
        try
        {
            using var http = new HttpClient();
            await WaitUntilListeningAsync(http, prefix);
            using var stalled = new TcpClient();
            await stalled.ConnectAsync(IPAddress.Loopback, port, Token);
            await stalled.GetStream().WriteAsync(Encoding.ASCII.GetBytes($"POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 1000\r\n\r\n{{\"timestamp\":12,"), Token);

            // Not a timing assertion: the limit is 10 s, the wait allows for a loaded machine.
            Assert.True(ClosedByServer(stalled.Client, TimeSpan.FromSeconds(60)), "the stalled request was never dropped");
        }
        finally
        {
            shell.Stop();
        }
    }

    [Fact]
    public async Task While_the_consumer_is_slow_large_deliveries_get_503_with_Retry_After_instead_of_being_buffered()
    {
        var port = FreePort(IPAddress.Loopback);
        var prefix = $"http://127.0.0.1:{port}/";
        using var release = new ManualResetEventSlim(false);
        using var shell = _host.Create("Receive-JiraEvent -Prefix $prefix -TimeoutSec 120 | ForEach-Object { while (-not $release.IsSet) { Start-Sleep -Milliseconds 50 }; $_ }",
            new Dictionary<string, object?> { ["prefix"] = prefix, ["release"] = release });
        var output = new PSDataCollection<PSObject>();
        var running = shell.BeginInvoke<PSObject, PSObject>(null, output);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            await WaitUntilListeningAsync(http, prefix);
            var large = "{\"timestamp\":1,\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"key\":\"OPS-1\"},\"padding\":\"" + new string('x', 9 * 1024 * 1024) + "\"}";
            var answers = new List<(HttpStatusCode Status, string? RetryAfter)>();
            for (var i = 0; i < 20; i++)
            {
                using var answer = await http.PostAsync(prefix, new StringContent(large, Encoding.UTF8, "application/json"), Token);
                answers.Add((answer.StatusCode, answer.Headers.RetryAfter?.ToString()));
            }
            release.Set();

            // One in the consumer's hands, three queued (32 MB), the rest refused until there is room.
            Assert.InRange(answers.Count(a => a.Status == HttpStatusCode.OK), 1, 5);
            Assert.Contains(answers, a => a.Status == HttpStatusCode.ServiceUnavailable && a.RetryAfter == "5");
        }
        finally
        {
            release.Set();
            shell.Stop();
        }
    }

    [Fact]
    public async Task An_IPv6_loopback_prefix_listens_and_delivers()
    {
        var port = FreePort(IPAddress.IPv6Loopback);
        var prefix = $"http://[::1]:{port}/hooks/";
        using var shell = _host.Create("Receive-JiraEvent -Prefix $prefix -Secret (ConvertTo-SecureString $secret -AsPlainText -Force) -Count 1 -TimeoutSec 60",
            new Dictionary<string, object?> { ["prefix"] = prefix, ["secret"] = Secret });
        var output = new PSDataCollection<PSObject>();
        var running = shell.BeginInvoke<PSObject, PSObject>(null, output);
        using var http = new HttpClient();
        await WaitUntilListeningAsync(http, prefix);

        using var answer = await http.SendAsync(Signed(prefix, Delivery("OPS-3")), Token);

        Assert.True(running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60)), "the event did not arrive");
        Assert.Empty(shell.Streams.Error);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("OPS-3", ((JiraEvent)Assert.Single(output).BaseObject).ObjectId);
    }
}
