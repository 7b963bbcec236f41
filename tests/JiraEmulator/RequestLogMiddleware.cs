using JiraEmulator.Auth;

namespace JiraEmulator;

/// <summary>Records every request outside /__emulator, with the caller the auth middleware found. The
/// entry is written just before the response starts, so a client that got its answer always finds
/// its request in the log; a request that never answers (a dropped connection) is written at the end.
/// Each entry carries when it started and ended and how many requests were in flight as it arrived,
/// so a test can see whether a client's requests overlapped.</summary>
public sealed class RequestLogMiddleware(RequestDelegate next, RequestLog log)
{
    private int inFlight;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/__emulator"))
        {
            await next(context);
            return;
        }

        // Counted in before its start is stamped and out after its end is (in Log): whenever the log shows
        // intervals that share a moment, the last of them to arrive counted all the others.
        int concurrent = Interlocked.Increment(ref inFlight);
        var started = log.Time.GetTimestamp();
        var logged = 0;
        context.Response.OnStarting(() =>
        {
            Log();
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            Log();
        }

        void Log()
        {
            if (Interlocked.Exchange(ref logged, 1) == 1) return;
            var ended = log.Time.GetTimestamp();
            Interlocked.Decrement(ref inFlight);
            var caller = context.FindCaller();
            // An aborted connection (drop/truncate faults) never delivered its status: log 0.
            int status = context.Items.ContainsKey(Faults.FaultMiddleware.AbortedItem) || context.RequestAborted.IsCancellationRequested ? 0 : context.Response.StatusCode;
            log.Add(new RequestLogEntry(
                context.Request.Method,
                context.Request.PathBase + context.Request.Path,
                context.Request.QueryString.Value ?? "",
                caller?.Login,
                caller?.Scheme,
                status,
                (long)log.Time.GetElapsedTime(started, ended).TotalMilliseconds)
            {
                Started = log.At(started),
                Ended = log.At(ended),
                InFlight = concurrent,
            });
        }
    }
}
