namespace JiraEmulator.OAuth;

/// <summary>
/// Serves https://api.atlassian.com/ex/jira/{cloudId}/rest/... as the site root: the prefix moves into
/// PathBase, so routing sees /rest/... and self links keep the prefix. An unknown cloud id is a 404.
/// </summary>
public sealed class ExJiraAliasMiddleware(RequestDelegate next)
{
    private static readonly PathString Prefix = "/ex/jira";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments(Prefix, out var rest))
        {
            await next(context);
            return;
        }
        string[] segments = rest.Value!.Split('/', 3, StringSplitOptions.None);
        // segments: "", cloudId, remainder
        if (segments.Length < 2 || segments[1] != OAuthServer.CloudId)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var originalBase = request.PathBase;
        var originalPath = request.Path;
        request.PathBase = originalBase.Add(Prefix).Add("/" + segments[1]);
        request.Path = segments.Length > 2 ? "/" + segments[2] : "/";
        try
        {
            await next(context);
        }
        finally
        {
            request.PathBase = originalBase;
            request.Path = originalPath;
        }
    }
}
