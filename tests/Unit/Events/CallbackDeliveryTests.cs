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
            Status = status;
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
                    context.Response.StatusCode = Status;
                    context.Response.Close();
                }
            });
        }

        public string Url { get; }

        /// <summary>What it answers: 500 while "down", 200 once it takes notifications again.</summary>
        public volatile int Status;

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
    public void Polled_events_reach_the_callback_ten_to_a_notification_in_order_signed_with_the_key()
    {
        using var receiver = new Receiver(200);
        Connect("signed", receiver.Url, Key);
        var keys = Enumerable.Range(0, 12).Select(_ => NewIncident("signed")).ToList();

        var events = _host.Run("Get-JiraEvent -Instance signed -Since ([datetime]::UtcNow.AddMinutes(-2))").Select(o => (JiraEvent)o.BaseObject).ToList();

        Assert.Superset(keys.ToHashSet(), events.Select(e => e.ObjectId).ToHashSet());
        var posts = receiver.Posts.ToList();
        Assert.Equal((events.Count + 9) / 10, posts.Count);
        var relayed = new List<string>();
        foreach (var post in posts)
        {
            Assert.Equal("sha256=" + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), post.Body)), post.Signature);
            var message = JsonDocument.Parse(post.Body).RootElement.GetProperty("message");
            Assert.False(string.IsNullOrEmpty(post.Id));
            Assert.Equal(post.Id, message.GetProperty("eventId").GetString());
            var sent = message.GetProperty("events").EnumerateArray().ToList();
            Assert.InRange(sent.Count, 1, 10);
            Assert.All(sent, e => Assert.Equal(("incidents", "jira"), (e.GetProperty("objectType").GetString(), e.GetProperty("elementKey").GetString())));
            // raw carries Jira's JSON of each event, in the order of events.
            var raw = message.GetProperty("raw");
            var rawKeys = sent.Count == 1 ? [raw.GetProperty("key").GetString()] : raw.EnumerateArray().Select(r => r.GetProperty("key").GetString()).ToList();
            Assert.Equal(sent.Select(e => e.GetProperty("objectId").GetString()), rawKeys);
            relayed.AddRange(sent.Select(e => e.GetProperty("objectId").GetString()!));
        }
        Assert.Equal(events.Select(e => e.ObjectId), relayed);
        Assert.Empty(_host.Run("Get-JiraEventRelay -Instance signed"));
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
    public void A_refused_notification_waits_in_the_queue_with_a_warning_and_goes_first_once_the_receiver_takes_it()
    {
        using var receiver = new Receiver(500);
        Connect("unsigned", receiver.Url, null);
        var key = NewIncident("unsigned");

        using var shell = _host.Create("Get-JiraEvent -Instance unsigned -Since ([datetime]::UtcNow.AddMinutes(-2))");
        var events = shell.Invoke().Select(o => (JiraEvent)o.BaseObject).ToList();

        Assert.Contains(events, e => e.ObjectId == key);
        Assert.Empty(shell.Streams.Error);
        var warning = Assert.Single(shell.Streams.Warning);
        Assert.Contains("relay queue", warning.Message);
        Assert.Contains("500", warning.Message);
        Assert.DoesNotContain(EmulatorFixture.CloudToken, warning.Message, StringComparison.Ordinal);
        // One notification, which the sender tried a few times (it retries a 5xx) before the relay let it wait.
        var tries = receiver.Posts.ToList();
        var refused = tries[0];
        Assert.All(tries, p => Assert.Equal((refused.Id, null), (p.Id, p.Signature)));
        var queued = _host.Run("Get-JiraEventRelay -Instance unsigned").Select(o => (QueuedNotification)o.BaseObject).ToList();
        Assert.Equal(events.Count, queued.Sum(n => n.Events));
        Assert.Equal(1, queued[0].Attempts);
        Assert.Contains("500", queued[0].LastError);
        Assert.Contains(queued, n => n.Id == refused.Id);

        // Up again: after the backoff the next poll sends the queue first, the refused notification again under its id.
        receiver.Status = 200;
        Thread.Sleep(queued[0].NextAttempt!.Value - DateTimeOffset.UtcNow is { Ticks: > 0 } wait ? wait : TimeSpan.Zero);
        var later = NewIncident("unsigned");
        var next = _host.Run("Get-JiraEvent -Instance unsigned").Select(o => ((JiraEvent)o.BaseObject).ObjectId).ToList();

        Assert.Contains(later, next);
        var delivered = receiver.Posts.Skip(tries.Count).ToList();
        Assert.Equal(refused.Id, delivered[0].Id);
        var relayed = delivered.SelectMany(p => JsonDocument.Parse(p.Body).RootElement.GetProperty("message").GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("objectId").GetString())).ToList();
        Assert.Equal(events.Select(e => e.ObjectId).Concat(next), relayed);
        Assert.Empty(_host.Run("Get-JiraEventRelay -Instance unsigned"));
    }

    [Fact]
    public void Get_JiraEventRelay_names_an_instance_that_relays_nothing()
    {
        _host.ConnectTo(cloud, "plain");

        var error = Assert.ThrowsAny<RuntimeException>(() => _host.Run("Get-JiraEventRelay -Instance plain"));

        Assert.Equal("NoEventRelay,JiraConnector.Cmdlets.GetJiraEventRelayCommand", error.ErrorRecord.FullyQualifiedErrorId);
        Assert.Contains("event.notification.callback.url", error.Message);
    }
}
