using System.Globalization;
using System.Text.RegularExpressions;

namespace JiraEmulator.Rendering;

/// <summary>Jira's "1w 2d 3h 4m" durations, with Jira's default 8-hour day and 5-day week.</summary>
public static partial class JiraDuration
{
    private const long Minute = 60, Hour = 60 * Minute, Day = 8 * Hour, Week = 5 * Day;

    public static string Format(long seconds)
    {
        var parts = new List<string>();
        foreach (var (unit, suffix) in new[] { (Week, "w"), (Day, "d"), (Hour, "h"), (Minute, "m") })
        {
            if (seconds < unit) continue;
            parts.Add($"{seconds / unit}{suffix}");
            seconds %= unit;
        }
        return parts.Count == 0 ? "0m" : string.Join(" ", parts);
    }

    [GeneratedRegex(@"^\s*(?:(\d+(?:\.\d+)?)\s*([wdhm])\s*)+$", RegexOptions.IgnoreCase)]
    private static partial Regex Whole();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*([wdhm])", RegexOptions.IgnoreCase)]
    private static partial Regex Part();

    public static long? TryParse(string text)
    {
        if (!Whole().IsMatch(text)) return null;
        double total = 0;
        foreach (Match m in Part().Matches(text))
        {
            double amount = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            total += amount * char.ToLowerInvariant(m.Groups[2].Value[0]) switch { 'w' => Week, 'd' => Day, 'h' => Hour, _ => Minute };
        }
        return (long)total;
    }
}
