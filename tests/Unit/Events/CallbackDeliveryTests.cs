using System.Collections.Concurrent;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Events;

/// <summary>With event.notification.* in the configuration, polled events are also POSTed to the
/// callback URL, signed the connector's way; the test checks the signature with its own HMAC.</summary>
public sealed class CallbackDeliveryTests(CloudEmulator cloud) : IClassFixture<CloudEmulator>, IDisposable
{
    private const string Key = "callback-signing-key";
    private const string HookSecret = "jira-webhook-secret";
    private readonly ModuleHost _host = new();

    public void Dispose() => _host.Dispose();

    /// <summary>A callback receiver: records every POST and answers with the given status.</summary>
    private sealed class Receiver : IDisposable
    {
        private readonly HttpListener _listener = new();

        public Receiver(int status)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/callback/";
            probe.Stop();
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try { context = await _listener.GetContextAsync(); }
                    catch (Exception) { return; }
                    using var body = new MemoryStream();
                    await context.Request.InputStream.CopyToAsync(body);
                    Posts.Enqueue((body.ToArray(), context.Request.Headers["Elements-Webhook-Id"], context.Request.Headers["Elements-Webhook-Signature"]));
                    context.Response.StatusCode = status;
                    context.Response.Close();
                }
            });
        }

        public string Url { get; }

        public ConcurrentQueue<(byte[] Body, string? Id, string? Signature)> Posts { get; } = new();

        public void Dispose() => _listener.Close();
    }

    private void Connect(string name, string callbackUrl, string? key) =>
        _host.Run("""
            $configuration = @{
                username = $user; password = $password; 'base.url' = $url
                'event.notification.enabled' = 'true'; 'event.notification.callback.url' = $callback
            }
            if ($key) { $configuration['event.notification.signature.key'] = $key }
            Connect-JiraInstance -Configuration $configuration -Name $name
            """, new Dictionary<string, object?>
        {
            ["user"] = EmulatorFixture.CloudUser, ["password"] = EmulatorFixture.CloudToken, ["url"] = cloud.BaseUrl.ToString(),
            ["callback"] = callbackUrl, ["key"] = key, ["name"] = name,
        });

    private string NewIncident(string instance) =>
        (string)_host.Run($"(New-JiraObject incidents -Instance {instance} -Fields @{{ project = 'MOB'; issuetype = 'Bug'; summary = 'callback' }}).Key").Single().BaseObject;

    [Fact]
    public void A_polled_event_reaches_the_callback_signed_with_the_key()
    {
        using var receiver = new Receiver(200);
        Connect("signed", receiver.Url, Key);
        var key = NewIncident("signed");

        var events = _host.Run("Get-JiraEvent -Instance signed -Since ([datetime]::UtcNow.AddMinutes(-2))").Select(o => (JiraEvent)o.BaseObject).ToList();

        Assert.Contains(events, e => e.ObjectId == key);
        Assert.Equal(events.Count, receiver.Posts.Count);
        var post = receiver.Posts.Single(p => JsonDocument.Parse(p.Body).RootElement.GetProperty("message").GetProperty("events")[0].GetProperty("objectId").GetString() == key);
        var expected = "sha256=" + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), post.Body));
        Assert.Equal(expected, post.Signature);
        var message = JsonDocument.Parse(post.Body).RootElement.GetProperty("message");
        Assert.False(string.IsNullOrEmpty(post.Id));
        Assert.Equal(post.Id, message.GetProperty("eventId").GetString());
        var sent = message.GetProperty("events")[0];
        Assert.Equal(("incidents", "CREATED", "jira"), (sent.GetProperty("objectType").GetString(), sent.GetProperty("eventType").GetString(), sent.GetProperty("elementKey").GetString()));
        Assert.Equal(key, message.GetProperty("raw").GetProperty("key").GetString());
    }

    [Fact]
    public async Task A_received_webhook_is_passed_on_to_the_callback_with_Jira_s_body_as_raw()
    {
        using var receiver = new Receiver(200);
        Connect("relay", receiver.Url, Key);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var prefix = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
        probe.Stop();
        using var shell = _host.Create("Receive-JiraEvent $prefix -Instance relay -Secret (ConvertTo-SecureString $secret -AsPlainText -Force) -Count 1 -TimeoutSec 20",
            new Dictionary<string, object?> { ["prefix"] = prefix, ["secret"] = HookSecret });
        var running = shell.BeginInvoke();
        using var http = new HttpClient();
        var body = """{"timestamp":1767225600000,"webhookEvent":"comment_created","issue":{"id":"10000","key":"OPS-1"},"comment":{"id":"777"}}""";
        HttpResponseMessage? answer = null;
        for (var i = 0; i < 100 && answer == null; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, prefix) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Hub-Signature", JiraEmulator.Webhooks.WebhookSigning.HubSignature(HookSecret, Encoding.UTF8.GetBytes(body)));
            try { answer = await http.SendAsync(request, TestContext.Current.CancellationToken); }
            catch (HttpRequestException) { await Task.Delay(50, TestContext.Current.CancellationToken); }
        }

        Assert.True(running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(20)), "the event did not arrive");
        Assert.Equal(HttpStatusCode.OK, answer!.StatusCode);
        var post = Assert.Single(receiver.Posts);
        Assert.Equal("sha256=" + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), post.Body)), post.Signature);
        var message = JsonDocument.Parse(post.Body).RootElement.GetProperty("message");
        var sent = message.GetProperty("events")[0];
        Assert.Equal(("incidents/OPS-1/comments", "777", "CREATED", "2026-01-01T00:00:00Z"),
            (sent.GetProperty("objectType").GetString(), sent.GetProperty("objectId").GetString(), sent.GetProperty("eventType").GetString(), sent.GetProperty("date").GetString()));
        Assert.Equal(JsonDocument.Parse(body).RootElement.GetRawText(), message.GetProperty("raw").GetRawText());
    }

    [Fact]
    public void A_signed_relay_without_Secret_refuses_to_start_and_relays_nothing()
    {
        using var receiver = new Receiver(200);
        Connect("unverified", receiver.Url, Key);

        var error = Assert.ThrowsAny<RuntimeException>(() => _host.Run("Receive-JiraEvent http://127.0.0.1:1/ -Instance unverified -Count 1 -TimeoutSec 5"));

        Assert.Equal("RelayNeedsSecret,JiraConnector.Cmdlets.ReceiveJiraEventCommand", error.ErrorRecord.FullyQualifiedErrorId);
        Assert.Contains("-Secret", error.Message);
        Assert.Empty(receiver.Posts);
    }

    [Fact]
    public void Without_a_key_the_callback_is_unsigned_and_a_refusal_is_an_error_per_event()
    {
        using var receiver = new Receiver(500);
        Connect("unsigned", receiver.Url, null);
        var key = NewIncident("unsigned");

        using var shell = _host.Create("Get-JiraEvent -Instance unsigned -Since ([datetime]::UtcNow.AddMinutes(-2))");
        var events = shell.Invoke().Select(o => (JiraEvent)o.BaseObject).ToList();

        Assert.Contains(events, e => e.ObjectId == key);
        Assert.All(receiver.Posts, p => Assert.Null(p.Signature));
        Assert.Equal(events.Count, shell.Streams.Error.Count);
        Assert.All(shell.Streams.Error, e => Assert.Equal("EventCallbackFailed,JiraConnector.Cmdlets.GetJiraEventCommand", e.FullyQualifiedErrorId));
        Assert.DoesNotContain(shell.Streams.Error, e => e.ToString().Contains(EmulatorFixture.CloudToken, StringComparison.Ordinal));
    }
}
