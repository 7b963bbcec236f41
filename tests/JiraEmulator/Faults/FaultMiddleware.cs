using System.Globalization;
using JiraEmulator.Http;

namespace JiraEmulator.Faults;

/// <summary>
/// Applies the FaultPlan, or the request's own X-Emulator-Fault header, to API traffic (never to /__emulator, so tests
/// can always reach the admin endpoints).
/// </summary>
public sealed class FaultMiddleware(RequestDelegate next, FaultPlan plan, TimeProvider time)
{
    /// <summary>Set in HttpContext.Items when a fault cut the connection, so the request log records status 0.</summary>
    public const string AbortedItem = "JiraEmulator.Aborted";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/__emulator"))
        {
            await next(context);
            return;
        }

        // A fault named in the request's own header replaces the plan for that request (the plan's counts are untouched).
        var own = FaultHeader.Parse(request.Headers[FaultHeader.Name]);
        var (latency, rule, hold) = own is null
            ? plan.Match(request.Method, request.Path + request.QueryString)
            : (own.LatencyMs, own.IsTerminal ? own : null, Task.CompletedTask);
        if (latency > 0) await Task.Delay(latency, context.RequestAborted);
        await hold.WaitAsync(context.RequestAborted);
        if (rule is null)
        {
            await next(context);
            return;
        }

        if (rule.Drop)
        {
            context.Items[AbortedItem] = true;
            context.Abort();
            return;
        }

        if (rule.Status is int status)
        {
            await WriteStatusAsync(context, status, rule.RetryAfterSeconds);
            return;
        }

        await TruncateAsync(context);
    }

    private async Task WriteStatusAsync(HttpContext context, int status, int? retryAfterSeconds)
    {
        var headers = context.Response.Headers;
        if (status == StatusCodes.Status429TooManyRequests || retryAfterSeconds is not null)
        {
            int seconds = retryAfterSeconds ?? 1;
            headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            // Jira's reset time is request time + Retry-After, at minute precision.
            headers["X-RateLimit-Reset"] = time.GetUtcNow().AddSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        }
        if (status == StatusCodes.Status429TooManyRequests)
        {
            headers["RateLimit-Reason"] = "jira-burst-based";
            headers["X-RateLimit-NearLimit"] = "true";
        }
        string message = status switch
        {
            429 => "Rate limit exceeded.",
            502 => "Bad gateway.",
            503 => "Service unavailable. Please try again later.",
            >= 500 => "Internal server error.",
            _ => $"Injected fault {status}.",
        };
        await ErrorCollection.Result(status, message).ExecuteAsync(context);
    }

    /// <summary>Runs the endpoint into a buffer, then sends its headers and half its body and drops the connection.</summary>
    private async Task TruncateAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        byte[] body = buffer.ToArray();
        // Marked before the half body goes out: the request log writes its entry as the response starts.
        context.Items[AbortedItem] = true;
        context.Response.ContentLength = body.Length;
        await original.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted);
        await original.FlushAsync(context.RequestAborted);
        // Give Kestrel's output loop time to put the half body on the wire: an immediate abort
        // would discard it and the client would see a plain drop instead of a short body.
        await Task.Delay(100, context.RequestAborted);
        context.Abort();
    }
}
