using System.Globalization;
using JiraConnector.Tests.Contract.Infrastructure;
using JiraEmulator;
using JiraEmulator.Faults;

namespace JiraConnector.Tests.Contract;

/// <summary>
/// Latency faults delay each request on its own, so a client's concurrent requests overlap in the emulator as they
/// would on Jira; the request log shows it with each entry's start, end and in-flight count.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Requests = 8;

    /// <summary>
    /// Eight requests sent at once, two each asked to wait 800, 600, 400 and 200 ms, the longest sent first. Delayed
    /// each on its own they are all in the emulator together and answer in the order of their latencies, shortest
    /// first; served one at a time (one connection, or a lock around the delay) they would answer in the order they
    /// were taken in, longest first. Asserted on the order of the log's events, not on how long anything took.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Latency_delays_each_request_on_its_own_so_concurrent_requests_overlap_and_answer_shortest_first(bool header)
    {
        await using var jira = await EmulatorServer.StartAsync(new EmulatorOptions { Issues = 12 }, TestContext.Current.CancellationToken);
        var client = new JiraClient(jira.BaseUrl, JiraClient.Basic("admin@example.com", "emu-token-admin"));
        static int LatencyOf(int probe) => (Requests - probe + 1) / 2 * 200;
        if (!header)
        {
            for (int probe = 0; probe < Requests; probe++)
                jira.Faults.Add(new FaultRule { PathContains = $"probe={probe}", LatencyMs = LatencyOf(probe) });
        }
        // A first request compiles the pipeline, so the eight start their delays as they arrive.
        Assert.Equal(200, (await client.GetAsync("rest/api/3/myself")).Status);
        jira.Requests.Clear();

        var sent = Enumerable.Range(0, Requests).Select(probe => client.SendAsync("GET", $"rest/api/3/myself?probe={probe}", body: null,
            header ? new Dictionary<string, string> { [FaultHeader.Name] = $"latency={LatencyOf(probe)}" } : null)).ToList();
        Assert.All(await Task.WhenAll(sent), reply => Assert.Equal(200, reply.Status));

        // Read the log as a client test would, from the admin endpoint.
        var log = (await new JiraClient(jira.BaseUrl, null).GetAsync("__emulator/requests")).Json.AsArray()
            .Select(e => (
                Latency: LatencyOf(int.Parse(e!["query"]!.GetValue<string>()["?probe=".Length..], CultureInfo.InvariantCulture)),
                Started: e["started"]!.GetValue<DateTimeOffset>(),
                Ended: e["ended"]!.GetValue<DateTimeOffset>(),
                InFlight: e["inFlight"]!.GetValue<int>()))
            .ToList();

        Assert.Equal(Requests, log.Count);
        Assert.True(log.Max(e => e.Started) < log.Min(e => e.Ended), "every request arrived before the first was answered");
        Assert.Equal(Requests, log.Max(e => e.InFlight));
        var answered = log.OrderBy(e => e.Ended).Select(e => e.Latency).ToArray();
        Assert.Equal(answered.Order().ToArray(), answered);
    }

    [Fact]
    public async Task A_request_alone_is_logged_in_flight_by_itself_with_its_start_before_its_end()
    {
        await using var jira = await EmulatorServer.StartAsync(new EmulatorOptions { Issues = 12 }, TestContext.Current.CancellationToken);
        var client = new JiraClient(jira.BaseUrl, JiraClient.Basic("admin@example.com", "emu-token-admin"));
        Assert.Equal(200, (await client.GetAsync("rest/api/3/myself")).Status);
        Assert.Equal(200, (await client.GetAsync("rest/api/3/serverInfo")).Status);

        var log = jira.Requests.Entries;
        Assert.Equal([1, 1], log.Select(e => e.InFlight).ToArray());
        Assert.All(log, e => Assert.True(e.Started <= e.Ended));
        Assert.True(log[0].Ended <= log[1].Started, "the second request was sent after the first was answered");
    }

    /// <summary>
    /// An in-process rule's Hold keeps the matching request (and only it) unanswered until the test lets it go, so a
    /// test can change the data while one page of a read is not yet cut: the held request sees the change.
    /// </summary>
    [Fact]
    public async Task A_held_request_waits_for_its_release_while_others_are_answered_and_then_sees_the_data_as_it_is()
    {
        await using var jira = await EmulatorServer.StartAsync(new EmulatorOptions { Issues = 12 }, TestContext.Current.CancellationToken);
        var client = new JiraClient(jira.BaseUrl, JiraClient.Basic("admin@example.com", "emu-token-admin"));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        jira.Faults.Add(new FaultRule { PathContains = "issue/OPS-1?held", Count = 1, Hold = release.Task });

        var held = client.GetAsync("rest/api/3/issue/OPS-1?held=1&fields=summary");
        Assert.Equal(204, (await client.SendAsync("PUT", "rest/api/3/issue/OPS-1", "{\"fields\":{\"summary\":\"changed while held\"}}")).Status);
        Assert.False(held.IsCompleted, "the held request was answered before its release");
        release.SetResult();
        var reply = await held;

        Assert.Equal(200, reply.Status);
        Assert.Equal("changed while held", reply.Json["fields"]!["summary"]!.GetValue<string>());
        Assert.Empty(jira.Faults.Rules);
    }
}
