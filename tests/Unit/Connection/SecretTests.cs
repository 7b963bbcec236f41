using System.Management.Automation;
using System.Text;
using JiraConnector.Connection.OAuth;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Connection;

/// <summary>No password, API token, personal access token, OAuth access or refresh token, client
/// secret or signature key appears in any of the six streams, in -Verbose or -Debug text, in error
/// messages, or in Get-JiraInstance output, for every connection cmdlet and form.</summary>
public sealed class SecretTests(CloudEmulator cloud, DataCenterEmulator dataCenter)
    : IClassFixture<CloudEmulator>, IClassFixture<DataCenterEmulator>, IAsyncLifetime
{
    private const string SignatureKey = "SIGNATURE-KEY-0123456789";
    private const string ProxyPassword = "PROXY-PASSWORD-9876";
    private readonly ModuleHost _host = new();
    private readonly EmulatorAdmin _admin = new(cloud.BaseUrl);
    private readonly string _cache = Directory.CreateTempSubdirectory("jira-tokens-").FullName;
    private readonly List<string> _text = [];

    public async ValueTask InitializeAsync() => await _admin.ClearAsync();

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        _admin.Dispose();
        Directory.Delete(_cache, recursive: true);
        return ValueTask.CompletedTask;
    }

    private void Run(string script)
    {
        using var shell = _host.Create(script, new Dictionary<string, object?>
        {
            ["cloud"] = cloud.BaseUrl.ToString(),
            ["dc"] = dataCenter.BaseUrl.ToString(),
            ["signatureKey"] = SignatureKey,
            ["proxyPassword"] = ProxyPassword,
        });
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
        _text.AddRange(StreamText.Of(shell, output, thrown));
    }

    [Fact]
    public async Task No_secret_reaches_any_stream_error_or_view_of_any_connection_cmdlet()
    {
        // Faults make the retry, error and circuit paths write their text too.
        await _admin.AddFaultAsync(new { status = 429, retryAfterSeconds = 0, count = 1, pathContains = "/serverInfo" });
        await _admin.AddFaultAsync(new { status = 503, count = 1, pathContains = "/myself" });

        Run("""
            $cred = [pscredential]::new('admin@example.com', (ConvertTo-SecureString 'emu-token-admin' -AsPlainText -Force))
            Connect-JiraInstance -Url $cloud -Credential $cred -Name basic -PassThru -Verbose -Debug
            """);
        Run("Connect-JiraInstance -Url $dc -PersonalAccessToken (ConvertTo-SecureString 'emu-pat-admin' -AsPlainText -Force) -Name pat -PassThru -Verbose -Debug");
        Run("""
            Connect-JiraInstance -Name config -PassThru -Verbose -Debug -NoProxy -Configuration @{
                'jira.username' = 'admin'; 'jira.password' = 'admin-password'; 'jira.api.url' = $dc
                'event.notification.enabled' = 'true'; 'event.notification.callback.url' = 'https://hooks.example.com/'
                'event.notification.signature.key' = $signatureKey }
            """);
        var oauth = new OAuthDriver(_host, cloud, _cache).Connect("-Name oauth -PassThru -Verbose -Debug");
        Assert.Null(oauth.Error);
        _text.AddRange(oauth.AllText);
        var authenticator = (OAuthAuthenticator)((JiraInstance)_host.Run("Get-JiraInstance oauth").Single().BaseObject).Client.Authenticator;
        var firstAccessToken = authenticator.AccessTokenForTest;
        var firstRefreshToken = File.ReadAllText(Directory.GetFiles(_cache, "*.json").Single());
        authenticator.ReplaceAccessTokenForTest("revoked-access-token");
        Run("Get-JiraObject projects -Instance oauth -First 1 -Verbose -Debug");
        var secondAccessToken = authenticator.AccessTokenForTest;

        // Failures: wrong secrets, wrong client secret, bad configuration values.
        Run("Connect-JiraInstance -Url $cloud -Credential ([pscredential]::new('admin@example.com', (ConvertTo-SecureString 'WRONG-emu-token-admin' -AsPlainText -Force))) -Verbose -Debug");
        Run("Connect-JiraInstance -Url $dc -PersonalAccessToken (ConvertTo-SecureString 'WRONG-emu-pat-admin' -AsPlainText -Force) -Verbose -Debug");
        Run("Connect-JiraInstance -Configuration @{ username = 'u'; password = 'admin-password'; 'base.url' = 'notaurl' } -Verbose -Debug");
        Run("Connect-JiraInstance -Configuration @{ username = 'u'; password = 'admin-password'; 'base.url' = $dc; 'event.notification.signature.key' = $signatureKey; 'event.vendor.type' = 'x' } -Verbose -Debug");
        Run("Connect-JiraInstance -SiteUrl $cloud -ClientId emu-client-id -ClientSecret (ConvertTo-SecureString 'emu-client-secret' -AsPlainText -Force) -AuthorizationServer $cloud -ApiGateway $cloud -TokenCachePath ./nowhere -CallbackUrl https://remote.example.com/cb -Verbose -Debug");
        Run("""
            $proxyCred = [pscredential]::new('proxy-user', (ConvertTo-SecureString $proxyPassword -AsPlainText -Force))
            Connect-JiraInstance -Url https://jira.invalid -Credential ([pscredential]::new('u', (ConvertTo-SecureString 'admin-password' -AsPlainText -Force))) -Proxy http://127.0.0.1:9 -ProxyCredential $proxyCred -MaxRetries 0 -Verbose -Debug
            """);

        // Showing and disconnecting.
        Run("Get-JiraInstance -Verbose -Debug");
        Run("Get-JiraInstance | Format-List * -Force | Out-String -Width 500");
        Run("Get-JiraInstance | Format-Table -Property * | Out-String -Width 500");
        Run("Get-JiraInstance | ConvertTo-Json -Depth 5");
        Run("Get-JiraInstance | Select-Object -ExpandProperty Events | Format-List * -Force | Out-String");
        Run("Get-JiraInstance nosuch -Verbose -Debug");
        Run("Get-JiraObject projects -Instance basic -First 1 -Verbose -Debug");
        Run("Disconnect-JiraInstance -Name basic, pat, config, nosuch -Verbose -Debug -Confirm:$false");
        Run("Disconnect-JiraInstance -Name oauth -Forget -Verbose -Debug -Confirm:$false");

        var all = string.Join("\n", _text);
        // The test can fail only if the text is really there: requests, retries and debug headers were written.
        Assert.Matches(@"GET http://127\.0\.0\.1:\d+/rest/api/2/serverInfo -> 429 in \d+ ms", all);
        Assert.Matches(@"-> 200 in \d+ ms \(retry 1 of 4\)", all);
        Assert.Contains("Authorization: Basic ***", all);
        Assert.Contains("Authorization: Bearer ***", all);
        Assert.Contains("POST http://127.0.0.1", all);
        Assert.Contains("/oauth/token (refresh_token) -> 200", all);
        Assert.Contains("JiraAuthenticationFailed", string.Join("\n", _text));

        var refreshToken = System.Text.Json.JsonDocument.Parse(firstRefreshToken).RootElement.GetProperty("refreshToken").GetString()!;
        var secrets = new[]
        {
            "emu-token-admin", "emu-pat-admin", "admin-password", "emu-client-secret", SignatureKey, ProxyPassword,
            firstAccessToken, secondAccessToken, refreshToken,
            Convert.ToBase64String(Encoding.UTF8.GetBytes("admin@example.com:emu-token-admin")),
            Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:admin-password")),
            Convert.ToBase64String(Encoding.UTF8.GetBytes("proxy-user:" + ProxyPassword)),
        };
        foreach (var secret in secrets)
        {
            Assert.False(all.Contains(secret, StringComparison.Ordinal), $"A secret ({secret[..4]}...) appeared in the output:\n" +
                string.Join("\n", _text.Where(t => t.Contains(secret, StringComparison.Ordinal)).Take(3)));
        }
    }
}
