namespace JiraEmulator.Faults;

/// <summary>
/// One fault to inject, as posted to /__emulator/faults. A rule matches requests whose path contains
/// PathContains (and whose method equals Method, when set), hits at most Count of them (null: all),
/// each with the given probability (null: always).
/// </summary>
public sealed class FaultRule
{
    /// <summary>Answer with this status (429, 500, 502, 503 ...) instead of running the endpoint.</summary>
    public int? Status { get; set; }

    /// <summary>Seconds for Retry-After (and X-RateLimit-Reset) on a 429 or 503.</summary>
    public int? RetryAfterSeconds { get; set; }

    public int? Count { get; set; }

    public string? PathContains { get; set; }

    public string? Method { get; set; }

    public double? Probability { get; set; }

    /// <summary>Delay before the request is handled (or faulted).</summary>
    public int LatencyMs { get; set; }

    /// <summary>Abort the connection without any response.</summary>
    public bool Drop { get; set; }

    /// <summary>Send the headers and half of the body, then abort.</summary>
    public bool Truncate { get; set; }

    /// <summary>In-process only (never posted): a matching request waits for this task before it is
    /// handled, after any latency, so a test can hold one request at a known point while others go on.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Task? Hold { get; set; }

    /// <summary>True when the rule replaces or cuts the response, not only delays it.</summary>
    internal bool IsTerminal => Status is not null || Drop || Truncate;
}
