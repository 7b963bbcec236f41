using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Errors;

namespace JiraConnector.Connection.OAuth
{
    /// <summary>OAuth 2.0 (3LO) Bearer tokens that renew themselves: before the access token runs
    /// out, and once when Jira answers 401. Each renewal rotates the refresh token, and the newest
    /// one goes to the token cache at once. One renewal at a time: requests that find the token
    /// dying wait for the renewal in progress instead of spending the refresh token twice.</summary>
    internal sealed class OAuthAuthenticator : IRefreshableAuthenticator, IDisposable
    {
        private readonly OAuthSettings _settings;
        private readonly OAuthTokenClient _client;
        private readonly TokenCache _cache;
        private readonly SemaphoreSlim _renewal = new SemaphoreSlim(1, 1);
        private OAuthTokens? _tokens;
        private TimeSpan _lifetime;

        public OAuthAuthenticator(OAuthSettings settings, OAuthTokenClient client, TokenCache cache, OAuthTokens tokens)
        {
            _settings = settings;
            _client = client;
            _cache = cache;
            Accept(tokens);
        }

        public JiraAuthType AuthType => JiraAuthType.OAuth2;

        // An OAuth token does not name its user; Connect-JiraInstance fills the user in from /myself.
        public string UserHint => string.Empty;

        public async Task ApplyAsync(HttpRequestMessage request, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            var tokens = Current;
            if (tokens.ExpiresSoon(DateTimeOffset.UtcNow, _lifetime))
            {
                tokens = await RenewAsync(tokens.AccessToken, trace, cancellationToken).ConfigureAwait(false);
            }
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        }

        public async Task RefreshAfterRejectionAsync(HttpRequestMessage rejected, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            var used = rejected.Headers.Authorization?.Parameter ?? string.Empty;
            trace?.Write("Jira refused the access token (401): renewing it once");
            await RenewAsync(used, trace, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Deletes this sign-in from the token cache (Disconnect-JiraInstance -Forget).</summary>
        public bool ForgetCachedSignIn() => _cache.Delete(_settings.CacheKey);

        /// <summary>For tests: the access token in use, to prove it never reaches any output.</summary>
        internal string AccessTokenForTest => Current.AccessToken;

        /// <summary>For tests: replaces the access token in use, to simulate one that Jira revoked.</summary>
        internal void ReplaceAccessTokenForTest(string accessToken)
        {
            var tokens = Current;
            _tokens = new OAuthTokens(accessToken, tokens.RefreshToken, tokens.ExpiresAt, tokens.Scope);
        }

        public void Dispose()
        {
            // Forget the tokens in memory; the cache keeps the refresh token unless -Forget removes it.
            _tokens = null;
            _client.Dispose();
        }

        public override string ToString() => "Bearer (OAuth 2.0)";

        private OAuthTokens Current => _tokens ?? throw new ObjectDisposedException(nameof(OAuthAuthenticator), "This connection was closed. Run Connect-JiraInstance again.");

        private async Task<OAuthTokens> RenewAsync(string staleAccessToken, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var tokens = Current;
                // Another request renewed the token while this one waited: use the new one.
                if (!string.Equals(tokens.AccessToken, staleAccessToken, StringComparison.Ordinal)) return tokens;
                if (tokens.RefreshToken == null)
                {
                    throw new JiraApiException(ErrorIds.AuthenticationError.JiraOAuthRefreshTokenRejected,
                        $"The sign-in to {_settings.SiteUrl} has expired and cannot be renewed (no offline_access scope). Run Connect-JiraInstance again.",
                        "POST " + _settings.TokenEndpoint.AbsolutePath, null);
                }
                OAuthTokens renewed;
                try
                {
                    renewed = await _client.RefreshAsync(tokens.RefreshToken, trace, cancellationToken).ConfigureAwait(false);
                }
                catch (JiraApiException ex) when (ex.ErrorId == ErrorIds.AuthenticationError.JiraOAuthRefreshTokenRejected)
                {
                    // The cached copy is the same dead token: drop it, so the next Connect signs in afresh.
                    _cache.Delete(_settings.CacheKey);
                    throw;
                }
                Accept(renewed);
                return renewed;
            }
            finally
            {
                _renewal.Release();
            }
        }

        private void Accept(OAuthTokens tokens)
        {
            // Atlassian rotates refresh tokens; if an answer ever lacks one, the old one stays valid.
            var refresh = tokens.RefreshToken ?? _tokens?.RefreshToken;
            _tokens = new OAuthTokens(tokens.AccessToken, refresh, tokens.ExpiresAt, tokens.Scope);
            _lifetime = tokens.ExpiresAt - DateTimeOffset.UtcNow;
            if (refresh != null) _cache.Save(_settings.CacheKey, refresh);
        }
    }
}
