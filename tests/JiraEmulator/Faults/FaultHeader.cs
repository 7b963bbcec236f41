using System.Globalization;
using JiraEmulator.Http;

namespace JiraEmulator.Faults;

/// <summary>
/// A fault for one request, asked for by the request itself: "X-Emulator-Fault: status=429;retryAfter=2",
/// "drop", "truncate", "latency=50" or a mix ("latency=200;status=503"). Lets a test fault exactly the call it
/// makes, with no shared plan to set up and clear, so parallel tests cannot fault each other.
/// </summary>
public static class FaultHeader
{
    public const string Name = "X-Emulator-Fault";

    private const string Usage = "use status=<code>, retryAfter=<seconds>, latency=<ms>, drop or truncate, separated by ';'";

    /// <summary>The rule the header describes, or null without the header. A malformed header is a 400 naming the bad item.</summary>
    public static FaultRule? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        var rule = new FaultRule { Count = 1 };
        foreach (var item in header.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = item.IndexOf('=');
            string key = (eq < 0 ? item : item[..eq]).Trim();
            string? value = eq < 0 ? null : item[(eq + 1)..].Trim();
            switch (key.ToLowerInvariant())
            {
                case "drop" when value is null: rule.Drop = true; break;
                case "truncate" when value is null: rule.Truncate = true; break;
                case "status": rule.Status = Number(item, value, 400, 599); break;
                case "retryafter": rule.RetryAfterSeconds = Number(item, value, 0, 86400); break;
                case "latency" or "latencyms": rule.LatencyMs = Number(item, value, 0, 600_000); break;
                default: throw Bad($"unknown item '{item}'");
            }
        }
        int answers = (rule.Status is null ? 0 : 1) + (rule.Drop ? 1 : 0) + (rule.Truncate ? 1 : 0);
        if (answers > 1) throw Bad("status, drop and truncate exclude each other");
        if (rule.RetryAfterSeconds is not null && rule.Status is null) throw Bad("retryAfter needs a status");
        return rule;
    }

    private static int Number(string item, string? value, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number < min || number > max)
            throw Bad($"'{item}' needs a whole number from {min} to {max}");
        return number;
    }

    private static JiraErrorException Bad(string problem) => JiraErrorException.BadRequest($"{Name}: {problem}; {Usage}.");
}
