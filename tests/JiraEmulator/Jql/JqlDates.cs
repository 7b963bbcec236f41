using System.Globalization;
using System.Text.RegularExpressions;

namespace JiraEmulator.Jql;

/// <summary>
/// Date operands: "yyyy-MM-dd", "yyyy/MM/dd", either with " HH:mm"; relative offsets such as -7d,
/// "-1w 2d", 4h, -30m; and the functions now(), startOfDay(), endOfDay(), startOfWeek(),
/// endOfWeek(), startOfMonth(), endOfMonth(), startOfYear(), endOfYear() with an optional offset.
/// The emulated server's time zone is UTC.
/// </summary>
public static partial class JqlDates
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy-MM-dd HH:mm", "yyyy/MM/dd HH:mm", "yyyy-M-d", "yyyy/M/d", "yyyy-M-d H:mm", "yyyy/M/d H:mm"];

    [GeneratedRegex(@"^\s*(?:([+-]?)\s*(\d+)\s*([wdhm])\s*)+$", RegexOptions.IgnoreCase)]
    private static partial Regex RelativePattern();

    [GeneratedRegex(@"([+-]?)\s*(\d+)\s*([wdhm])", RegexOptions.IgnoreCase)]
    private static partial Regex RelativePart();

    public static DateTimeOffset? TryParse(string text, DateTimeOffset now)
    {
        if (DateTime.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var absolute))
            return new DateTimeOffset(absolute, TimeSpan.Zero);
        if (!RelativePattern().IsMatch(text)) return null;
        // A leading sign applies to the following parts too, as in Jira's "-1w 2d".
        var result = now;
        int sign = 1;
        foreach (Match part in RelativePart().Matches(text))
        {
            if (part.Groups[1].Value == "-") sign = -1;
            else if (part.Groups[1].Value == "+") sign = 1;
            double amount = sign * double.Parse(part.Groups[2].Value, CultureInfo.InvariantCulture);
            result = char.ToLowerInvariant(part.Groups[3].Value[0]) switch
            {
                'w' => result.AddDays(7 * amount),
                'd' => result.AddDays(amount),
                'h' => result.AddHours(amount),
                _ => result.AddMinutes(amount),
            };
        }
        return result;
    }

    public static DateTimeOffset? Function(string name, IReadOnlyList<string> arguments, DateTimeOffset now)
    {
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var week = day.AddDays(-(int)day.DayOfWeek);
        var month = new DateTimeOffset(day.Year, day.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var year = new DateTimeOffset(day.Year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        DateTimeOffset? baseValue = name.ToLowerInvariant() switch
        {
            "now" => now,
            "startofday" => day,
            "endofday" => day.AddDays(1).AddMilliseconds(-1),
            "startofweek" => week,
            "endofweek" => week.AddDays(7).AddMilliseconds(-1),
            "startofmonth" => month,
            "endofmonth" => month.AddMonths(1).AddMilliseconds(-1),
            "startofyear" => year,
            "endofyear" => year.AddYears(1).AddMilliseconds(-1),
            _ => null,
        };
        if (baseValue is null || arguments.Count == 0) return baseValue;
        return TryParse(arguments[0], baseValue.Value);
    }
}
