using System.Text.Json;
using System.Text.Json.Nodes;
using JiraEmulator.Http;

namespace JiraEmulator.OAuth;

/// <summary>
/// auth.atlassian.com and api.atlassian.com on the emulator's own root: GET /authorize (consents at once),
/// POST /oauth/token (authorization_code and refresh_token grants), GET /oauth/token/accessible-resources.
/// </summary>
public static class OAuthEndpoints
{
    public static void Map(WebApplication app, EmulatorState state)
    {
        app.MapGet("/authorize", (HttpContext context) =>
        {
            var q = context.Request.Query;
            string? clientId = q["client_id"], redirectUri = q["redirect_uri"], responseType = q["response_type"];
            if (clientId != OAuthServer.ClientId) return OAuthError(400, "invalid_client", "Unknown client_id.");
            if (responseType != "code") return OAuthError(400, "unsupported_response_type", "response_type must be 'code'.");
            if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var redirect)) return OAuthError(400, "invalid_request", "redirect_uri is required.");
            // The emulator consents at once, as the seeded admin unless emulator_user names another user.
            string login = q["emulator_user"].ToString() is { Length: > 0 } u ? u : "admin";
            var user = state.Data.FindUser(login);
            if (user is null) return OAuthError(400, "invalid_request", $"Unknown emulator_user '{login}'.");
            string code = state.OAuth.IssueCode(user, q["scope"].ToString(), redirectUri!);
            string separator = string.IsNullOrEmpty(redirect.Query) ? "?" : "&";
            string location = $"{redirectUri}{separator}code={Uri.EscapeDataString(code)}";
            if (!string.IsNullOrEmpty(q["state"])) location += $"&state={Uri.EscapeDataString(q["state"]!)}";
            return Results.Redirect(location);
        });

        app.MapPost("/oauth/token", async (HttpContext context) =>
        {
            var body = await ReadBody(context.Request);
            string? Get(string name) => body.TryGetValue(name, out var v) ? v : null;
            if (!state.OAuth.CheckClient(Get("client_id"), Get("client_secret")))
                return OAuthError(401, "access_denied", "Unauthorized");
            OAuthServer.TokenResponse? tokens;
            switch (Get("grant_type"))
            {
                case "authorization_code":
                    tokens = state.OAuth.ExchangeCode(Get("code"), Get("redirect_uri"));
                    if (tokens is null) return OAuthError(403, "invalid_grant", "Invalid authorization code");
                    break;
                case "refresh_token":
                    tokens = state.OAuth.RefreshGrant(Get("refresh_token"));
                    if (tokens is null) return OAuthError(403, "invalid_grant", "Unknown or invalid refresh token.");
                    break;
                default:
                    return OAuthError(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token.");
            }
            return JsonResponse.Ok(w =>
            {
                w.WriteStartObject();
                w.WriteString("access_token", tokens.AccessToken);
                w.WriteNumber("expires_in", tokens.ExpiresIn);
                w.WriteString("token_type", "Bearer");
                if (tokens.RefreshToken is not null) w.WriteString("refresh_token", tokens.RefreshToken);
                w.WriteString("scope", tokens.Scope);
                w.WriteEndObject();
            });
        });

        app.MapGet("/oauth/token/accessible-resources", (HttpContext context) =>
        {
            string header = context.Request.Headers.Authorization.ToString();
            var grant = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? state.OAuth.Authenticate(header[7..].Trim()) : null;
            if (grant is null) return OAuthError(401, "unauthorized", "Unauthorized");
            string site = $"{context.Request.Scheme}://{context.Request.Host}";
            return JsonResponse.Ok(w =>
            {
                w.WriteStartArray();
                w.WriteStartObject();
                w.WriteString("id", OAuthServer.CloudId);
                w.WriteString("url", site);
                w.WriteString("name", "jira-emulator");
                w.WriteStartArray("scopes");
                foreach (var scope in grant.Value.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries)) w.WriteStringValue(scope);
                w.WriteEndArray();
                w.WriteString("avatarUrl", $"{site}/images/site-avatar.png");
                w.WriteEndObject();
                w.WriteEndArray();
            });
        });
    }

    /// <summary>The token endpoint takes JSON (Atlassian's documented form) or form-encoded (the RFC's).</summary>
    private static async Task<Dictionary<string, string>> ReadBody(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return form.ToDictionary(f => f.Key, f => f.Value.ToString());
        }
        try
        {
            var node = await JsonNode.ParseAsync(request.Body) as JsonObject;
            return node?.Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.ToString()) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static IResult OAuthError(int status, string error, string description) =>
        JsonResponse.Status(status, w =>
        {
            w.WriteStartObject();
            w.WriteString("error", error);
            w.WriteString("error_description", description);
            w.WriteEndObject();
        });
}
