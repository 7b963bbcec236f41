using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Headers;

namespace JiraConnector.Http
{
    /// <summary>Renders headers for -Debug with every credential-bearing value replaced by ***.</summary>
    internal static class HeaderRedactor
    {
        private static readonly HashSet<string> SecretHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Atlassian-Token",
        };

        public static string Render(HttpHeaders headers, HttpHeaders? contentHeaders = null)
        {
            var all = headers.AsEnumerable();
            if (contentHeaders != null) all = all.Concat(contentHeaders);
            return string.Join("; ", all.Select(h => h.Key + ": " + Value(h.Key, h.Value)));
        }

        private static string Value(string name, IEnumerable<string> values)
        {
            if (!SecretHeaders.Contains(name)) return string.Join(", ", values);
            // Keep the scheme (Basic, Bearer) so -Debug still tells which kind of credential went out.
            var first = values.FirstOrDefault() ?? string.Empty;
            var space = first.IndexOf(' ');
            return space > 0 && name.EndsWith("Authorization", StringComparison.OrdinalIgnoreCase) ? first.Substring(0, space) + " ***" : "***";
        }
    }
}
