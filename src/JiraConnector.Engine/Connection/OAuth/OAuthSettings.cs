using System;
using System.Collections.Generic;
using System.Linq;

namespace JiraConnector.Connection.OAuth
{
    /// <summary>Everything the OAuth 2.0 (3LO) flow needs, resolved: where to sign in, which app,
    /// where the browser comes back, and where the refresh token is kept.</summary>
    internal sealed class OAuthSettings
    {
        public static readonly Uri DefaultAuthorizationServer = new Uri("https://auth.atlassian.com/");
        public static readonly Uri DefaultApiGateway = new Uri("https://api.atlassian.com/");

        /// <summary>Enough for everything the module does; offline_access makes a refresh token.</summary>
        public static readonly IReadOnlyList<string> DefaultScopes = new[]
        {
            "read:jira-work", "write:jira-work", "read:jira-user", "manage:jira-project",
            "manage:jira-configuration", "manage:jira-webhook", "offline_access",
        };

        public OAuthSettings(Uri siteUrl, string clientId, string clientSecret, IEnumerable<string>? scopes,
            Uri? authorizationServer, Uri? apiGateway, string tokenCacheFolder)
        {
            SiteUrl = siteUrl;
            ClientId = clientId;
            ClientSecret = clientSecret;
            var requested = (scopes ?? DefaultScopes).SelectMany(s => s.Split(new[] { ' ', ',' }, StringSplitOptions.RemoveEmptyEntries)).ToList();
            if (!requested.Contains("offline_access")) requested.Add("offline_access");
            Scopes = requested.Distinct(StringComparer.Ordinal).ToList();
            AuthorizationServer = WithSlash(authorizationServer ?? DefaultAuthorizationServer);
            ApiGateway = WithSlash(apiGateway ?? DefaultApiGateway);
            TokenCacheFolder = tokenCacheFolder;
        }

        public Uri SiteUrl { get; }

        public string ClientId { get; }

        /// <summary>Held in memory only; the token cache never stores it.</summary>
        public string ClientSecret { get; }

        public IReadOnlyList<string> Scopes { get; }

        public Uri AuthorizationServer { get; }

        public Uri ApiGateway { get; }

        public string TokenCacheFolder { get; }

        public Uri TokenEndpoint => new Uri(AuthorizationServer, "oauth/token");

        public Uri AccessibleResourcesEndpoint => new Uri(ApiGateway, "oauth/token/accessible-resources");

        /// <summary>The REST root of a site behind the gateway: {gateway}/ex/jira/{cloudId}/.</summary>
        public Uri ApiRoot(string cloudId) => new Uri(ApiGateway, "ex/jira/" + Uri.EscapeDataString(cloudId) + "/");

        /// <summary>Identifies one sign-in in the token cache: the same site, app and authorization server.</summary>
        public string CacheKey => AuthorizationServer.AbsoluteUri + "|" + SiteUrl.AbsoluteUri.ToLowerInvariant() + "|" + ClientId;

        private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
