using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using K = JiraConnector.Connection.ConfigurationKeys;
using JiraConnector.Errors;

namespace JiraConnector.Connection
{
    /// <summary>The connector's configuration, checked: which workflow it asks for (Basic or OAuth
    /// 2.0), its URLs and credentials, and its event settings. Every problem is a
    /// <see cref="ConfigurationException"/> that names the key.</summary>
    internal sealed class ConnectorConfiguration
    {
        // The connector docs' samples: "[myApiKey]" and "<INSERT_JIRA_USERNAME>".
        private static readonly Regex Placeholder = new Regex(@"^(\[my[A-Za-z]+\]|<INSERT_[A-Z_]+>)$", RegexOptions.CultureInvariant);

        private ConnectorConfiguration() { }

        public JiraAuthType AuthType { get; private set; }

        /// <summary>base.url (or jira.api.url) for Basic, site.url for OAuth 2.0.</summary>
        public Uri Url { get; private set; } = null!;

        public string? UserName { get; private set; }

        public string? Password { get; private set; }

        public string? ClientId { get; private set; }

        public string? ClientSecret { get; private set; }

        /// <summary>oauth.callback.url as given (checked by the OAuth flow, which must listen on it).</summary>
        public string? CallbackUrl { get; private set; }

        public JiraEventSettings Events { get; private set; } = JiraEventSettings.None;

        /// <summary>The instance body's name, if it had one.</summary>
        public string? Name { get; private set; }

        public static ConnectorConfiguration Parse(ConfigurationSource source)
        {
            var values = source.Values;
            CheckKeys(values);
            var config = new ConnectorConfiguration { Name = source.Name };

            var userName = Either(values, K.UserName, K.JiraUserName);
            var password = Either(values, K.Password, K.JiraPassword);
            var baseUrl = Either(values, K.BaseUrl, K.JiraApiUrl);
            values.TryGetValue(K.OAuthApiKey, out var clientId);
            values.TryGetValue(K.OAuthApiSecret, out var clientSecret);
            values.TryGetValue(K.SiteUrl, out var siteUrl);
            values.TryGetValue(K.OAuthCallbackUrl, out var callbackUrl);

            var basicKeys = Present(values, K.UserName, K.Password, K.BaseUrl, K.JiraUserName, K.JiraPassword, K.JiraApiUrl);
            var oauthKeys = Present(values, K.OAuthApiKey, K.OAuthApiSecret, K.SiteUrl);
            if (basicKeys.Count > 0 && oauthKeys.Count > 0)
            {
                throw new ConfigurationException(ErrorIds.InvalidArgument.ConflictingConfigurationKeys, oauthKeys[0],
                    $"The configuration mixes Basic keys ({string.Join(", ", basicKeys)}) with OAuth 2.0 keys ({string.Join(", ", oauthKeys)}). " +
                    "Give username, password and base.url for Basic, or oauth.api.key, oauth.api.secret and site.url for OAuth 2.0.");
            }
            if (oauthKeys.Count > 0)
            {
                config.AuthType = JiraAuthType.OAuth2;
                config.ClientId = Required(clientId, K.OAuthApiKey, "OAuth 2.0");
                config.ClientSecret = Required(clientSecret, K.OAuthApiSecret, "OAuth 2.0");
                config.Url = ParseUrl(Required(siteUrl, K.SiteUrl, "OAuth 2.0"), K.SiteUrl);
                if (callbackUrl != null)
                {
                    try
                    {
                        OAuth.OAuthSignIn.ParseCallback(callbackUrl);
                    }
                    catch (ArgumentException ex)
                    {
                        throw new ConfigurationException(ErrorIds.InvalidArgument.InvalidConfigurationValue, K.OAuthCallbackUrl, ex.Message.Replace("The callback URL", $"'{K.OAuthCallbackUrl}'"), ex);
                    }
                }
                config.CallbackUrl = callbackUrl;
            }
            else if (basicKeys.Count > 0)
            {
                config.AuthType = JiraAuthType.Basic;
                config.UserName = Required(userName.Value, userName.Key, "Basic");
                config.Password = Required(password.Value, password.Key, "Basic");
                config.Url = ParseUrl(Required(baseUrl.Value, baseUrl.Key, "Basic"), baseUrl.Key);
            }
            else
            {
                throw new ConfigurationException(ErrorIds.InvalidArgument.MissingConfigurationKey, K.UserName,
                    "The configuration has no credentials. Give username, password and base.url for Basic, " +
                    "or oauth.api.key, oauth.api.secret and site.url for OAuth 2.0.");
            }
            config.Events = ParseEvents(values);
            return config;
        }

        private static void CheckKeys(IReadOnlyDictionary<string, string> values)
        {
            foreach (var pair in values)
            {
                if (!K.IsKnown(pair.Key))
                {
                    var closest = K.Closest(pair.Key);
                    throw new ConfigurationException(ErrorIds.InvalidArgument.InvalidConfigurationKey, pair.Key,
                        $"Unknown configuration key '{pair.Key}'." + (closest != null ? $" Did you mean '{closest}'?" : string.Empty) +
                        " The keys are: " + string.Join(", ", K.All) + ".");
                }
                if (Placeholder.IsMatch(pair.Value.Trim()))
                {
                    var shown = K.Secrets.Contains(pair.Key) ? "the sample placeholder" : $"the sample placeholder '{pair.Value}'";
                    throw new ConfigurationException(ErrorIds.InvalidArgument.InvalidConfigurationValue, pair.Key,
                        $"The configuration key '{pair.Key}' still holds {shown}: put the real value there.");
                }
            }
        }

