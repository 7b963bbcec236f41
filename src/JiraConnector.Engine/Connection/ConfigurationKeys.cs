using System;
using System.Collections.Generic;
using System.Linq;

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
        public static string? Closest(string key)
        {
            var best = All.Select(k => (Key: k, Distance: Distance(k, key.ToLowerInvariant()))).OrderBy(p => p.Distance).First();
            return best.Distance <= Math.Max(2, key.Length / 4) ? best.Key : null;
        }

        private static int Distance(string a, string b)
        {
            var previous = Enumerable.Range(0, b.Length + 1).ToArray();
            for (var i = 1; i <= a.Length; i++)
            {
                var current = new int[b.Length + 1];
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }
                previous = current;
            }
            return previous[b.Length];
        }
    }
}
