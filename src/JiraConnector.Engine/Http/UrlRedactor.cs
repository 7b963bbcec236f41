using System;
using System.Text.RegularExpressions;

namespace JiraConnector.Http
{
    /// <summary>Hides secret-looking query values before a URL reaches verbose, debug or error text.
    /// The module never puts credentials in URLs, but an OAuth callback or a user-supplied
    /// pass-through path might. Every error message goes through here too (the module's exception
    /// types), so a value stops at white space or a quote: the prose after it stays.</summary>
    internal static class UrlRedactor
    {
        private static readonly Regex SecretParameter = new Regex(
            @"(?<name>[?&](?:[^=&\s'""]*(?:token|secret|password|code|key|signature)[^=&\s'""]*))=(?<value>[^&#\s'""]*)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        public static string Redact(string url)
        {
            if (string.IsNullOrEmpty(url)) return url;
            return SecretParameter.Replace(url, match => match.Groups["name"].Value + "=***");
        }

        public static string Redact(Uri url) => Redact(url.ToString());
    }
}
