using JiraConnector.Tests.Unit.Support;
using JiraEmulator;

namespace JiraConnector.Tests.Unit.Connection;

/// <summary>A Cloud emulator whose OAuth access tokens live two seconds, so renewal on expiry can
/// be watched without waiting an hour.</summary>
public sealed class ShortLivedTokenEmulator : EmulatorFixture
{
    protected override EmulatorOptions Options { get; } = new()
    {
        Deployment = Deployment.Cloud, Issues = 50, Seed = 1, AccessTokenLifetime = TimeSpan.FromSeconds(2),
    };
}
