using JiraEmulator.Data;

namespace JiraEmulator.Auth;

/// <summary>Who made the request, kept in HttpContext.Items by the auth middleware for endpoints and the request log.</summary>
/// <remarks>Login is how the request named the user: the email on Cloud, the user name on Data Center. Scopes are an
/// OAuth 2.0 token's (null for Basic and personal access tokens, which carry the user's full rights).</remarks>
public sealed record Caller(User User, string Scheme, string Login, IReadOnlySet<string>? Scopes = null);

public static class CallerExtensions
{
    private const string ItemKey = "JiraEmulator.Caller";

    public static void SetCaller(this HttpContext context, Caller caller) => context.Items[ItemKey] = caller;

    public static Caller? FindCaller(this HttpContext context) => context.Items.TryGetValue(ItemKey, out var value) ? value as Caller : null;

    /// <summary>The authenticated user; endpoints behind the auth middleware always have one.</summary>
    public static User CurrentUser(this HttpContext context) =>
        context.FindCaller()?.User ?? throw new InvalidOperationException("The request was not authenticated.");
}
