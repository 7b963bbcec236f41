using System.Collections.Concurrent;

namespace JiraEmulator;

/// <summary>One API request as the emulator saw it: what tests assert about the client's behaviour.</summary>
public sealed record RequestLogEntry(string Method, string Path, string Query, string? User, string? AuthScheme, int Status, long ElapsedMs)
{
    /// <summary>When the request reached the emulator (before auth, rate limit and faults, so injected latency lies inside).</summary>
    public DateTimeOffset Started { get; init; }

    /// <summary>When its answer was ready to send (headers going out), or when the connection was cut.</summary>
    public DateTimeOffset Ended { get; init; }

    /// <summary>API requests received and not yet answered (or cut) when this one arrived, itself included: 1 means it was alone.</summary>
    public int InFlight { get; init; }
}

/// <summary>
/// Every API request (/rest, /oauth, /ex ...), newest last. Capped so a 100,000-issue benchmark
/// cannot grow it without bound.
/// </summary>
public sealed class RequestLog(TimeProvider time)
{
    public const int Capacity = 100_000;
    private readonly ConcurrentQueue<RequestLogEntry> entries = new();

    // Entry times are the start time plus a monotonic elapsed time, so the intervals of concurrent requests
    // compare exactly (a wall-clock step between two requests cannot reorder them) and still read as dates.
    private readonly DateTimeOffset origin = time.GetUtcNow();
    private readonly long originStamp = time.GetTimestamp();

    public TimeProvider Time => time;

    /// <summary>The log's time of a TimeProvider timestamp.</summary>
    public DateTimeOffset At(long timestamp) => origin + time.GetElapsedTime(originStamp, timestamp);

    public void Add(RequestLogEntry entry)
    {
        entries.Enqueue(entry);
        while (entries.Count > Capacity && entries.TryDequeue(out _)) { }
    }

    public IReadOnlyList<RequestLogEntry> Entries => entries.ToArray();

    public void Clear() => entries.Clear();
}
