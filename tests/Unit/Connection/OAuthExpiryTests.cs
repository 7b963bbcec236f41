using System.Text.Json;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Connection;

/// <summary>Access tokens that expire (two seconds here) are renewed before use, with no 401, and
/// every renewal leaves the newest refresh token in the cache.</summary>
public sealed class OAuthExpiryTests(ShortLivedTokenEmulator emulator) : IClassFixture<ShortLivedTokenEmulator>, IAsyncLifetime
{
    private readonly ModuleHost _host = new();
    private readonly EmulatorAdmin _admin = new(emulator.BaseUrl);
    private readonly string _cache = Directory.CreateTempSubdirectory("jira-tokens-").FullName;

    public async ValueTask InitializeAsync() => await _admin.ClearAsync();

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        _admin.Dispose();
        Directory.Delete(_cache, recursive: true);
        return ValueTask.CompletedTask;
    }

    private string CachedRefreshToken() =>
        JsonDocument.Parse(File.ReadAllText(Assert.Single(Directory.GetFiles(_cache, "*.json")))).RootElement.GetProperty("refreshToken").GetString()!;

    [Fact]
    public async Task An_expiring_access_token_is_renewed_before_the_request_and_the_cache_gets_the_newest_refresh_token()
    {
        Assert.Null(new OAuthDriver(_host, emulator, _cache).Connect("-Name oauth").Error);
        var tokens = new List<string> { CachedRefreshToken() };

        for (var round = 0; round < 2; round++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2.2), TestContext.Current.CancellationToken);
            await _admin.ClearAsync();

            Assert.Single(_host.Run("Get-JiraObject projects -Instance oauth -First 1"));

            var log = await _admin.RequestsAsync();
            Assert.Equal(["/oauth/token", "200"], [log[0].Path, log[0].Status.ToString()]);
            Assert.DoesNotContain(log, r => r.Status == 401);
            tokens.Add(CachedRefreshToken());
        }

        // Each renewal rotated the refresh token, and the cache always held the latest one.
        Assert.Equal(3, tokens.Distinct().Count());
        using var newSession = new ModuleHost();
        await _admin.ClearAsync();
        Assert.Null(new OAuthDriver(newSession, emulator, _cache).Connect("-Name again").Error);
        Assert.DoesNotContain(await _admin.RequestsAsync(), r => r.Path == "/authorize");
    }
}
