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

        /// <summary>The proxy a request to url goes through with these settings (the system's, from
        /// HTTP_PROXY and friends, unless -Proxy or -NoProxy); null when it goes direct.</summary>
        public static Uri? ProxyFor(Uri url, JiraHttpSettings settings)
        {
            if (settings.NoProxy) return null;
            IWebProxy? proxy = settings.Proxy != null ? new WebProxy(settings.Proxy) { BypassProxyOnLocal = false } : WebRequest.GetSystemWebProxy();
            if (proxy == null || proxy.IsBypassed(url)) return null;
            var through = proxy.GetProxy(url);
            return through == null || through == url ? null : through;
        }
    }
}
