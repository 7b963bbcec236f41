using System.Text.Json;
using JiraConnector.Paging;
using JiraConnector.Resources;
using JiraConnector.Tests.Unit.Resources;
using JiraConnector.Tests.Unit.Support;
using JiraEmulator;
using JiraEmulator.Faults;

namespace JiraConnector.Tests.Unit.Paging;

/// <summary>5,000 issues, so a Cloud read makes 50 bulkfetch requests.</summary>
public sealed class Cloud5kEmulator : EmulatorFixture
{
    protected override EmulatorOptions Options { get; } = new() { Deployment = Deployment.Cloud, Issues = 5000, Seed = 3 };
}

/// <summary>A parallel read backs off when Jira answers 429, as the emulator's request log shows:
/// requests overlap up to the limit before it, no more than half as many overlap right after it,
/// and more again later in the read.</summary>
public sealed class ParallelBackoffTests(Cloud5kEmulator cloud, DataCenterEmulator dataCenter)
    : IClassFixture<Cloud5kEmulator>, IClassFixture<DataCenterEmulator>, IDisposable
{
    private readonly ModuleHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("cloud", "/issue/bulkfetch", 50, 800)]
    [InlineData("dc", "/search", 10, 300)]
    public async Task Concurrency_falls_on_a_429_and_climbs_back_later(string name, string path, int pageSize, int readBefore429)
    {
        EmulatorFixture emulator = name == "cloud" ? cloud : dataCenter;
        var instance = ConnectedInstance.Connect(_host, emulator, name);
        emulator.Server.Faults.Clear();
        emulator.Server.Faults.Add(new FaultRule { LatencyMs = 40, PathContains = "/rest/" });
        emulator.Server.Requests.Clear();
        var options = new ReadOptions { Jql = IncidentResources.AllIncidentsJql, PageSize = pageSize, Concurrency = 4 };
        var style = ResourceCatalog.Get("incidents").Paging(instance, options);
        var reader = style.CreateReader(instance.Client, null);

        var read = 0;
        await foreach (var _ in reader.ReadAsync(PageCursor.Start(style), TestContext.Current.CancellationToken))
        {
            // Well into the read, at full concurrency: the next request of this kind gets a 429.
            if (++read == readBefore429) emulator.Server.Faults.Add(new FaultRule { Status = 429, RetryAfterSeconds = 1, Count = 1, PathContains = path });
        }

        Assert.Equal(name == "cloud" ? 5000 : 1000, read);
        var log = emulator.Server.Requests.Entries.Where(r => r.Path.Contains("/search") || r.Path.Contains("/bulkfetch")).OrderBy(r => r.Started).ToList();
        var refused = log.Single(r => r.Status == 429);
        var before = log.Where(r => r.Ended <= refused.Started).TakeLast(8).ToList();
        var after = log.Where(r => r.Started > refused.Ended).ToList();
        Assert.Equal(8, before.Count);
        Assert.InRange(before.Max(r => r.InFlight), 3, 4);
        // Up to three requests sent before the 429 was seen may still arrive after it; the ones sent after it
        // hold at most half the slots until a run of calm answers has raised the limit again.
        Assert.All(after.Skip(3).Take(5), r => Assert.InRange(r.InFlight, 1, 2));
        Assert.InRange(after.Skip(20).Max(r => r.InFlight), 3, 4);
    }
}
