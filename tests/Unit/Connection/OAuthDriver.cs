using System.Collections.Concurrent;
using System.Management.Automation;
using System.Text.RegularExpressions;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Connection;

/// <summary>Plays the user's browser in OAuth tests: runs Connect-JiraInstance -NoBrowser, reads
/// the sign-in address from the information stream, and follows it (the emulator consents at once and
/// redirects to the module's loopback listener).</summary>
internal sealed partial class OAuthDriver(ModuleHost host, EmulatorFixture emulator, string cacheFolder)
{
    public const string ClientId = "emu-client-id";
    public const string ClientSecret = "emu-client-secret";

    /// <summary>What one Connect-JiraInstance wrote, stream by stream.</summary>
    public sealed record Outcome(IReadOnlyList<PSObject> Output, IReadOnlyList<string> SignInMessages, IReadOnlyList<string> Warnings, IReadOnlyList<ErrorRecord> Errors,
        IReadOnlyList<string> AllText, Exception? Thrown, Uri? AuthorizeUrl)
    {
        /// <summary>The failure, whether it stopped the script or went to the error stream.</summary>
        public ErrorRecord? Error => (Thrown as IContainsErrorRecord)?.ErrorRecord ?? Errors.FirstOrDefault();
    }

    /// <summary>How the test answers the sign-in address: by default it follows it like a browser.</summary>
    public Func<Uri, Task> Browser { get; set; } = FollowAsync;

    public Outcome Connect(string extra = "", string? siteUrl = null, int signInTimeoutSec = 20)
    {
        using var shell = host.Create(
            "Connect-JiraInstance -SiteUrl $site -ClientId $clientId -ClientSecret (ConvertTo-SecureString $clientSecret -AsPlainText -Force) " +
            "-AuthorizationServer $server -ApiGateway $server -TokenCachePath $cache -NoBrowser -SignInTimeoutSec $timeout " + extra,
            new Dictionary<string, object?>
            {
                ["site"] = siteUrl ?? emulator.BaseUrl.ToString(),
                ["server"] = emulator.BaseUrl,
                ["clientId"] = ClientId,
                ["clientSecret"] = ClientSecret,
                ["cache"] = cacheFolder,
                ["timeout"] = signInTimeoutSec,
            });
        Uri? authorize = null;
        Task? browsing = null;
        shell.Streams.Information.DataAdded += (_, e) =>
        {
            var match = AddressPattern().Match(shell.Streams.Information[e.Index].MessageData?.ToString() ?? string.Empty);
            if (!match.Success) return;
            authorize = new Uri(match.Value);
            browsing = Task.Run(() => Browser(authorize));
        };
        IReadOnlyList<PSObject> output = [];
        Exception? thrown = null;
        try
        {
            output = shell.Invoke();
        }
        catch (RuntimeException ex)
        {
            thrown = ex;
        }
        browsing?.Wait(TimeSpan.FromSeconds(20));
        return new Outcome(output, shell.Streams.Information.Select(i => i.MessageData?.ToString() ?? string.Empty).ToList(),
            shell.Streams.Warning.Select(w => w.Message).ToList(), shell.Streams.Error.ToList(),
            StreamText.Of(shell, output, thrown), thrown, authorize);
    }

    /// <summary>Follows the authorize URL and its redirect to the callback, as a browser would.</summary>
    public static async Task FollowAsync(Uri authorize)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true });
        using var response = await http.GetAsync(authorize);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex AddressPattern();
}
