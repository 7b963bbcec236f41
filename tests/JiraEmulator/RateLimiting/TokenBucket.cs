namespace JiraEmulator.RateLimiting;

/// <summary>
/// One token bucket per caller: Capacity tokens at most, refilled continuously at Rate per second; each
/// request takes one. Time comes from TimeProvider so tests can drive it.
/// </summary>
public sealed class TokenBuckets(double rate, int capacity, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (double Tokens, long Stamp)> buckets = new(StringComparer.Ordinal);

    public double Rate { get; } = rate;
    public int Capacity { get; } = capacity;

    /// <summary>Takes a token if there is one. Returns whether it was taken, the tokens left, and the wait until the next token.</summary>
    public (bool Allowed, int Remaining, TimeSpan RetryAfter) Take(string key)
    {
        long now = time.GetTimestamp();
        lock (gate)
        {
            var (tokens, stamp) = buckets.TryGetValue(key, out var bucket) ? bucket : (Capacity, now);
            tokens = Math.Min(Capacity, tokens + time.GetElapsedTime(stamp, now).TotalSeconds * Rate);
            bool allowed = tokens >= 1;
            if (allowed) tokens -= 1;
            buckets[key] = (tokens, now);
            var wait = allowed ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - tokens) / Rate);
            return (allowed, (int)Math.Floor(tokens), wait);
        }
    }
}
