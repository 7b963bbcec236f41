using System.Globalization;

namespace JiraEmulator;

/// <summary>
/// Command line: dotnet run --project tests/JiraEmulator -- --urls http://127.0.0.1:0 --seed 1 --issues 20000 --deployment Cloud
/// Prints exactly one line, "JiraEmulator listening on http://127.0.0.1:PORT", then serves until killed.
/// </summary>
public static class Program
{
    public const int BadArguments = 2;

    public static async Task<int> Main(string[] args)
    {
        EmulatorOptions options;
        try
        {
            options = ParseArguments(args);
        }
        catch (ArgumentException error)
        {
            await Console.Error.WriteLineAsync($"JiraEmulator: {error.Message}");
            await Console.Error.WriteLineAsync(Usage);
            return BadArguments;
        }
        if (options is null) // --help
        {
            Console.WriteLine(Usage);
            return 0;
        }

        await using var server = await EmulatorServer.StartAsync(options);
        // Scripts read this line to learn the port: keep its wording and flush it at once.
        Console.Out.WriteLine($"JiraEmulator listening on {server.BaseUrl.GetLeftPart(UriPartial.Authority)}");
        Console.Out.Flush();
        await server.WaitForShutdownAsync();
        return 0;
    }

    public const string Usage =
        "Usage: JiraEmulator [--urls http://127.0.0.1:0] [--seed 1] [--issues 1000] [--deployment Cloud|DataCenter] [--rate-limit <requests per second>] [--rate-limit-burst <n>] [--unindexed-properties] [--worklog-feed-lag <seconds>]";

    /// <summary>Parses the arguments; throws ArgumentException naming the bad one; returns null for --help.</summary>
    public static EmulatorOptions ParseArguments(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string name = arg, value;
            int eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg is "--help" or "-h" or "-?") return null!;
            if (string.Equals(arg, "--unindexed-properties", StringComparison.OrdinalIgnoreCase))
            {
                options.UnindexedProperties = true;
                continue;
            }
            if (eq > 0)
            {
                name = arg[..eq];
                value = arg[(eq + 1)..];
            }
            else
            {
                if (i + 1 >= args.Count) throw new ArgumentException($"{arg} needs a value.");
                value = args[++i];
            }
            switch (name.ToLowerInvariant())
            {
                case "--urls":
                    if (!Uri.TryCreate(value.Split(';')[0], UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
                        throw new ArgumentException($"--urls must be an http URL such as http://127.0.0.1:0, got '{value}'.");
                    options.Urls = value;
                    break;
                case "--seed":
                    options.Seed = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed)
                        ? seed : throw new ArgumentException($"--seed must be an integer, got '{value}'.");
                    break;
                case "--issues":
                    options.Issues = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int issues) && issues <= 10_000_000
                        ? issues : throw new ArgumentException($"--issues must be a whole number from 0 to 10000000, got '{value}'.");
                    break;
                case "--deployment":
                    options.Deployment = Enum.TryParse<Deployment>(value, ignoreCase: true, out var deployment) && Enum.IsDefined(deployment)
                        ? deployment : throw new ArgumentException($"--deployment must be Cloud or DataCenter, got '{value}'.");
                    break;
                case "--rate-limit":
                    options.RateLimitPerSecond = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double rate) && rate > 0
                        ? rate : throw new ArgumentException($"--rate-limit must be a positive number of requests per second, got '{value}'.");
                    break;
                case "--rate-limit-burst":
                    options.RateLimitBurst = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int burst) && burst > 0
                        ? burst : throw new ArgumentException($"--rate-limit-burst must be a positive whole number, got '{value}'.");
                    break;
                case "--worklog-feed-lag":
                    options.WorklogFeedLag = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int lag)
                        ? TimeSpan.FromSeconds(lag) : throw new ArgumentException($"--worklog-feed-lag must be a whole number of seconds, got '{value}'.");
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{name}'.");
            }
        }
        return options;
    }
}
