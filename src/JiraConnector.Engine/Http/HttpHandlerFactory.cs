using System;
using System.Net;
using System.Net.Http;

namespace JiraConnector.Http
{
    /// <summary>The one place that turns an instance's network settings into a handler, so the
    /// Jira API and the OAuth endpoints go through the same proxy.</summary>
    internal static class HttpHandlerFactory
    {
        public static HttpMessageHandler Create(JiraHttpSettings settings)
        {
            var handler = new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseCookies = false,
                // A redirect could carry the Authorization header to another host; Jira's API does not redirect.
                AllowAutoRedirect = false,
                UseProxy = !settings.NoProxy,
            };
            if (settings.NoProxy) return handler;
            if (settings.Proxy != null)
            {
                handler.Proxy = new WebProxy(settings.Proxy) { Credentials = settings.ProxyCredential, BypassProxyOnLocal = false };
            }
            else if (settings.ProxyCredential != null)
            {
                // Proxy stays null: the system proxy (HTTPS_PROXY and friends, or the OS setting), with these credentials.
                handler.DefaultProxyCredentials = settings.ProxyCredential;
            }
            return handler;
        }

        /// <summary>The proxy a request to <paramref name="target"/> goes through with these settings
        /// (the one of -Proxy, else the system's: HTTP_PROXY and friends), or null when it goes direct.</summary>
        public static Uri? ProxyFor(JiraHttpSettings settings, Uri target)
        {
            if (settings.NoProxy) return null;
            if (settings.Proxy != null) return settings.Proxy;
            var system = WebRequest.DefaultWebProxy;
            if (system == null || system.IsBypassed(target)) return null;
            var proxy = system.GetProxy(target);
            return proxy == null || proxy == target ? null : proxy;
        }
    }
}
