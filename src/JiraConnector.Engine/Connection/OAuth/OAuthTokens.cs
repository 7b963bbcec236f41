using System;

namespace JiraConnector.Connection.OAuth
{
    /// <summary>One answer of the token endpoint. Secret throughout: ToString never shows a token.</summary>
    internal sealed class OAuthTokens
    {
        public OAuthTokens(string accessToken, string? refreshToken, DateTimeOffset expiresAt, string scope)
        {
            AccessToken = accessToken;
            RefreshToken = refreshToken;
            ExpiresAt = expiresAt;
            Scope = scope;
        }

        public string AccessToken { get; }

        /// <summary>Null when offline_access was not granted: the sign-in then lasts one access token.</summary>
        public string? RefreshToken { get; }

        public DateTimeOffset ExpiresAt { get; }

        public string Scope { get; }

        /// <summary>True when the token should be renewed before use: in its last tenth of life
        /// (at most five minutes before the end), so a request never leaves with a dying token.</summary>
        public bool ExpiresSoon(DateTimeOffset now, TimeSpan lifetime)
        {
            var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, lifetime.Ticks / 10));
            return now >= ExpiresAt - margin;
        }

        public override string ToString() => $"OAuth tokens (access token expires {ExpiresAt:u})";
    }
}
