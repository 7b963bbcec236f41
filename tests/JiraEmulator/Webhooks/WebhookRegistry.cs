using JiraEmulator.Data;
using JiraEmulator.Jql;

namespace JiraEmulator.Webhooks;

/// <summary>
/// A registered webhook. Dynamic ones (REST, OAuth apps) carry a JQL filter and expire after 30 days;
/// admin ones (/rest/webhooks/1.0) have a name, an optional secret (which turns on X-Hub-Signature) and may
/// be disabled or exclude the body.
/// </summary>
public sealed class Webhook
{
    public required long Id { get; init; }
    public required bool Dynamic { get; init; }
    public required string Url { get; set; }
    public required string[] Events { get; set; }
    public string? JqlFilter { get; set; }
    public Func<Issue, bool>? Filter { get; set; }
    public string[] FieldIdsFilter { get; set; } = [];
    public string[] IssuePropertyKeysFilter { get; set; } = [];
    public DateTimeOffset? Expires { get; set; }
    public string Name { get; set; } = "";
    public string? Secret { get; set; }
    public bool ExcludeBody { get; set; }
    public bool Enabled { get; set; } = true;
    public required User Owner { get; set; }
    public DateTimeOffset LastUpdated { get; set; }
}

/// <summary>All webhooks, plus failed dynamic deliveries (kept 72 hours, as Jira keeps them).</summary>
public sealed class WebhookRegistry(JiraData data, TimeProvider time)
{
    public static readonly TimeSpan DynamicLifetime = TimeSpan.FromDays(30);
    private readonly Lock gate = new();
    private readonly List<Webhook> webhooks = [];
    private readonly List<(long Id, string Url, string? Body, DateTimeOffset Failed)> failures = [];
    private long nextId = 1;

    public long NewId() => Interlocked.Increment(ref nextId) - 1;

    public void Add(Webhook webhook) { lock (gate) webhooks.Add(webhook); }

    public bool Remove(long id) { lock (gate) return webhooks.RemoveAll(w => w.Id == id) > 0; }

    public Webhook? Find(long id) { lock (gate) return webhooks.FirstOrDefault(w => w.Id == id); }

    public IReadOnlyList<Webhook> All(bool dynamic) { lock (gate) return webhooks.Where(w => w.Dynamic == dynamic).OrderBy(w => w.Id).ToArray(); }

    public IReadOnlyList<Webhook> Snapshot() { lock (gate) return webhooks.ToArray(); }

    /// <summary>Compiles a webhook JQL filter. Returns an error message when Jira would refuse it.</summary>
    public string? CompileFilter(Webhook webhook)
    {
        if (string.IsNullOrWhiteSpace(webhook.JqlFilter)) { webhook.Filter = null; return null; }
        try
        {
            var compiled = JqlCompiler.Compile(webhook.JqlFilter, new JqlContext(data, webhook.Owner, time.GetUtcNow()));
            webhook.Filter = compiled.Filter;
            return null;
        }
        catch (Http.JiraErrorException error)
        {
            return string.Join(" ", error.Messages.Concat(error.Errors.Values));
        }
    }

    public void RecordFailure(long id, string url, string? body)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            failures.RemoveAll(f => now - f.Failed > TimeSpan.FromHours(72));
            failures.Add((id, url, body, now));
        }
    }

    public IReadOnlyList<(long Id, string Url, string? Body, DateTimeOffset Failed)> Failures() { lock (gate) return failures.ToArray(); }
}
