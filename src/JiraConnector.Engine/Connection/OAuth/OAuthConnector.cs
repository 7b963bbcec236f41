using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Errors;

namespace JiraConnector.Connection.OAuth
{
    /// <summary>The OAuth 2.0 (3LO) connection, step by step, so the cmdlet can do the parts that
    /// need the pipeline thread (showing the sign-in address) in between: reuse a cached sign-in,
    /// or exchange a browser sign-in's code; then find the site's cloud id and connect through the
    /// gateway.</summary>
    internal sealed class OAuthConnector
    {
        private readonly OAuthSettings _settings;
        private readonly JiraHttpSettings _httpSettings;
        private readonly TokenCache _cache;

        public OAuthConnector(OAuthSettings settings, JiraHttpSettings httpSettings)
        {
            _settings = settings;
            _httpSettings = httpSettings;
            _cache = new TokenCache(settings.TokenCacheFolder);
        }

        public bool HasCachedSignIn => _cache.ReadRefreshToken(_settings.CacheKey) != null;

        /// <summary>Renews the cached sign-in. A refused refresh token removes the cache entry and
        /// throws, telling the user to connect again (which then signs in in the browser).</summary>
        public async Task<JiraInstance> ConnectFromCacheAsync(string? name, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            var refreshToken = _cache.ReadRefreshToken(_settings.CacheKey) ?? throw new InvalidOperationException("No cached sign-in.");
            var client = new OAuthTokenClient(_settings, _httpSettings);
            try
            {
                trace?.Write($"Reusing the cached sign-in for {_settings.SiteUrl}");
                OAuthTokens tokens;
                try
                {
                    tokens = await client.RefreshAsync(refreshToken, trace, cancellationToken).ConfigureAwait(false);
                }
                catch (JiraApiException ex) when (ex.ErrorId == ErrorIds.AuthenticationError.JiraOAuthRefreshTokenRejected)
                {
                    _cache.Delete(_settings.CacheKey);
                    throw new JiraApiException(ex.ErrorId,
                        $"The saved sign-in for {_settings.SiteUrl} was refused (the refresh token was revoked, expired, or already used by another session) and has been removed. " +
                        "Run Connect-JiraInstance again to sign in in the browser.", ex.Request, ex.StatusCode, ex);
                }
                return await FinishAsync(name, client, tokens, trace, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        /// <summary>Exchanges the code a browser sign-in brought back, then connects.</summary>
        public async Task<JiraInstance> ConnectWithCodeAsync(string? name, string code, Uri redirectUri, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            var client = new OAuthTokenClient(_settings, _httpSettings);
            try
            {
                var tokens = await client.ExchangeCodeAsync(code, redirectUri, trace, cancellationToken).ConfigureAwait(false);
                return await FinishAsync(name, client, tokens, trace, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        private async Task<JiraInstance> FinishAsync(string? name, OAuthTokenClient client, OAuthTokens tokens, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            var sites = await client.GetSitesAsync(tokens.AccessToken, trace, cancellationToken).ConfigureAwait(false);
            var cloudId = PickSite(sites);
            // From here the authenticator owns the client and saves every rotated refresh token.
            var auth = new OAuthAuthenticator(_settings, client, _cache, tokens);
            return await InstanceConnector.ConnectAsync(name, _settings.SiteUrl, auth, _httpSettings, trace, cancellationToken,
                _settings.ApiRoot(cloudId)).ConfigureAwait(false);
        }

        private string PickSite(IReadOnlyList<(string Id, string Url)> sites)
        {
            var wanted = Normalize(_settings.SiteUrl.AbsoluteUri);
            var match = sites.FirstOrDefault(s => Normalize(s.Url) == wanted);
            if (!string.IsNullOrEmpty(match.Id)) return match.Id;
            var listed = sites.Count == 0 ? "none" : string.Join(", ", sites.Select(s => s.Url));
            throw new JiraApiException(ErrorIds.ObjectNotFound.JiraOAuthSiteNotFound,
                $"This sign-in cannot reach {_settings.SiteUrl}: the app was granted access to {listed}. " +
                "Check -SiteUrl (site.url), or sign in with an account of that site and grant the app access to it.",
                "GET " + _settings.AccessibleResourcesEndpoint.AbsolutePath, 200);
        }

        private static string Normalize(string url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) ? (uri.Scheme + "://" + uri.Authority).ToLowerInvariant() : url.TrimEnd('/').ToLowerInvariant();
    }
}
