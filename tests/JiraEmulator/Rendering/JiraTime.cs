using System.Globalization;

namespace JiraEmulator.Rendering;

/// <summary>Jira's timestamp format: ISO 8601 with milliseconds and a numeric offset without a colon (2026-09-25T22:42:39.399+0000).</summary>
public static class JiraTime
{
    public static string Format(DateTimeOffset value)
    {
        var offset = value.Offset;
        char sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return value.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture)
            + $"{sign}{offset.Hours:00}{offset.Minutes:00}";
    }

    /// <summary>Parses Jira's format (offset with or without a colon) or any ISO 8601 timestamp.</summary>
    public static DateTimeOffset? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        string value = text.Trim();
        if (value.Length > 5 && value[^5] is '+' or '-' && value[^4..].All(char.IsAsciiDigit))
            value = value[..^2] + ":" + value[^2..];
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
    }
}
