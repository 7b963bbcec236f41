using JiraConnector.Connection;
using JiraConnector.Http;
using JiraEmulator;

namespace JiraConnector.Tests.Unit.Support;

/// <summary>A loopback emulator of its own for one test class, so fault rules and the request log
/// of one class never leak into another that runs in parallel.</summary>
public abstract class EmulatorFixture : IAsyncLifetime
{
    public const string CloudUser = "admin@example.com";
    public const string CloudToken = "emu-token-admin";
    public const string DataCenterUser = "admin";
    public const string DataCenterPassword = "admin-password";

    private EmulatorServer? _server;

    protected abstract EmulatorOptions Options { get; }

    public EmulatorServer Server => _server ?? throw new InvalidOperationException("The emulator has not started.");

    public Uri BaseUrl => Server.BaseUrl;

    public async ValueTask InitializeAsync() => _server = await EmulatorServer.StartAsync(Options);

    public async ValueTask DisposeAsync()
    {
        if (_server != null) await _server.DisposeAsync();
    }

    /// <summary>A client with the seeded credentials and short delays, so retry tests stay quick.</summary>
    internal JiraHttpClient CreateClient(int maxRetries = 4, TimeSpan? attemptTimeout = null, string? secret = null)
    {
        var cloud = Options.Deployment == Deployment.Cloud;
        var auth = new BasicAuthenticator(cloud ? CloudUser : DataCenterUser, secret ?? (cloud ? CloudToken : DataCenterPassword));
        var settings = new JiraHttpSettings
        {
            MaxRetries = maxRetries,
            AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(30),
            BaseDelay = TimeSpan.FromMilliseconds(50),
        };
        return new JiraHttpClient(BaseUrl, auth, settings);
    }
}

public sealed class CloudEmulator : EmulatorFixture
{
    protected override EmulatorOptions Options { get; } = new() { Deployment = Deployment.Cloud, Issues = 1000, Seed = 1 };
}

public sealed class DataCenterEmulator : EmulatorFixture
{
    protected override EmulatorOptions Options { get; } = new() { Deployment = Deployment.DataCenter, Issues = 1000, Seed = 1 };
}
