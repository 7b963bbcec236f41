namespace JiraEmulator;

/// <summary>Which Jira the emulator pretends to be: it changes serverInfo, the REST versions served and which search exists.</summary>
public enum Deployment { Cloud, DataCenter }

/// <summary>Start-up settings, shared by the command line and the in-process API so both behave the same.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Seed for System.Random: the same seed always yields the same issues, so tests can assert exact data.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>How many issues to seed.</summary>
    public int Issues { get; set; } = 1000;

    public Deployment Deployment { get; set; } = Deployment.Cloud;

    /// <summary>Kestrel address. Port 0 lets the OS pick a free port, which keeps parallel test runs apart.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>
    /// Token-bucket rate limit per caller, in requests per second; null (the default) turns it off.
    /// Clients then see Jira's rate-limit headers on every response and 429 when the bucket is empty.
    /// </summary>
    public double? RateLimitPerSecond { get; set; }

    /// <summary>Bucket size (the burst allowed after a quiet spell); defaults to one second's worth.</summary>
    public int? RateLimitBurst { get; set; }

    /// <summary>Lifetime of OAuth 2.0 access tokens (Atlassian: one hour). Shorten it to test refresh-before-expiry.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a rotated refresh token may still be reused (Atlassian: 10 minutes). Zero by default so a
    /// test sees reuse detection revoke the chain at once.
    /// </summary>
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Behave like a site where no installed app declares issue properties indexed: JQL on issue.property[...]
    /// is refused with Jira's 400 "Field ... does not exist". Off by default (the emulator indexes every property).
    /// </summary>
    public bool UnindexedProperties { get; set; }

    /// <summary>
    /// worklog/updated and worklog/deleted leave out what changed this recently (Jira: "worklogs updated
    /// during the minute preceding the request aren't returned"). Shorten it so a polling test need not wait a minute.
    /// </summary>
    public TimeSpan WorklogFeedLag { get; set; } = TimeSpan.FromMinutes(1);
}
