using System;
using System.Globalization;
using System.Net.Http;

namespace JiraConnector.Http
{
    /// <summary>Reads how long Jira asks us to wait: Retry-After (seconds or an HTTP date), else
    /// X-RateLimit-Reset (ISO 8601, "yyyy-MM-ddTHH:mmZ").</summary>
    internal static class RetryAfter
    {
        public static TimeSpan? From(HttpResponseMessage response, DateTimeOffset now)
        {
            var header = response.Headers.RetryAfter;
            if (header?.Delta is TimeSpan delta) return delta;
            if (header?.Date is DateTimeOffset date) return NotNegative(date - now);

            if (response.Headers.TryGetValues("X-RateLimit-Reset", out var values))
            {
                foreach (var value in values)
                {
                    if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
                            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var reset))
                    {
                        return NotNegative(reset - now);
                    }
                }
            }
            return null;
        }

        private static TimeSpan NotNegative(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
    }
}
