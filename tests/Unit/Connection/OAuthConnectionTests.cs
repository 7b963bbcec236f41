using System.Management.Automation;
using System.Text.Json;
using JiraConnector.Connection.OAuth;
using JiraConnector.Http;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Connection;

/// <summary>OAuth 2.0 (3LO) end to end against the emulator, with the test as the browser:
/// sign-in, the site picked from accessible-resources, the token cache (owner-only, always the
/// newest refresh token), renewal on expiry and on a 401, and a reused refresh token.</summary>
public sealed class OAuthConnectionTests(CloudEmulator cloud) : IClassFixture<CloudEmulator>, IAsyncLifetime
{
    private const string CloudId = "11111111-2222-4333-8444-555555555555";
    private readonly ModuleHost _host = new();
    private readonly EmulatorAdmin _admin = new(cloud.BaseUrl);
    private readonly string _cache = Directory.CreateTempSubdirectory("jira-tokens-").FullName;

    public async ValueTask InitializeAsync() => await _admin.ClearAsync();

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        _admin.Dispose();
        Directory.Delete(_cache, recursive: true);
        return ValueTask.CompletedTask;
    }

    private OAuthDriver Driver(ModuleHost? host = null) => new(host ?? _host, cloud, _cache);

    private string CacheFile => Assert.Single(Directory.GetFiles(_cache, "*.json"));

    private string CachedRefreshToken() => JsonDocument.Parse(File.ReadAllText(CacheFile)).RootElement.GetProperty("refreshToken").GetString()!;

    private OAuthAuthenticator Authenticator(string name = "oauth") =>
        (OAuthAuthenticator)((JiraInstance)_host.Run($"Get-JiraInstance {name}").Single().BaseObject).Client.Authenticator;

    [Fact]
    public async Task Sign_in_runs_end_to_end_without_a_browser_and_calls_Jira_through_the_gateway()
    {
        var outcome = Driver().Connect("-Name oauth -PassThru");

        Assert.Null(outcome.Error);
        var instance = (JiraInstance)Assert.Single(outcome.Output).BaseObject;
        Assert.Equal(JiraAuthType.OAuth2, instance.AuthType);
        Assert.Equal(JiraDeployment.Cloud, instance.Deployment);
        Assert.Equal("admin@example.com", instance.User);
        Assert.Equal(cloud.BaseUrl, instance.Url);
        // The address went to the information stream (shown like Write-Host), never to the output.
        Assert.Contains(outcome.SignInMessages, m => m.Contains("/authorize?", StringComparison.Ordinal));
        Assert.Empty(outcome.Warnings);
        Assert.Contains("state=", outcome.AuthorizeUrl!.Query);
        Assert.Contains("offline_access", Uri.UnescapeDataString(outcome.AuthorizeUrl.Query));

        var log = await _admin.RequestsAsync();
        Assert.Equal("/authorize", log[0].Path);
        Assert.Contains(log, r => r is { Method: "POST", Path: "/oauth/token", Status: 200 });
        Assert.Contains(log, r => r is { Path: "/oauth/token/accessible-resources", Status: 200 });
        var myself = Assert.Single(log, r => r.Path.EndsWith("/myself", StringComparison.Ordinal));
        Assert.Equal($"/ex/jira/{CloudId}/rest/api/3/myself", myself.Path);
        Assert.Equal("OAuth", myself.AuthScheme);

        var projects = _host.Run("Get-JiraObject projects -Instance oauth");
        Assert.NotEmpty(projects);
    }

    [Fact]
    public void A_shared_TokenCachePath_keeps_its_permissions_and_holds_an_owner_only_folder_of_ours()
    {
        if (OperatingSystem.IsWindows()) return; // Unix modes
        var shared = UnixFileMode.StickyBit | (UnixFileMode)0x1FF; // 1777, like /tmp
        File.SetUnixFileMode(_cache, shared);

        Assert.Null(Driver().Connect("-Name oauth").Error);

        Assert.Equal(shared, File.GetUnixFileMode(_cache));
        Assert.Empty(Directory.GetFiles(_cache));
        var own = Assert.Single(Directory.GetDirectories(_cache));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(own));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Assert.Single(Directory.GetFiles(own, "*.json"))));
        // The next session finds the sign-in there.
        using var newSession = new ModuleHost();
        var again = Driver(newSession).Connect("-Name again");
        Assert.Null(again.Error);
        Assert.Null(again.AuthorizeUrl);
    }

    [Fact]
    public void The_token_cache_holds_the_refresh_token_readable_only_by_its_owner()
    {
        Driver().Connect("-Name oauth");

        var text = File.ReadAllText(CacheFile);
        Assert.False(string.IsNullOrEmpty(CachedRefreshToken()));
        Assert.DoesNotContain(OAuthDriver.ClientSecret, text);
        Assert.DoesNotContain(Authenticator().AccessTokenForTest, text);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(CacheFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_cache));
        }
        // No temporary file is left behind by the atomic replace.
        Assert.Empty(Directory.GetFiles(_cache, "*.tmp"));
    }

    [Fact]
    public async Task A_new_session_reconnects_from_the_cache_without_a_browser()
    {
        Driver().Connect("-Name oauth");
        var first = CachedRefreshToken();
        await _admin.ClearAsync();

        using var newSession = new ModuleHost();
        var outcome = Driver(newSession).Connect("-Name again -PassThru");

        Assert.Null(outcome.Error);
        Assert.Null(outcome.AuthorizeUrl);
        Assert.Empty(outcome.SignInMessages);
        Assert.Equal(JiraAuthType.OAuth2, ((JiraInstance)Assert.Single(outcome.Output).BaseObject).AuthType);
        var log = await _admin.RequestsAsync();
        Assert.DoesNotContain(log, r => r.Path == "/authorize");
        // The cached refresh token was spent and replaced by the rotated one.
        Assert.NotEqual(first, CachedRefreshToken());
    }

    [Fact]
    public async Task A_401_renews_the_access_token_once_and_repeats_the_request()
    {
        Driver().Connect("-Name oauth");
        var before = CachedRefreshToken();
        Authenticator().ReplaceAccessTokenForTest("revoked-access-token");
        await _admin.ClearAsync();

        var projects = _host.Run("Get-JiraObject projects -Instance oauth -First 1");

        Assert.Single(projects);
        var log = await _admin.RequestsAsync();
        Assert.Equal([401, 200, 200], log.Select(r => r.Status));
        Assert.Equal("/oauth/token", log[1].Path);
        Assert.NotEqual(before, CachedRefreshToken());
    }

    [Fact]
    public async Task A_reused_refresh_token_gives_an_error_that_says_to_connect_again()
    {
        Driver().Connect("-Name oauth");
        var stale = File.ReadAllText(CacheFile);
        Authenticator().ReplaceAccessTokenForTest("revoked-access-token");
        _host.Run("Get-JiraObject projects -Instance oauth -First 1");
        // Another session still holds the older refresh token (a copied profile, a restored backup).
        File.WriteAllText(CacheFile, stale);
        await _admin.ClearAsync();

        using var other = new ModuleHost();
        var outcome = Driver(other).Connect("-Name again");

        var error = Assert.IsType<ErrorRecord>(outcome.Error);
        Assert.Equal("JiraOAuthRefreshTokenRejected,JiraConnector.Cmdlets.ConnectJiraInstanceCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("Run Connect-JiraInstance again", error.Exception.Message);
        Assert.Equal(403, ((JiraApiException)error.Exception).StatusCode);
        Assert.Empty(Directory.GetFiles(_cache, "*.json"));
        // Atlassian revokes the whole family on reuse: the first session's sign-in has ended too.
        Authenticator().ReplaceAccessTokenForTest("revoked-again");
        var failure = Assert.Throws<RuntimeException>(() => _host.Run("Get-JiraObject projects -Instance oauth -First 1 -ErrorAction Stop"));
        Assert.Equal("JiraOAuthRefreshTokenRejected", ((JiraApiException)failure.InnerException!).ErrorId);
    }

    [Fact]
    public void A_site_the_sign_in_cannot_reach_is_named_with_the_sites_it_can()
    {
        var outcome = Driver().Connect("-Name other", siteUrl: "https://other-site.atlassian.net");

        var error = Assert.IsType<ErrorRecord>(outcome.Error);
        Assert.Equal("JiraOAuthSiteNotFound,JiraConnector.Cmdlets.ConnectJiraInstanceCommand", error.FullyQualifiedErrorId);
        Assert.Contains("https://other-site.atlassian.net", error.Exception.Message);
        Assert.Contains(cloud.BaseUrl.Authority, error.Exception.Message);
    }

    [Fact]
    public void A_callback_with_another_state_is_refused()
    {
        var driver = Driver();
        driver.Browser = async authorize =>
        {
            var query = System.Web.HttpUtility.ParseQueryString(authorize.Query);
            using var http = new HttpClient();
            await http.GetAsync($"{query["redirect_uri"]}?code=forged&state=not-the-state");
        };

        var outcome = driver.Connect("-Name forged");

        var error = Assert.IsType<ErrorRecord>(outcome.Error);
        Assert.Equal("JiraOAuthStateMismatch,JiraConnector.Cmdlets.ConnectJiraInstanceCommand", error.FullyQualifiedErrorId);
        Assert.Empty(Directory.GetFiles(_cache, "*.json"));
    }

    [Fact]
    public void A_sign_in_that_never_comes_back_times_out_clearly()
    {
        var driver = Driver();
        driver.Browser = _ => Task.CompletedTask;

        var outcome = driver.Connect("-Name idle", signInTimeoutSec: 5);

        var error = Assert.IsType<ErrorRecord>(outcome.Error);
        Assert.Equal("JiraOAuthSignInTimedOut,JiraConnector.Cmdlets.ConnectJiraInstanceCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void A_non_loopback_callback_url_is_refused_before_anything_is_sent()
    {
        var outcome = Driver().Connect("-Name cb -CallbackUrl https://app.example.com/callback");

        var error = Assert.IsType<ErrorRecord>(outcome.Error);
        Assert.Equal("InvalidConnectionParameter,JiraConnector.Cmdlets.ConnectJiraInstanceCommand", error.FullyQualifiedErrorId);
        Assert.Contains("loopback", error.Exception.Message);
    }

    [Fact]
    public void A_given_callback_url_is_listened_on_and_sent_as_redirect_uri()
    {
        var port = FreePort();
        var outcome = Driver().Connect($"-Name cb -CallbackUrl http://localhost:{port}/jira-callback");

        Assert.Null(outcome.Error);
        var query = System.Web.HttpUtility.ParseQueryString(outcome.AuthorizeUrl!.Query);
        Assert.Equal($"http://localhost:{port}/jira-callback", query["redirect_uri"]);
    }

    [Fact]
    public void Disconnect_keeps_the_cached_sign_in_and_Forget_removes_it()
    {
        Driver().Connect("-Name oauth");
        _host.Run("Disconnect-JiraInstance oauth -Confirm:$false");
        Assert.Single(Directory.GetFiles(_cache, "*.json"));

        Driver().Connect("-Name oauth");
        _host.Run("Disconnect-JiraInstance oauth -Forget -Confirm:$false");

        Assert.Empty(Directory.GetFiles(_cache, "*.json"));
        Assert.Empty(_host.Run("Get-JiraInstance"));
    }

    [Fact]
    public void The_oauth_seed_sample_connects_as_printed_once_filled()
    {
        var path = Path.Combine(_cache, "..", Path.GetFileName(_cache) + "-oauth.json");
        File.WriteAllText(path, SeedSamples.Fill(SeedSamples.OAuth, new Dictionary<string, string>
        {
            ["[myApiKey]"] = OAuthDriver.ClientId, ["[myApiSecret]"] = OAuthDriver.ClientSecret, ["[mySiteURL]"] = cloud.BaseUrl.ToString(),
        }));
        try
        {
            using var shell = _host.Create(
                "Connect-JiraInstance -ConfigurationFile $path -Name sample -AuthorizationServer $server -ApiGateway $server -TokenCachePath $cache -NoBrowser -PassThru",
                new Dictionary<string, object?> { ["path"] = path, ["server"] = cloud.BaseUrl, ["cache"] = _cache });
            shell.Streams.Information.DataAdded += (_, e) =>
            {
                var message = shell.Streams.Information[e.Index].MessageData.ToString()!;
                Task.Run(() => OAuthDriver.FollowAsync(new Uri(message[message.IndexOf("http", StringComparison.Ordinal)..])));
            };

            var instance = (JiraInstance)Assert.Single(shell.Invoke()).BaseObject;

            Assert.Equal(JiraAuthType.OAuth2, instance.AuthType);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static int FreePort()
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
