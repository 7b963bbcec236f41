using System;
using System.Collections.Generic;
using System.Linq;
using JiraConnector.Internal;

namespace JiraConnector.Connection
{
    /// <summary>The connector's configuration keys, all of them, as the vendor names them.</summary>
    internal static class ConfigurationKeys
    {
        public const string OAuthApiKey = "oauth.api.key";
        public const string OAuthApiSecret = "oauth.api.secret";
        public const string SiteUrl = "site.url";
        public const string OAuthCallbackUrl = "oauth.callback.url";
        public const string UserName = "username";
        public const string Password = "password";
        public const string BaseUrl = "base.url";
        // The oldest generation of the connector's docs spells the Basic keys this way.
        public const string JiraUserName = "jira.username";
        public const string JiraPassword = "jira.password";
        public const string JiraApiUrl = "jira.api.url";
        public const string EventsEnabled = "event.notification.enabled";
        public const string EventsCallbackUrl = "event.notification.callback.url";
        public const string EventsSignatureKey = "event.notification.signature.key";
        public const string EventsVendorType = "event.vendor.type";
        public const string EventsPollerInterval = "event.poller.refresh_interval";

        public static readonly IReadOnlyList<string> All = new[]
        {
            OAuthApiKey, OAuthApiSecret, SiteUrl, OAuthCallbackUrl, UserName, Password, BaseUrl,
            JiraUserName, JiraPassword, JiraApiUrl, EventsEnabled, EventsCallbackUrl, EventsSignatureKey,
            EventsVendorType, EventsPollerInterval,
        };

        /// <summary>Values that must never be echoed, not even in an error about their own format.</summary>
        public static readonly IReadOnlyCollection<string> Secrets = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            OAuthApiSecret, Password, JiraPassword, EventsSignatureKey,
        };

        public static bool IsKnown(string key) => All.Contains(key, StringComparer.OrdinalIgnoreCase);

        /// <summary>The known key closest to a misspelt one, for "did you mean" in the error.</summary>
        public static string? Closest(string key) => ClosestName.Among(All, key);
    }
}
