using System.Collections.Concurrent;
using System.Threading.Channels;
using JiraEmulator.Events;
using JiraEmulator.OAuth;
using JiraEmulator.Rendering;

namespace JiraEmulator.Webhooks;

/// <summary>One delivery attempt as recorded for tests (GET /__emulator/webhooks/deliveries).</summary>
public sealed record WebhookDelivery(string Identifier, string Url, string WebhookEvent, long[] WebhookIds, int Attempt, int Status, string? Error, DateTimeOffset At);

/// <summary>
/// Turns events into HTTP POSTs. Deliveries queue on a channel and a single background loop sends them,
/// so requests that change issues never wait on a receiver. A failed delivery is retried (3 times, 0.5 s,
/// 1 s, 2 s apart) with the same X-Atlassian-Webhook-Identifier and an X-Atlassian-Webhook-Retry count.
/// </summary>
public sealed class WebhookDispatcher : IAsyncDisposable
{
    public static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    private sealed record Pending(string Url, byte[] Body, long[] WebhookIds, string WebhookEvent, string? Secret, bool Dynamic, bool ExcludeBody);

    private readonly WebhookRegistry registry;
    private readonly EmulatorState state;
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly ConcurrentQueue<WebhookDelivery> deliveries = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;

    public WebhookDispatcher(WebhookRegistry registry, EmulatorState state)
    {
        this.registry = registry;
        this.state = state;
        state.Events.Subscribe(OnEvent);
        loop = Task.Run(RunAsync);
    }

    public IReadOnlyList<WebhookDelivery> Deliveries => deliveries.ToArray();

    public void ClearDeliveries() => deliveries.Clear();

    private void OnEvent(JiraEvent e)
    {
        var now = state.Time.GetUtcNow();
        var matching = registry.Snapshot().Where(w => w.Enabled && (w.Expires is null || w.Expires > now) && Matches(w, e)).ToList();
        if (matching.Count == 0) return;
        // Webhook bodies use the REST v2 shapes (plain-text fields).
        var api = new ApiContext(state.SiteUrl, 2, state.Options.Deployment);

        // Dynamic webhooks of one URL share one delivery that lists every matched id.
        foreach (var group in matching.Where(w => w.Dynamic).GroupBy(w => w.Url))
        {
            long[] ids = group.Select(w => w.Id).ToArray();
            queue.Writer.TryWrite(new Pending(group.Key, WebhookPayload.Build(e, api, ids), ids, e.WebhookEvent, null, true, false));
        }
        foreach (var webhook in matching.Where(w => !w.Dynamic))
        {
            queue.Writer.TryWrite(new Pending(webhook.Url, WebhookPayload.Build(e, api, null), [webhook.Id], e.WebhookEvent, webhook.Secret, false, webhook.ExcludeBody));
        }
    }

    private static bool Matches(Webhook webhook, JiraEvent e)
    {
        if (!webhook.Events.Contains(e.WebhookEvent, StringComparer.Ordinal)) return false;
        if (webhook.Filter is not null && !webhook.Filter(e.Issue)) return false;
        if (webhook.FieldIdsFilter.Length > 0 && e.WebhookEvent == "jira:issue_updated"
            && (e.Changelog is null || !e.Changelog.Items.Any(i => webhook.FieldIdsFilter.Contains(i.FieldId))))
            return false;
        if (webhook.IssuePropertyKeysFilter.Length > 0 && e.PropertyKey is not null && !webhook.IssuePropertyKeysFilter.Contains(e.PropertyKey))
            return false;
        return true;
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var pending in queue.Reader.ReadAllAsync(stopping.Token))
            {
                _ = DeliverAsync(pending);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task DeliverAsync(Pending pending)
    {
        string identifier = Guid.NewGuid().ToString();
        for (int attempt = 0; attempt <= RetryDelays.Length; attempt++)
        {
            if (attempt > 0)
            {
                try { await Task.Delay(RetryDelays[attempt - 1], stopping.Token); }
                catch (OperationCanceledException) { return; }
            }
            int status = 0;
            string? error = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, pending.Url);
                var body = pending.ExcludeBody ? [] : pending.Body;
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "UTF-8" };
                request.Headers.Add("X-Atlassian-Webhook-Identifier", identifier);
                request.Headers.Add("X-Atlassian-Webhook-Flow", "Primary");
                if (attempt > 0) request.Headers.Add("X-Atlassian-Webhook-Retry", attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (pending.Secret is { Length: > 0 } secret) request.Headers.Add("X-Hub-Signature", WebhookSigning.HubSignature(secret, body));
                if (pending.Dynamic)
                    request.Headers.Authorization = new("Bearer", WebhookSigning.Jwt(OAuthServer.ClientId, OAuthServer.ClientSecret, state.Time.GetUtcNow()));
                using var response = await http.SendAsync(request, stopping.Token);
                status = (int)response.StatusCode;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                error = ex.Message;
            }
            deliveries.Enqueue(new WebhookDelivery(identifier, pending.Url, pending.WebhookEvent, pending.WebhookIds, attempt, status, error, state.Time.GetUtcNow()));
            if (status is >= 200 and < 300) return;
        }
        if (pending.Dynamic)
            foreach (var id in pending.WebhookIds) registry.RecordFailure(id, pending.Url, System.Text.Encoding.UTF8.GetString(pending.Body));
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await stopping.CancelAsync();
        await loop;
        http.Dispose();
        stopping.Dispose();
    }
}
