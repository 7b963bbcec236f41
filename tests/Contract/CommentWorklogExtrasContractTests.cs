using System.Net;
using JiraConnector.Tests.Contract.Infrastructure;

namespace JiraConnector.Tests.Contract;

/// <summary>
/// Visibility and properties on comments and worklogs, comment expand=renderedBody, and expand=renderedFields on
/// issue get and the searches. Request bodies are checked against the spec's Comment and Worklog schemas.
/// </summary>
[Collection(CloudWriters.Name)]
public sealed class CommentWorklogExtrasContractTests(CloudJira cloud, DataCenterJira dataCenter, ReadOnlyCloudJira readOnly)
{
    private const string Api = "rest/api/3";

    private async Task<string> NewIssueAsync(JiraClient client, string api = Api)
    {
        var reply = await client.CallAsync("createIssue", "POST", $"{api}/issue",
            """{"fields":{"project":{"key":"MOB"},"issuetype":{"name":"Task"},"summary":"Extras contract test"}}""", 201);
        return reply.Json["key"]!.GetValue<string>();
    }

    [Fact]
    public async Task addComment_with_group_visibility_and_properties_getComment_renderedBody_updateComment_role_getComments()
    {
        var client = cloud.Client();
        string key = await NewIssueAsync(client);
        var added = await client.CallAsync("addComment", "POST", $"{Api}/issue/{key}/comment?expand=renderedBody",
            $$$"""{"body":{{{Adf.Doc("a < b")}}},"visibility":{"type":"group","value":"developers"},"properties":[{"key":"sync","value":{"state":"new"}}]}""", 201);
        var visibility = added.Json["visibility"]!;
        Assert.Equal("group", visibility["type"]!.GetValue<string>());
        Assert.Equal("developers", visibility["value"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f-]{36}$", visibility["identifier"]!.GetValue<string>());
        // Kept, but shown only by comment/list with expand=properties (CommentPropertyContractTests).
        Assert.Null(added.Json["properties"]);
        Assert.Equal("<p>a &lt; b</p>", added.Json["renderedBody"]!.GetValue<string>());
        string id = added.Json["id"]!.GetValue<string>();

        var plain = await client.CallAsync("getComment", "GET", $"{Api}/issue/{key}/comment/{id}", null, 200);
        Assert.Null(plain.Json["renderedBody"]);
        Assert.NotNull(plain.Json["visibility"]);

        // Identified by groupId alone, as Cloud prefers; then changed to a project role.
        var byId = await client.CallAsync("addComment", "POST", $"{Api}/issue/{key}/comment",
            $$$"""{"body":{{{Adf.Doc("by id")}}},"visibility":{"type":"group","identifier":"{{{visibility["identifier"]}}}"}}""", 201);
        Assert.Equal("developers", byId.Json["visibility"]!["value"]!.GetValue<string>());
        var updated = await client.CallAsync("updateComment", "PUT", $"{Api}/issue/{key}/comment/{id}",
            $$$"""{"body":{{{Adf.Doc("now for developers")}}},"visibility":{"type":"role","value":"Developers"}}""", 200);
        Assert.Equal("role", updated.Json["visibility"]!["type"]!.GetValue<string>());
        Assert.Null(updated.Json["visibility"]!["identifier"]);
        Assert.Null(updated.Json["properties"]);
        var listed = await client.CallAsync("getCommentsByIds", "POST", $"{Api}/comment/list?expand=properties", $$"""{"ids":[{{id}}]}""", 200);
        Assert.Equal("new", listed.Json["values"]![0]!["properties"]![0]!["value"]!["state"]!.GetValue<string>());

        var page = await client.CallAsync("getComments", "GET", $"{Api}/issue/{key}/comment?expand=renderedBody", null, 200);
        Assert.All(page.Json["comments"]!.AsArray(), c => Assert.StartsWith("<p>", c!["renderedBody"]!.GetValue<string>()));

        var badGroup = await client.CallAsync("addComment", "POST", $"{Api}/issue/{key}/comment",
            $$$"""{"body":{{{Adf.Doc("x")}}},"visibility":{"type":"group","value":"no-such-group"}}""", 400);
        Assert.Contains("no-such-group", badGroup.Json["errors"]!["commentLevel"]!.GetValue<string>());
        var badRole = await client.CallAsync("addComment", "POST", $"{Api}/issue/{key}/comment",
            $$$"""{"body":{{{Adf.Doc("x")}}},"visibility":{"type":"role","value":"Wizards"}}""", 400);
        Assert.Contains("Wizards", badRole.Json["errors"]!["commentLevel"]!.GetValue<string>());
    }

    [Fact]
    public async Task addWorklog_with_role_visibility_and_properties_getWorklog_expand_properties_updateWorklog_getIssueWorklog()
    {
        var client = cloud.Client();
        string key = await NewIssueAsync(client);
        var added = await client.CallAsync("addWorklog", "POST", $"{Api}/issue/{key}/worklog",
            """{"started":"2026-01-02T10:00:00.000+0000","timeSpentSeconds":1800,"visibility":{"type":"role","value":"Administrators"},"properties":[{"key":"billing","value":{"code":"B-7"}}]}""", 201);
        Assert.Equal("Administrators", added.Json["visibility"]!["value"]!.GetValue<string>());
        Assert.Null(added.Json["properties"]);
        string id = added.Json["id"]!.GetValue<string>();

        var expanded = await client.CallAsync("getWorklog", "GET", $"{Api}/issue/{key}/worklog/{id}?expand=properties", null, 200);
        Assert.Equal("B-7", expanded.Json["properties"]![0]!["value"]!["code"]!.GetValue<string>());

        var updated = await client.CallAsync("updateWorklog", "PUT", $"{Api}/issue/{key}/worklog/{id}?expand=properties",
            """{"visibility":{"type":"group","value":"jira-software-users"},"properties":[{"key":"billing","value":{"code":"B-8"}}]}""", 200);
        Assert.Equal("group", updated.Json["visibility"]!["type"]!.GetValue<string>());
        Assert.Equal("B-8", updated.Json["properties"]![0]!["value"]!["code"]!.GetValue<string>());

        var page = await client.CallAsync("getIssueWorklog", "GET", $"{Api}/issue/{key}/worklog?expand=properties", null, 200);
        Assert.Equal("billing", page.Json["worklogs"]![0]!["properties"]![0]!["key"]!.GetValue<string>());

        // The spec's enum refuses this type, so the request goes out unchecked.
        var bad = await client.SendAsync("POST", $"{Api}/issue/{key}/worklog",
            """{"started":"2026-01-02T10:00:00.000+0000","timeSpentSeconds":60,"visibility":{"type":"everyone","value":"x"}}""");
        Assert.Equal(400, bad.Status);
        Assert.Contains("everyone", bad.Json["errors"]!["worklogLevel"]!.GetValue<string>());
    }

    [Fact]
    public async Task Data_Center_visibility_has_type_and_value_only_and_v2_renderedBody_escapes_plain_text()
    {
        var client = dataCenter.Client();
        string key = await NewIssueAsync(client, "rest/api/2");
        var added = await client.SendAsync("POST", $"rest/api/2/issue/{key}/comment?expand=renderedBody",
            """{"body":"x < y\nsame paragraph\n\nsecond","visibility":{"type":"group","value":"jira-administrators"}}""");
        Assert.Equal(201, added.Status);
        Assert.Equal("""{"type":"group","value":"jira-administrators"}""", added.Json["visibility"]!.ToJsonString());
        Assert.Equal("<p>x &lt; y<br/>\nsame paragraph</p><p>second</p>", added.Json["renderedBody"]!.GetValue<string>());
    }

    [Fact]
    public async Task getIssue_searchForIssuesUsingJql_searchAndReconsileIssuesUsingJql_expand_renderedFields()
    {
        var client = readOnly.Client();
        var plain = (await client.GetAsync("rest/api/2/issue/OPS-1?fields=description")).Json;
        string description = plain["fields"]!["description"]!.GetValue<string>();

        var issue = await client.CallAsync("getIssue", "GET", $"{Api}/issue/OPS-1?expand=renderedFields", null, 200);
        var rendered = issue.Json["renderedFields"]!;
        Assert.Equal($"<p>{WebUtility.HtmlEncode(description)}</p>", rendered["description"]!.GetValue<string>());
        Assert.Matches(@"^\d\d/[A-Z][a-z]{2}/\d\d \d{1,2}:\d\d [AP]M$", rendered["created"]!.GetValue<string>());
        Assert.True(rendered.AsObject().ContainsKey("priority"));
        Assert.Null(rendered["priority"]);
        Assert.All(rendered["comment"]!["comments"]!.AsArray(), c => Assert.StartsWith("<p>", c!["body"]!.GetValue<string>()));

        var old = await client.CallAsync("searchForIssuesUsingJql", "GET",
            $"{Api}/search?jql=key%3DOPS-1&fields=description,summary&expand=renderedFields", null, 200);
        Assert.Equal(rendered["description"]!.GetValue<string>(), old.Json["issues"]![0]!["renderedFields"]!["description"]!.GetValue<string>());
        var enhanced = await client.CallAsync("searchAndReconsileIssuesUsingJqlPost", "POST", $"{Api}/search/jql",
            """{"jql":"key = OPS-1","fields":["description"],"expand":"renderedFields"}""", 200);
        Assert.Equal(rendered["description"]!.GetValue<string>(), enhanced.Json["issues"]![0]!["renderedFields"]!["description"]!.GetValue<string>());
        var without = await client.CallAsync("searchAndReconsileIssuesUsingJql", "GET", $"{Api}/search/jql?jql=key%3DOPS-1&fields=description", null, 200);
        Assert.Null(without.Json["issues"]![0]!["renderedFields"]);
    }
}
