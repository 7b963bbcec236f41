using System;
using System.Text.RegularExpressions;

namespace JiraConnector.Http
{
    /// <summary>Hides secret-looking query values before a URL reaches verbose, debug or error text
    /// (every message of the module's exceptions goes through it). The module never puts credentials
    /// in URLs, but an OAuth callback, a configured callback or a user-supplied path might. A value
    /// ends at the URL's next parameter, or where a URL quoted in a message ends.</summary>
    internal static class UrlRedactor
    {
        private static readonly Regex SecretParameter = new Regex(
            @"(?<name>[?&](?:[^=&]*(?:token|secret|password|code|key|signature)[^=&]*))=(?<value>[^&#\s'""]*)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        public static string Redact(string url)
        {
            if (string.IsNullOrEmpty(url)) return url;
            return SecretParameter.Replace(url, match => match.Groups["name"].Value + "=***");
        }

        public static string Redact(Uri url) => Redact(url.ToString());
    }
}
