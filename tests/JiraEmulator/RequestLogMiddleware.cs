using System.Diagnostics;
using JiraEmulator.Auth;

namespace JiraEmulator;

/// <summary>Records every request outside /__emulator, with the caller the auth middleware found. The
/// entry is written just before the response starts, so a client that got its answer always finds
/// its request in the log; a request that never answers (a dropped connection) is written at the end.</summary>
public sealed class RequestLogMiddleware(RequestDelegate next, RequestLog log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/__emulator"))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
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
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        }
    }
}
