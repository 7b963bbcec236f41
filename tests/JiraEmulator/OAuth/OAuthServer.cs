using System.Collections.Concurrent;
using System.Security.Cryptography;
using JiraEmulator.Data;

namespace JiraEmulator.OAuth;

/// <summary>
/// The authorization server of OAuth 2.0 (3LO): one-time codes, access tokens and rotating refresh
/// tokens grouped in families. Reusing a refresh token that was already rotated (after the leeway)
/// revokes its whole family, as Atlassian does, so a stolen token cannot outlive the theft.
/// </summary>
public sealed class OAuthServer(EmulatorOptions options, TimeProvider time)
{
    public const string ClientId = "emu-client-id";
    public const string ClientSecret = "emu-client-secret";
    public const string CloudId = "11111111-2222-4333-8444-555555555555";
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    private sealed record Code(User User, string Scope, string RedirectUri, DateTimeOffset Expires);
    private sealed record Access(User User, string Scope, string Family, DateTimeOffset Expires);
    private sealed class Refresh(User user, string scope, string family)
    {
        public User User { get; } = user;
        public string Scope { get; } = scope;
        public string Family { get; } = family;
        public DateTimeOffset? RotatedAt { get; set; }
    }

    private readonly ConcurrentDictionary<string, Code> codes = new();
    private readonly ConcurrentDictionary<string, Access> accessTokens = new();
    private readonly ConcurrentDictionary<string, Refresh> refreshTokens = new();
    private readonly ConcurrentDictionary<string, bool> revokedFamilies = new();
    private readonly Lock gate = new();

    public sealed record TokenResponse(string AccessToken, int ExpiresIn, string? RefreshToken, string Scope);

    public string IssueCode(User user, string scope, string redirectUri)
    {
        string code = NewSecret();
        codes[code] = new Code(user, scope, redirectUri, time.GetUtcNow() + CodeLifetime);
        return code;
    }

    public bool CheckClient(string? clientId, string? clientSecret) =>
        clientId == ClientId && clientSecret is not null
        && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(clientSecret), System.Text.Encoding.UTF8.GetBytes(ClientSecret));

    /// <summary>Exchanges a code (once). Null: unknown, used, expired, or issued for another redirect URI.</summary>
    public TokenResponse? ExchangeCode(string? code, string? redirectUri)
    {
        if (code is null || !codes.TryRemove(code, out var grant)) return null;
        if (grant.Expires < time.GetUtcNow() || (redirectUri is not null && redirectUri != grant.RedirectUri)) return null;
        return Issue(grant.User, grant.Scope, NewSecret());
    }

    /// <summary>Rotates a refresh token. Null: unknown or revoked; a reuse past the leeway also revokes the family.</summary>
    public TokenResponse? RefreshGrant(string? refreshToken)
    {
        if (refreshToken is null) return null;
        lock (gate)
        {
            if (!refreshTokens.TryGetValue(refreshToken, out var refresh) || revokedFamilies.ContainsKey(refresh.Family)) return null;
            var now = time.GetUtcNow();
            if (refresh.RotatedAt is { } rotated && now - rotated > options.RefreshTokenReuseLeeway)
            {
                RevokeFamily(refresh.Family);
                return null;
            }
            refresh.RotatedAt ??= now;
            return Issue(refresh.User, refresh.Scope, refresh.Family);
        }
    }

    public (User User, string Scope)? Authenticate(string accessToken)
    {
        if (!accessTokens.TryGetValue(accessToken, out var access)) return null;
        if (access.Expires < time.GetUtcNow() || revokedFamilies.ContainsKey(access.Family)) return null;
        return (access.User, access.Scope);
    }

    private void RevokeFamily(string family)
    {
        revokedFamilies[family] = true;
        foreach (var (token, refresh) in refreshTokens) if (refresh.Family == family) refreshTokens.TryRemove(token, out _);
        foreach (var (token, access) in accessTokens) if (access.Family == family) accessTokens.TryRemove(token, out _);
    }

    private TokenResponse Issue(User user, string scope, string family)
    {
        string access = NewSecret();
        accessTokens[access] = new Access(user, scope, family, time.GetUtcNow() + options.AccessTokenLifetime);
        // Refresh tokens only come with the offline_access scope, as with Atlassian.
        string? refresh = null;
        if (scope.Split(' ').Contains("offline_access"))
        {
            refresh = NewSecret();
            refreshTokens[refresh] = new Refresh(user, scope, family);
        }
        return new TokenResponse(access, (int)options.AccessTokenLifetime.TotalSeconds, refresh, scope);
    }

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
