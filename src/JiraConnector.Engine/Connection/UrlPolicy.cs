using System;
using System.Net;
using JiraConnector.Errors;
using JiraConnector.Http;

namespace JiraConnector.Connection
{
    /// <summary>Checks a Jira URL before any credential is sent to it.</summary>
    internal static class UrlPolicy
    {
        public static Uri ParseJiraUrl(string value, string parameterName)
        {
            if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) ||
                (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidConnectionParameter, 
                    $"{parameterName} '{value}' is not an absolute http or https URL. Give the site's address, for example https://your-site.atlassian.net.",
                    parameterName);
            }
            if (!string.IsNullOrEmpty(uri.UserInfo))
            {
                throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidConnectionParameter, $"{parameterName} must not carry a user name or password; use -Credential.", parameterName);
            }
            // Keep any context path (Data Center often lives under /jira), drop query and fragment.
            var path = uri.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? uri.AbsolutePath : uri.AbsolutePath + "/";
            return new UriBuilder(uri.Scheme, uri.Host, uri.Port, path).Uri;
        }

        /// <summary>Like Invoke-RestMethod: credentials in clear text only to this machine unless the
        /// caller says so explicitly. The rule holds for the whole path: plain http through a proxy
        /// on another machine hands that proxy the credentials, so such a proxy counts as remote.</summary>
        public static void EnsureCredentialsMayBeSent(Uri url, bool allowUnencrypted, JiraHttpSettings? network = null)
        {
            if (url.Scheme == Uri.UriSchemeHttps || allowUnencrypted) return;
            if (!IsLoopback(url)) throw Unencrypted("to " + url.Host);
            var proxy = network == null ? null : HttpHandlerFactory.ProxyFor(network, url);
            if (proxy != null && !IsLoopback(proxy)) throw Unencrypted($"to {url.Host} through the proxy {UrlRedactor.Redact(proxy)}");
        }

        private static JiraArgumentException Unencrypted(string path) =>
            new JiraArgumentException(ErrorIds.InvalidArgument.InvalidConnectionParameter,
                $"Refusing to send credentials over unencrypted http {path}. Use an https URL, or add " +
                "-AllowUnencryptedAuthentication if you accept that the credentials can be read on the network.", "Url");

        private static bool IsLoopback(Uri url) =>
            url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
