using System.Text.Json.Nodes;

namespace JiraConnector.Tests.Contract.Infrastructure;

/// <summary>Runs the emulator's 3LO flow the way a client would: authorize, read the code off the redirect, exchange it.</summary>
public static class OAuthFlow
{
    public const string ClientId = "emu-client-id";
    public const string ClientSecret = "emu-client-secret";
    public const string CloudId = "11111111-2222-4333-8444-555555555555";
    public const string Redirect = "http://127.0.0.1:9/callback";

    /// <summary>Consents to <paramref name="scope"/> (by default what the tests' calls need: the emulator enforces scopes) and
    /// exchanges the code; returns the token response.</summary>
    public static async Task<JsonNode> AuthorizeAsync(JiraClient anonymous, string scope = "read:jira-work write:jira-work read:jira-user manage:jira-webhook offline_access")
    {
        var redirect = await anonymous.GetAsync(
            $"authorize?audience=api.atlassian.com&client_id={ClientId}&scope={Uri.EscapeDataString(scope)}&redirect_uri={Uri.EscapeDataString(Redirect)}&state=s1&response_type=code&prompt=consent");
        Assert.Equal(302, redirect.Status);
        var query = System.Web.HttpUtility.ParseQueryString(redirect.Location!.Query);
        Assert.Equal("s1", query["state"]);
        var tokens = await anonymous.SendAsync("POST", "oauth/token",
            $$"""{"grant_type":"authorization_code","client_id":"{{ClientId}}","client_secret":"{{ClientSecret}}","code":"{{query["code"]}}","redirect_uri":"{{Redirect}}"}""");
        Assert.Equal(200, tokens.Status);
        return tokens.Json;
    }

    public static Task<Reply> RefreshAsync(JiraClient anonymous, string refreshToken) =>
        anonymous.SendAsync("POST", "oauth/token",
            $$"""{"grant_type":"refresh_token","client_id":"{{ClientId}}","client_secret":"{{ClientSecret}}","refresh_token":"{{refreshToken}}"}""");
}