        /// <summary>A Basic key in either spelling (username or jira.username); both with different values is an error.</summary>
        private static (string Key, string? Value) Either(IReadOnlyDictionary<string, string> values, string key, string oldKey)
        {
            var hasNew = values.TryGetValue(key, out var value);
            var hasOld = values.TryGetValue(oldKey, out var oldValue);
            if (hasNew && hasOld && !string.Equals(value, oldValue, StringComparison.Ordinal))
            {
                throw new ConfigurationException(ErrorIds.InvalidArgument.ConflictingConfigurationKeys, oldKey,
                    $"The configuration gives both '{key}' and '{oldKey}' with different values; keep one of them.");
            }
            return hasNew ? (key, value) : hasOld ? (oldKey, oldValue) : (key, null);
        }

        private static List<string> Present(IReadOnlyDictionary<string, string> values, params string[] keys) =>
            keys.Where(values.ContainsKey).ToList();

        private static string Required(string? value, string key, string workflow)
        {
            if (!string.IsNullOrWhiteSpace(value)) return value!;
            throw new ConfigurationException(ErrorIds.InvalidArgument.MissingConfigurationKey, key,
                $"The configuration key '{key}' is missing: the {workflow} workflow needs it.");
        }

        private static Uri ParseUrl(string value, string key)
        {
            try
            {
                return UrlPolicy.ParseJiraUrl(value, key);
            }
            catch (ArgumentException ex)
            {
                throw new ConfigurationException(ErrorIds.InvalidArgument.InvalidConfigurationValue, key, ex.Message, ex);
            }
        }

        private static JiraEventSettings ParseEvents(IReadOnlyDictionary<string, string> values)
        {
            var enabled = false;
            if (values.TryGetValue(K.EventsEnabled, out var enabledText) && !bool.TryParse(enabledText.Trim(), out enabled))
            {
                throw new ConfigurationException(ErrorIds.InvalidArgument.InvalidConfigurationValue, K.EventsEnabled,
                    $"The configuration key '{K.EventsEnabled}' must be true or false, not '{enabledText}'.");
            }

            Uri? callback = null;
            if (values.TryGetValue(K.EventsCallbackUrl, out var callbackText) &&
                (!Uri.TryCreate(callbackText.Trim(), UriKind.Absolute, out callback) ||
                 (callback.Scheme != Uri.UriSchemeHttps && callback.Scheme != Uri.UriSchemeHttp)))
            {
                throw new ConfigurationException(ErrorIds.InvalidArgument.InvalidConfigurationValue, K.EventsCallbackUrl,
                    $"The configuration key '{K.EventsCallbackUrl}' must be an absolute http or https URL, not '{callbackText}'.");
            }
            if (enabled && callback == null)
            {
                throw new ConfigurationException(ErrorIds.InvalidArgument.MissingConfigurationKey, K.EventsCallbackUrl,
                    $"The configuration key '{K.EventsCallbackUrl}' is missing: '{K.EventsEnabled}' is true, so events need a URL to go to.");
            }

            var vendor = JiraEventVendorType.Webhook;
            if (values.TryGetValue(K.EventsVendorType, out var vendorText))
            {
                switch (vendorText.Trim().ToLowerInvariant())
                {
                    case "webhook": vendor = JiraEventVendorType.Webhook; break;
                    case "polling": vendor = JiraEventVendorType.Polling; break;
                    default:
                        throw new ConfigurationException(ErrorIds.InvalidArgument.InvalidConfigurationValue, K.EventsVendorType,
                            $"The configuration key '{K.EventsVendorType}' must be 'webhook' or 'polling', not '{vendorText}'.");
                }
            }

            var interval = JiraEventSettings.DefaultPollInterval;
            if (values.TryGetValue(K.EventsPollerInterval, out var intervalText))
            {
                // The connector counts this interval in minutes.
                if (!int.TryParse(intervalText.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes) || minutes < 1 || minutes > 1440)
                {
                    throw new ConfigurationException(ErrorIds.InvalidArgument.InvalidConfigurationValue, K.EventsPollerInterval,
                        $"The configuration key '{K.EventsPollerInterval}' must be a whole number of minutes from 1 to 1440, not '{intervalText}'.");
                }
                interval = TimeSpan.FromMinutes(minutes);
            }

            values.TryGetValue(K.EventsSignatureKey, out var signatureKey);
            if (!enabled && callback == null && signatureKey == null && vendor == JiraEventVendorType.Webhook && interval == JiraEventSettings.DefaultPollInterval)
            {
                return JiraEventSettings.None;
            }
            return new JiraEventSettings(enabled, callback, signatureKey, vendor, interval);
        }
    }
}
