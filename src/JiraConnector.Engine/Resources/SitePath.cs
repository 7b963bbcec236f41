using System;
using System.Linq;
using JiraConnector.Errors;

namespace JiraConnector.Resources
{
    /// <summary>Where a path the user names lies on the instance's site. A path that starts with
    /// rest/ (with or without its leading slash) names another API of the site as it is
    /// (rest/agile/1.0/board, rest/api/3/myself); any other is under the instance's platform API.</summary>
    internal static class SitePath
    {
        public static string Of(JiraInstance instance, string path)
        {
            var trimmed = (path ?? string.Empty).TrimStart('/');
            return trimmed.StartsWith("rest/", StringComparison.OrdinalIgnoreCase) ? trimmed : instance.RestPath + trimmed;
        }

        /// <summary>A path (and query) typed by the user, checked so that it stays on the instance's
        /// site: a full URL must be of that site, and no segment climbs out of it.</summary>
        public static string Checked(JiraInstance instance, string path)
        {
            var text = (path ?? string.Empty).Trim();
            if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
            {
                var site = new Uri(instance.Url.AbsoluteUri.TrimEnd('/') + "/");
                if (!site.IsBaseOf(absolute))
                {
                    throw Invalid(path, $"it is not on the instance's site {site}; credentials go to that site only");
                }
                text = absolute.PathAndQuery.Substring(site.AbsolutePath.Length);
            }
            var pathPart = text.Split('?')[0].TrimStart('/');
            if (pathPart.Length == 0) throw Invalid(path, "it names no resource");
            if (pathPart.IndexOf('\\') >= 0 || !pathPart.Split('/').Select(Uri.UnescapeDataString).All(Rest.IsSegment))
            {
                throw Invalid(path, "its segments must not be empty, '.' or '..', nor hold a backslash");
            }
            return Of(instance, text);
        }

        private static JiraArgumentException Invalid(string? path, string why) =>
            new JiraArgumentException(ErrorIds.InvalidArgument.InvalidRestPath,
                $"-Path '{path}' cannot be sent: {why}. Give a path such as myself, /rest/api/3/myself or /rest/agile/1.0/board.", "Path");
    }
}
