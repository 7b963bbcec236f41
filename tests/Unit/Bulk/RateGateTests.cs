using System.Net;
using JiraConnector.Bulk;
using JiraConnector.Http;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>A job's rate gate: Jira's rate-limit headers on a successful answer make every worker
/// of the job hold back before its next request; an answer without them does not.</summary>
public sealed class RateGateTests
{
    [Fact]
    public void An_answer_without_rate_limit_headers_lets_the_next_request_go_at_once()
    {
        var gate = new RateGate();
        using var answer = new HttpResponseMessage(HttpStatusCode.Created);
        answer.Headers.Add("X-RateLimit-Remaining", "12");

        gate.Observe(answer);

        Assert.True(gate.WaitAsync(TestContext.Current.CancellationToken).IsCompletedSuccessfully);
    }

    [Theory]
    [InlineData("X-RateLimit-NearLimit", "true")]
    [InlineData("X-RateLimit-Remaining", "0")]
    public async Task Cloud_near_limit_or_an_empty_bucket_holds_the_next_request_back(string header, string value)
    {
        var gate = new RateGate();
        using var answer = new HttpResponseMessage(HttpStatusCode.Created);
        answer.Headers.Add(header, value);

        gate.Observe(answer);
        using var stop = new CancellationTokenSource();
        var next = gate.WaitAsync(stop.Token);

        Assert.False(next.IsCompleted);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
    }
}
