using System.Net;
using System.Net.Http;
using JiraConnector.Http;

namespace JiraConnector.Tests.Unit.Http;

/// <summary>The small readers behind error messages and backoff: they must never throw on odd input.</summary>
public sealed class ErrorParsingTests
{
    [Fact]
    public void Jira_error_collection_gives_messages_and_field_errors()
    {
        var body = JiraErrorBody.Parse("""{"errorMessages":["Field 'priority' is required"],"errors":{"summary":"You must specify a summary."}}""");

        Assert.Equal("Field 'priority' is required; summary: You must specify a summary.", body.ToString());
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("<html>Bad gateway</html>", "<html>Bad gateway</html>")]
    [InlineData("""{"error":"invalid_grant","error_description":"Unknown or invalid refresh token."}""", "Unknown or invalid refresh token.")]
    public void Odd_error_bodies_are_tolerated(string? body, string expected)
    {
        Assert.Equal(expected, JiraErrorBody.Parse(body).ToString());
    }

    [Fact]
    public void Retry_After_in_seconds_wins_over_the_reset_header()
    {
        using var response = new HttpResponseMessage((HttpStatusCode)429);
        response.Headers.TryAddWithoutValidation("Retry-After", "7");
        response.Headers.TryAddWithoutValidation("X-RateLimit-Reset", "2030-01-01T00:00Z");

        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfter.From(response, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void X_RateLimit_Reset_is_used_when_there_is_no_Retry_After()
    {
        var now = new DateTimeOffset(2026, 3, 26, 15, 59, 0, TimeSpan.Zero);
        using var response = new HttpResponseMessage((HttpStatusCode)429);
        response.Headers.TryAddWithoutValidation("X-RateLimit-Reset", "2026-03-26T16:00Z");

        Assert.Equal(TimeSpan.FromMinutes(1), RetryAfter.From(response, now));
    }

    [Fact]
    public void No_header_means_no_server_delay()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        Assert.Null(RetryAfter.From(response, DateTimeOffset.UtcNow));
    }

    [Theory]
    [InlineData("rest/api/3/search/jql?jql=a&nextPageToken=abc", "rest/api/3/search/jql?jql=a&nextPageToken=***")]
    [InlineData("callback?code=xyz&state=1", "callback?code=***&state=1")]
    [InlineData("rest/api/3/myself", "rest/api/3/myself")]
    [InlineData("x?client_secret=s3cr3t", "x?client_secret=***")]
    public void Secret_looking_query_values_are_redacted(string url, string expected)
    {
        Assert.Equal(expected, UrlRedactor.Redact(url));
    }

    [Theory]
    [InlineData(400, "JiraBadRequest")]
    [InlineData(401, "JiraAuthenticationFailed")]
    [InlineData(403, "JiraPermissionDenied")]
    [InlineData(404, "JiraNotFound")]
    [InlineData(429, "JiraRateLimited")]
    [InlineData(502, "JiraServerError")]
    [InlineData(418, "JiraRequestFailed")]
    public void Each_status_has_its_error_id(int status, string errorId)
    {
        Assert.Equal(errorId, JiraApiException.IdForStatus(status));
    }
}
