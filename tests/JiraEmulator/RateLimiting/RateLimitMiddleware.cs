using System.Globalization;
using JiraEmulator.Auth;
using JiraEmulator.Http;

namespace JiraEmulator.RateLimiting;

/// <summary>
/// The optional token-bucket limit (EmulatorOptions.RateLimitPerSecond). Cloud style: X-RateLimit-Limit and
/// -Remaining, X-RateLimit-NearLimit under 20%, and 429 with Retry-After, X-RateLimit-Reset and
/// RateLimit-Reason when empty. Data Center style: X-RateLimit-Limit, -Remaining, -Interval-Seconds,
/// -FillRate and retry-after (0 while tokens remain) on every response.
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, EmulatorState state)
{
    private readonly TokenBuckets? buckets = state.Options.RateLimitPerSecond is double rate and > 0
        ? new TokenBuckets(rate, Math.Max(1, state.Options.RateLimitBurst ?? (int)Math.Ceiling(rate)), state.Time)
        : null;

    public async Task InvokeAsync(HttpContext context)
    {
        if (buckets is null || !context.Request.Path.StartsWithSegments("/rest"))
        {
            await next(context);
            return;
        }

        string key = context.FindCaller()?.User.AccountId ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous";
        var (allowed, remaining, wait) = buckets.Take(key);
        var headers = context.Response.Headers;
        int retrySeconds = (int)Math.Ceiling(wait.TotalSeconds);
        headers["X-RateLimit-Limit"] = buckets.Capacity.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        if (state.IsCloud)
        {
            if (remaining < buckets.Capacity * 0.2) headers["X-RateLimit-NearLimit"] = "true";
        }
        else
        {
            headers["X-RateLimit-Interval-Seconds"] = "1";
            headers["X-RateLimit-FillRate"] = buckets.Rate.ToString(CultureInfo.InvariantCulture);
            headers.RetryAfter = retrySeconds.ToString(CultureInfo.InvariantCulture);
        }

        if (allowed)
        {
            await next(context);
            return;
        }

        headers.RetryAfter = Math.Max(1, retrySeconds).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = state.Time.GetUtcNow().AddSeconds(Math.Max(1, retrySeconds)).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        if (state.IsCloud) headers["RateLimit-Reason"] = "jira-burst-based";
        await ErrorCollection.Result(StatusCodes.Status429TooManyRequests, "Rate limit exceeded.").ExecuteAsync(context);
    }
}
