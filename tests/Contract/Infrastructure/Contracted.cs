using JiraConnector.Tests.Contract.OpenApi;

namespace JiraConnector.Tests.Contract.Infrastructure;

/// <summary>
/// Sends a request for a named spec operation and checks both sides: the request body against the
/// operation's requestBody schema (so the test speaks the spec), and the response status and body
/// against the operation's response schema for that status. The spec is the platform API's unless another is given
/// (OpenApiDocument.Agile for /rest/agile/1.0).
/// </summary>
public static class Contracted
{
    public static Task<Reply> CallAsync(this JiraClient client, string operationId, string method, string path, string? body, int expectedStatus) =>
        client.CallAsync(OpenApiDocument.Instance, operationId, method, path, body, expectedStatus);

    public static async Task<Reply> CallAsync(this JiraClient client, OpenApiDocument spec, string operationId, string method, string path, string? body,
        int expectedStatus)
    {
        var (_, specMethod, _) = spec.Operation(operationId);
        Assert.Equal(specMethod, method);
        if (body is not null && spec.RequestSchema(operationId) is not null)
            ContractAssert.RequestMatches(operationId, body, spec);
        var reply = await client.SendAsync(method, path, body);
        Assert.True(reply.Status == expectedStatus, $"{operationId} {method} {path}: expected {expectedStatus}, got {reply.Status}: {reply.Body}");
        if (reply.Body.Length > 0) ContractAssert.ResponseMatches(operationId, reply.Status, reply.Body, spec);
        return reply;
    }

    /// <summary>
    /// The same for a request whose body is not JSON (multipart uploads) or that needs extra headers: the spec
    /// describes such bodies as files, so only the response is validated.
    /// </summary>
    public static async Task<Reply> CallAsync(this JiraClient client, string operationId, string method, string path, HttpContent? content,
        int expectedStatus, IReadOnlyDictionary<string, string>? headers)
    {
        var (_, specMethod, _) = OpenApiDocument.Instance.Operation(operationId);
        Assert.Equal(specMethod, method);
        var reply = await client.SendAsync(method, path, content, headers);
        Assert.True(reply.Status == expectedStatus, $"{operationId} {method} {path}: expected {expectedStatus}, got {reply.Status}: {reply.Body}");
        if (reply.Body.Length > 0 && (reply.Headers.GetValueOrDefault("Content-Type") ?? "").StartsWith("application/json", StringComparison.Ordinal))
            ContractAssert.ResponseMatches(operationId, reply.Status, reply.Body);
        return reply;
    }
}
