using System;
using System.Globalization;

namespace JiraConnector.Query
{
    /// <summary>Date literals of OCNQL: '2026-01-02', '2026-01-02 10:30', ISO 8601 with or without
    /// an offset. Without an offset a date is UTC, the same on every machine.</summary>
    internal static class QueryDates
    {
        private static readonly string[] Formats =
        {
            "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd", "yyyy/MM/dd HH:mm",
            "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
            "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss.FFFzzz",
        };

        public static bool TryParse(string text, out DateTimeOffset date)
        {
            var trimmed = (text ?? string.Empty).Trim();
            // Jira's own timestamps carry "+0000" without a colon.
            if (trimmed.Length > 5 && (trimmed[trimmed.Length - 5] == '+' || trimmed[trimmed.Length - 5] == '-') &&
                char.IsDigit(trimmed[trimmed.Length - 1]) && trimmed.IndexOf('T') > 0)
            {
                trimmed = trimmed.Substring(0, trimmed.Length - 2) + ":" + trimmed.Substring(trimmed.Length - 2);
            }
            return DateTimeOffset.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date);
        }
    }
}
