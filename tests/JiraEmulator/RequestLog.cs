using System.Collections.Concurrent;

namespace JiraEmulator;

/// <summary>One API request as the emulator saw it: what tests assert about the client's behaviour.</summary>
public sealed record RequestLogEntry(string Method, string Path, string Query, string? User, string? AuthScheme, int Status, long ElapsedMs);

/// <summary>
/// Every API request (/rest, /oauth, /ex ...), newest last. Capped so a 100,000-issue benchmark
/// cannot grow it without bound.
/// </summary>
public sealed class RequestLog
{
    public const int Capacity = 100_000;
    private readonly ConcurrentQueue<RequestLogEntry> entries = new();

    public void Add(RequestLogEntry entry)
    {
        entries.Enqueue(entry);
        while (entries.Count > Capacity && entries.TryDequeue(out _)) { }
    }

    public IReadOnlyList<RequestLogEntry> Entries => entries.ToArray();

    public void Clear() => entries.Clear();
}
