using JiraConnector.Tests.Contract.Infrastructure;
using JiraEmulator;
using JiraEmulator.Faults;

namespace JiraConnector.Tests.Contract;

/// <summary>X-Emulator-Fault: a fault for the one request that carries the header, in place of the shared plan.</summary>
public sealed class FaultHeaderTests
{
    private static Dictionary<string, string> Fault(string value) => new() { [FaultHeader.Name] = value };

    [Fact]
    public async Task Status_with_retryAfter_answers_that_request_only_and_leaves_the_plan_alone()
    {
        await using var jira = await EmulatorServer.StartAsync(new EmulatorOptions { Issues = 12 }, TestContext.Current.CancellationToken);
        var client = new JiraClient(jira.BaseUrl, JiraClient.Basic("admin@example.com", "emu-token-admin"));
        jira.Faults.Add(new FaultRule { Status = 503, Count = 1, PathContains = "/serverInfo" });

        var limited = await client.SendAsync("GET", "rest/api/3/myself", body: null, Fault("status=429;retryAfter=2"));
        Assert.Equal(429, limited.Status);
        Assert.Equal("2", limited.Headers["Retry-After"]);
        Assert.Equal("jira-burst-based", limited.Headers["RateLimit-Reason"]);
        Assert.NotNull(limited.Json["errorMessages"]);
        Assert.Equal(200, (await client.GetAsync("rest/api/3/myself")).Status);

        // The header replaces the plan for its request: the plan's 503 is still waiting for the next serverInfo.
        Assert.Equal(200, (await client.SendAsync("GET", "rest/api/3/serverInfo", body: null, Fault("latency=1"))).Status);
        Assert.Equal(503, (await client.GetAsync("rest/api/3/serverInfo")).Status);
        Assert.Equal([429, 200, 200, 503], jira.Requests.Entries.Select(e => e.Status).ToArray());
    }

    [Fact]
    public async Task Drop_and_truncate_cut_the_connection_and_latency_delays_the_answer()
    {
        await using var jira = await EmulatorServer.StartAsync(new EmulatorOptions { Issues = 12 }, TestContext.Current.CancellationToken);
        var client = new JiraClient(jira.BaseUrl, JiraClient.Basic("admin@example.com", "emu-token-admin"));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.SendAsync("GET", "rest/api/3/myself", body: null, Fault("drop")));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.SendAsync("GET", "rest/api/3/search/jql?jql=project%3DOPS&fields=*all", body: null, Fault("truncate")));
        Assert.Equal(200, (await client.SendAsync("GET", "rest/api/3/myself", body: null, Fault("latency=50"))).Status);
        // A cut connection is logged when the server notices the abort, which may come after the
        // next request: wait for all three entries and do not rely on their order.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (jira.Requests.Entries.Count < 3 && DateTime.UtcNow < deadline) await Task.Delay(20, TestContext.Current.CancellationToken);
        var log = jira.Requests.Entries;
        Assert.Equal([0, 0, 200], log.Select(e => e.Status).Order().ToArray());
        // A lower bound only: the delay is there, however slow the machine.
        var answered = log.Single(e => e.Status == 200);
        Assert.True(answered.ElapsedMs >= 50, $"elapsed {answered.ElapsedMs} ms");
    }

    [Theory]
    [InlineData("explode", "unknown item 'explode'")]
    [InlineData("status=abc", "'status=abc' needs a whole number from 400 to 599")]
    [InlineData("latency=-5", "'latency=-5' needs a whole number")]
    [InlineData("drop;status=500", "exclude each other")]
    [InlineData("retryAfter=3", "retryAfter needs a status")]
    public async Task A_malformed_header_is_a_400_naming_the_bad_item(string header, string expected)
    {
        await using var jira = await EmulatorServer.StartAsync(new EmulatorOptions { Issues = 6 }, TestContext.Current.CancellationToken);
        var client = new JiraClient(jira.BaseUrl, JiraClient.Basic("admin@example.com", "emu-token-admin"));
        var reply = await client.SendAsync("GET", "rest/api/3/myself", body: null, Fault(header));
        Assert.Equal(400, reply.Status);
        Assert.Contains(expected, reply.Json["errorMessages"]![0]!.GetValue<string>());
        Assert.Contains("X-Emulator-Fault", reply.Body);
    }
}
