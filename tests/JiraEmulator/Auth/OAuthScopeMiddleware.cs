using JiraEmulator.Http;

namespace JiraEmulator.Auth;

/// <summary>
/// Refuses an OAuth 2.0 request whose token lacks the scopes of the operation it reaches (OAuthScopes), with the 401
/// and body the api.atlassian.com gateway gives: {"code":401,"message":"Unauthorized; scope does not match"}. Runs
/// after routing, so it knows the operation; other callers pass through.
/// </summary>
public sealed class OAuthScopeMiddleware(RequestDelegate next)
{
    public const string ScopeMismatch = "Unauthorized; scope does not match";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.FindCaller() is { Scopes: { } granted } && context.GetEndpoint() is RouteEndpoint endpoint
            && !OAuthScopes.Allows(granted, context.Request.Method, endpoint.RoutePattern.RawText ?? ""))
        {
            await JsonResponse.Status(StatusCodes.Status401Unauthorized, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("code", StatusCodes.Status401Unauthorized);
                w.WriteString("message", ScopeMismatch);
                w.WriteEndObject();
            }).ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
