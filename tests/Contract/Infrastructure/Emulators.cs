using JiraEmulator;

[assembly: AssemblyFixture(typeof(JiraConnector.Tests.Contract.Infrastructure.CloudJira))]
[assembly: AssemblyFixture(typeof(JiraConnector.Tests.Contract.Infrastructure.DataCenterJira))]
[assembly: AssemblyFixture(typeof(JiraConnector.Tests.Contract.Infrastructure.ReadOnlyCloudJira))]

namespace JiraConnector.Tests.Contract.Infrastructure;

/// <summary>One in-process emulator per deployment for the whole test run (started once: seeding is the slow part).</summary>
public abstract class EmulatorFixture(Deployment deployment) : IAsyncLifetime
{
    public const int SeededIssues = 300;

    public EmulatorServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Server = await EmulatorServer.StartAsync(new EmulatorOptions { Seed = 1, Issues = SeededIssues, Deployment = deployment });

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A client authenticated as the seeded alice (Basic): not an administrator, in jira-software-users only.</summary>
    public JiraClient AliceClient() =>
        new(Server.BaseUrl, deployment == Deployment.Cloud ? JiraClient.Basic("alice@example.com", "emu-token-alice") : JiraClient.Basic("alice", "alice-password"));

    /// <summary>A client authenticated as the seeded admin (Basic), or anonymous.</summary>
    public JiraClient Client(bool authenticated = true) =>
        new(Server.BaseUrl, !authenticated ? null
            : deployment == Deployment.Cloud ? JiraClient.Basic("admin@example.com", "emu-token-admin")
            : JiraClient.Basic("admin", "admin-password"));
}

public sealed class CloudJira() : EmulatorFixture(Deployment.Cloud);

public sealed class DataCenterJira() : EmulatorFixture(Deployment.DataCenter);

/// <summary>
/// A Cloud emulator that no test writes to. Test classes run in parallel, so counts and page walks that must
/// add up are made here, where no other test creates or deletes issues between two requests.
/// </summary>
public sealed class ReadOnlyCloudJira() : EmulatorFixture(Deployment.Cloud);
