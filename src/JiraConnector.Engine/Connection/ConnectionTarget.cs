using System;
using JiraConnector.Errors;

namespace JiraConnector.Connection
{
    /// <summary>Where to connect and with what, whichever way Connect-JiraInstance was called
    /// (parameters or the connector's configuration).</summary>
    internal sealed class ConnectionTarget
    {
        private ConnectionTarget(JiraAuthType authType, Uri url)
        {
            AuthType = authType;
            Url = url;
        }

        public JiraAuthType AuthType { get; }

        /// <summary>The Jira base URL (Basic, PAT) or the Cloud site URL (OAuth 2.0).</summary>
        public Uri Url { get; }

        public string? Name { get; set; }

        public string? UserName { get; private set; }

        /// <summary>The password, API token or personal access token.</summary>
        public string? Secret { get; private set; }

        public string? ClientId { get; private set; }

        public string? ClientSecret { get; private set; }

        public string? CallbackUrl { get; private set; }

        public JiraEventSettings Events { get; private set; } = JiraEventSettings.None;

        public static ConnectionTarget Basic(Uri url, string userName, string secret)
        {
            if (string.IsNullOrEmpty(userName)) throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidConnectionParameter, "The user name is empty.", "Credential");
            if (string.IsNullOrEmpty(secret)) throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidConnectionParameter, "The API token or password is empty.", "Credential");
            return new ConnectionTarget(JiraAuthType.Basic, url) { UserName = userName, Secret = secret };
        }

        public static ConnectionTarget PersonalAccessToken(Uri url, string token)
        {
            if (string.IsNullOrEmpty(token)) throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidConnectionParameter, "The personal access token is empty.", nameof(PersonalAccessToken));
            return new ConnectionTarget(JiraAuthType.PersonalAccessToken, url) { Secret = token };
        }

        public static ConnectionTarget OAuth(Uri siteUrl, string clientId, string clientSecret, string? callbackUrl)
        {
            if (string.IsNullOrEmpty(clientSecret)) throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidConnectionParameter, "The client secret is empty.", nameof(ClientSecret));
            return new ConnectionTarget(JiraAuthType.OAuth2, siteUrl) { ClientId = clientId, ClientSecret = clientSecret, CallbackUrl = callbackUrl };
        }

        public static ConnectionTarget From(ConnectorConfiguration configuration)
        {
            var target = configuration.AuthType == JiraAuthType.OAuth2
                ? OAuth(configuration.Url, configuration.ClientId!, configuration.ClientSecret!, configuration.CallbackUrl)
                : Basic(configuration.Url, configuration.UserName!, configuration.Password!);
            target.Name = configuration.Name;
            target.Events = configuration.Events;
            return target;
        }
    }
}
