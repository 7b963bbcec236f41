using System.Globalization;
using JiraConnector.Tests.Contract.Infrastructure;
using JiraEmulator;

namespace JiraConnector.Tests.Contract;

/// <summary>
/// The token bucket (--rate-limit) with the headers the contract notes give each deployment: what a client's
/// concurrency control reads to slow down before the 429s (BehaviourTests covers the 429 itself).
/// </summary>
public sealed class RateLimitTests
{
    /// <summary>A refill so slow that no token comes back while the test runs.</summary>
    private const double Trickle = 0.001;

    [Fact]
    public async Task Cloud_counts_down_X_RateLimit_Remaining_and_says_X_RateLimit_NearLimit_once_under_20_percent_is_left()
    {
        await using var jira = await EmulatorServer.StartAsync(new EmulatorOptions { Issues = 6, RateLimitPerSecond = Trickle, RateLimitBurst = 10 }, TestContext.Current.CancellationToken);
        var client = new JiraClient(jira.BaseUrl, JiraClient.Basic("admin@example.com", "emu-token-admin"));
        var replies = new List<Reply>();
        for (int i = 0; i < 11; i++) replies.Add(await client.GetAsync("rest/api/3/myself"));

        Assert.Equal([.. Enumerable.Repeat(200, 10), 429], replies.Select(r => r.Status).ToArray());
        Assert.All(replies, r => Assert.Equal("10", r.Headers["X-RateLimit-Limit"]));
        Assert.Equal(["9", "8", "7", "6", "5", "4", "3", "2", "1", "0", "0"], replies.Select(r => r.Headers["X-RateLimit-Remaining"]).ToArray());
        // Near the limit means less than 20% of the budget left: 1 or 0 of 10, not 2.
        Assert.Equal([.. Enumerable.Repeat(false, 8), true, true, true], replies.Select(r => r.Headers.GetValueOrDefault("X-RateLimit-NearLimit") == "true").ToArray());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\dZ$", replies[^1].Headers["X-RateLimit-Reset"]);
        Assert.DoesNotContain(replies, r => r.Headers.ContainsKey("X-RateLimit-FillRate"));
    }

    [Fact]
    public async Task Data_Center_sends_its_bucket_headers_on_every_response_with_Retry_After_0_while_tokens_remain()
    {
        await using var jira = await EmulatorServer.StartAsync(new EmulatorOptions { Issues = 6, Deployment = Deployment.DataCenter, RateLimitPerSecond = Trickle, RateLimitBurst = 3 }, TestContext.Current.CancellationToken);
        var client = new JiraClient(jira.BaseUrl, JiraClient.Basic("admin", "admin-password"));
        var replies = new List<Reply>();
        for (int i = 0; i < 4; i++) replies.Add(await client.GetAsync("rest/api/2/myself"));

        Assert.Equal([200, 200, 200, 429], replies.Select(r => r.Status).ToArray());
        Assert.All(replies, r =>
        {
            Assert.Equal("3", r.Headers["X-RateLimit-Limit"]);
            Assert.Equal("1", r.Headers["X-RateLimit-Interval-Seconds"]);
            Assert.Equal(Trickle.ToString(CultureInfo.InvariantCulture), r.Headers["X-RateLimit-FillRate"]);
            Assert.False(r.Headers.ContainsKey("X-RateLimit-NearLimit"));
            Assert.False(r.Headers.ContainsKey("RateLimit-Reason"));
        });
        Assert.Equal(["2", "1", "0", "0"], replies.Select(r => r.Headers["X-RateLimit-Remaining"]).ToArray());
        Assert.Equal(["0", "0", "0"], replies.Take(3).Select(r => r.Headers["Retry-After"]).ToArray());
        Assert.True(int.Parse(replies[^1].Headers["Retry-After"], CultureInfo.InvariantCulture) >= 1);
        Assert.NotNull(replies[^1].Json["errorMessages"]);
    }
}
