using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Text;
using JiraConnector.Tests.Unit.Support;
using JiraEmulator.Webhooks;

namespace JiraConnector.Tests.Unit.Events;

/// <summary>What ListenerHardeningTests leaves out: a real Receive-JiraEvent given bytes that are
/// not HTTP and a body over the cap among signed deliveries, and a stalled body ended with 408,
/// never with the 200 HttpListener writes by default. (The 503 bound is tested there.)</summary>
public sealed class WebhookListenerHardeningTests : IDisposable
{
    private const string Secret = "wh-hardening";
    private readonly ModuleHost _host = new();
    private readonly ModuleHost _listenerHost = new();

    public void Dispose()
    {
        _host.Dispose();
        _listenerHost.Dispose();
    }

    private PowerShell Listen(string prefix, string tail, out PSDataCollection<PSObject> output, out IAsyncResult running)
    {
        var shell = _listenerHost.Create("Receive-JiraEvent -Prefix $prefix -Secret (ConvertTo-SecureString $secret -AsPlainText -Force) " + tail,
            new Dictionary<string, object?> { ["prefix"] = prefix, ["secret"] = Secret });
        output = new PSDataCollection<PSObject>();
        running = shell.BeginInvoke<PSObject, PSObject>(null, output);
        return shell;
    }

    private static async Task<HttpResponseMessage> SignedAsync(HttpClient http, string prefix, string key, string identifier, int padding = 0)
    {
        var body = Encoding.UTF8.GetBytes($$"""{"timestamp":1,"webhookEvent":"jira:issue_updated","issue":{"id":"10006","key":"{{key}}"},"pad":"{{new string('x', padding)}}"}""");
        var request = new HttpRequestMessage(HttpMethod.Post, prefix) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Hub-Signature", WebhookSigning.HubSignature(Secret, body));
        request.Headers.Add("X-Atlassian-Webhook-Identifier", identifier);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Sends raw bytes on a connection of its own and returns the status line of the answer (or what broke).</summary>
    private static async Task<string> RawAsync(int port, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), TestContext.Current.CancellationToken);
        var buffer = new byte[512];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0) return "closed: end of stream";
            return Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
        }
        catch (Exception ex) when (ex is IOException || ex is OperationCanceledException)
        {
            return "closed: " + ex.GetType().Name;
        }
    }

    [Fact]
    public async Task Malformed_and_slow_requests_neither_stop_nor_hold_up_signed_deliveries()
    {
        var port = ListenerProbe.FreePort(IPAddress.Loopback);
        var prefix = $"http://127.0.0.1:{port}/hooks/";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        using var shell = Listen(prefix, "-Count 3 -TimeoutSec 90", out var output, out var running);
        await ListenerProbe.WaitUntilListeningAsync(http, prefix);
        var path = new Uri(prefix).AbsolutePath;

        // A body announced as 1000 bytes, 16 sent, the connection held open for the whole test.
        using var slow = new TcpClient();
        await slow.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
        await slow.GetStream().WriteAsync(Encoding.ASCII.GetBytes($"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"webhookEvent\":"), TestContext.Current.CancellationToken);

        var noBody = await RawAsync(port, $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        using (var first = await SignedAsync(http, prefix, "OPS-1", "hardening-1"))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var wrongMethod = await RawAsync(port, $"DELETE {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n");
        var overCap = await RawAsync(port, $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {11 * 1024 * 1024}\r\n\r\n{{");
        var garbage = await RawAsync(port, "\0\x01 not http at all\r\n\r\n");
        using (var second = await SignedAsync(http, prefix, "OPS-2", "hardening-2"))
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        using (var third = await SignedAsync(http, prefix, "OPS-3", "hardening-3"))
            Assert.Equal(HttpStatusCode.OK, third.StatusCode);

        Assert.True(running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30)), "the three signed deliveries did not all arrive");
        Assert.Equal(PSInvocationState.Completed, shell.InvocationStateInfo.State);
        Assert.Equal(["OPS-1", "OPS-2", "OPS-3"], output.Select(o => ((JiraEvent)o.BaseObject).ObjectId));
        Assert.StartsWith("HTTP/1.1 4", noBody);
        Assert.StartsWith("HTTP/1.1 405", wrongMethod);
        Assert.StartsWith("HTTP/1.1 413", overCap);
        Assert.DoesNotContain("200", garbage);
    }

    [Fact]
    public async Task A_body_that_never_completes_is_cut_off_and_the_listener_goes_on()
    {
        var port = ListenerProbe.FreePort(IPAddress.Loopback);
        var prefix = $"http://127.0.0.1:{port}/hooks/";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        using var shell = Listen(prefix, "-Count 1 -TimeoutSec 90", out var output, out var running);
        await ListenerProbe.WaitUntilListeningAsync(http, prefix);

        var held = await RawAsync(port, $"POST {new Uri(prefix).AbsolutePath} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\n{{\"webhookEvent\":");

        // The listener ended the half-sent request itself (408, within its body timeout), never with a 200.
        Assert.Matches("^(HTTP/1.1 408|closed)", held);
        using var delivery = await SignedAsync(http, prefix, "OPS-4", "hardening-4");
        Assert.Equal(HttpStatusCode.OK, delivery.StatusCode);
        Assert.True(running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30)));
        Assert.Equal("OPS-4", ((JiraEvent)Assert.Single(output).BaseObject).ObjectId);
    }
}
