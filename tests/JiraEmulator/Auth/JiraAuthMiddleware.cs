using System.Text;
using JiraEmulator.Http;

namespace JiraEmulator.Auth;

/// <summary>
/// Authenticates every /rest/ (and /secure/) request like Jira: Basic (Cloud email + API token, or Data Center
/// name + password) or Bearer: a personal access token on Data Center (Cloud has none), an OAuth 2.0 (3LO) access
/// token on Cloud, which counts only through the api.atlassian.com gateway path (/ex/jira/{cloudId}): on the site URL
/// it is a token the site does not know. Anything else gets Jira's 401 body.
/// </summary>
public sealed class JiraAuthMiddleware(RequestDelegate next, EmulatorState state)
{
    public const string NotAuthenticated = "You are not authenticated. Authentication required to perform this operation.";

    public async Task InvokeAsync(HttpContext context)
    {
        // /secure serves Data Center's attachment downloads, which take the same credentials.
        if (!context.Request.Path.StartsWithSegments("/rest") && !context.Request.Path.StartsWithSegments("/secure"))
        {
            await next(context);
            return;
        }

        // ExJiraAliasMiddleware has moved the gateway prefix into PathBase.
        bool gateway = context.Request.PathBase.StartsWithSegments("/ex/jira");
        var caller = Authenticate(context.Request.Headers.Authorization.ToString(), gateway);
        if (caller is null)
        {
            // Clients decide between "retry with credentials" and "give up" on this header.
            context.Response.Headers.WWWAuthenticate = state.Options.Deployment == Deployment.Cloud
                ? "Basic realm=\"Jira Cloud\", OAuth realm=\"Jira Cloud\""
                : "Basic realm=\"protected-area\"";
            await ErrorCollection.Result(StatusCodes.Status401Unauthorized, NotAuthenticated).ExecuteAsync(context);
            return;
        }

        context.SetCaller(caller);
        // Cloud names the caller by account id, Data Center by user name.
        if (state.Options.Deployment == Deployment.Cloud)
            context.Response.Headers["X-AAccountId"] = caller.User.AccountId;
        else
            context.Response.Headers["X-AUSERNAME"] = caller.User.Name;
        await next(context);
    }

    private string LoginOf(Data.User user) => state.Options.Deployment == Deployment.Cloud ? user.EmailAddress : user.Name;

    private Caller? Authenticate(string header, bool gateway)
    {
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            }
            catch (FormatException)
            {
                return null;
            }
            int colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) return null;
            string user = decoded[..colon], secret = decoded[(colon + 1)..];
            var found = state.Options.Deployment == Deployment.Cloud
                ? state.Credentials.CheckCloudBasic(user, secret)
                : state.Credentials.CheckDataCenterBasic(user, secret);
            return found is null ? null : new Caller(found, "Basic", LoginOf(found));
        }

        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            string token = header[7..].Trim();
            if (!state.IsCloud)
                return state.Credentials.CheckPersonalAccessToken(token) is { } found ? new Caller(found, "Bearer", LoginOf(found)) : null;
            // Cloud: an OAuth 2.0 access token from /oauth/token, with the scopes it was granted.
            if (gateway && state.OAuth.Authenticate(token) is { } grant)
                return new Caller(grant.User, "OAuth", LoginOf(grant.User), grant.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));
            return null;
        }

        return null;
    }
}
