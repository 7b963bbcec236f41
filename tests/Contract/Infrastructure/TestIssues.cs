namespace JiraConnector.Tests.Contract.Infrastructure;

/// <summary>Issues a test makes for itself, so that it never depends on (or changes) what another test reads.</summary>
public static class TestIssues
{
    /// <summary>8 hex digits no other test (or run) has used.</summary>
    public static string UniqueSuffix() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>A name no other test (or run) has used: the prefix, a space and a unique suffix.</summary>
    public static string UniqueName(string prefix) => $"{prefix} {UniqueSuffix()}";

    /// <summary>Creates an issue through createIssue (its request and answer checked against the spec) and returns its key.
    /// <paramref name="api"/> "rest/api/2" is also Data Center's root: its plain-string fields suit both deployments.</summary>
    public static async Task<string> NewIssueAsync(this JiraClient client, string project = "OPS", string summary = "Contract test issue",
        string api = "rest/api/3", string extraFields = "")
    {
        string body = $$$"""{"fields":{"project":{"key":"{{{project}}}"},"issuetype":{"name":"Task"},"summary":"{{{summary}}}"{{{extraFields}}}}}""";
        var reply = api == "rest/api/3"
            ? await client.CallAsync("createIssue", "POST", $"{api}/issue", body, 201)
            : await client.SendAsync("POST", $"{api}/issue", body);
        Assert.True(reply.Status == 201, $"createIssue: {reply.Status} {reply.Body}");
        return reply.Json["key"]!.GetValue<string>();
    }
}
