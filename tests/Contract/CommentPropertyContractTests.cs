using JiraConnector.Tests.Contract.Infrastructure;
using JiraConnector.Tests.Contract.Wadl;

namespace JiraConnector.Tests.Contract;

/// <summary>
/// Where the properties given on a comment or worklog create come back, as each contract says: on Cloud a comment's
/// through comment/list with expand=properties and the comment property resource (never the issue's comment list,
/// whose expand takes renderedBody only), a worklog's through expand=properties; on Data Center 8.4.3 a comment's
/// through the comment property resource only (it has no comment/list), and worklogs have no properties at all.
/// </summary>
[Collection(CloudWriters.Name)]
public sealed class CommentPropertyContractTests(CloudJira cloud, DataCenterJira dataCenter)
{
    private const string Api = "rest/api/3";
    private const string Marker = """[{"key":"jiraconnector.bulk","value":{"job":"contract","row":7}}]""";

    private static async Task<string> NewIssueAsync(JiraClient client, string api)
    {
        var reply = await client.SendAsync("POST", $"{api}/issue",
            """{"fields":{"project":{"key":"WEB"},"issuetype":{"name":"Task"},"summary":"Comment property contract test"}}""");
        Assert.Equal(201, reply.Status);
        return reply.Json["key"]!.GetValue<string>();
    }

    [Fact]
    public async Task addComment_properties_come_back_from_getCommentsByIds_expand_properties_and_getCommentProperty_only()
    {
        var client = cloud.Client();
        string key = await NewIssueAsync(client, Api);
        var added = await client.CallAsync("addComment", "POST", $"{Api}/issue/{key}/comment",
            $$$"""{"body":{{{Adf.Doc("marked")}}},"properties":{{{Marker}}}}""", 201);
        string id = added.Json["id"]!.GetValue<string>();
        var plain = await client.CallAsync("addComment", "POST", $"{Api}/issue/{key}/comment", $$$"""{"body":{{{Adf.Doc("plain")}}}}""", 201);
        string plainId = plain.Json["id"]!.GetValue<string>();

        // getComments documents expand=renderedBody only: asking for properties there shows none.
        var page = await client.CallAsync("getComments", "GET", $"{Api}/issue/{key}/comment?expand=properties", null, 200);
        Assert.All(page.Json["comments"]!.AsArray(), c => Assert.Null(c!["properties"]));
        var single = await client.CallAsync("getComment", "GET", $"{Api}/issue/{key}/comment/{id}?expand=properties", null, 200);
        Assert.Null(single.Json["properties"]);

        var listed = await client.CallAsync("getCommentsByIds", "POST", $"{Api}/comment/list?expand=properties,renderedBody",
            $$"""{"ids":[{{plainId}},{{id}}]}""", 200);
        var values = listed.Json["values"]!.AsArray();
        Assert.Equal(2, values.Count);
        var marked = values.Single(v => v!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("jiraconnector.bulk", marked["properties"]![0]!["key"]!.GetValue<string>());
        Assert.Equal(7, marked["properties"]![0]!["value"]!["row"]!.GetValue<int>());
        Assert.Empty(values.Single(v => v!["id"]!.GetValue<string>() == plainId)!["properties"]!.AsArray());
        var without = await client.CallAsync("getCommentsByIds", "POST", $"{Api}/comment/list", $$"""{"ids":[{{id}}]}""", 200);
        Assert.Null(without.Json["values"]![0]!["properties"]);

        var keys = await client.CallAsync("getCommentPropertyKeys", "GET", $"{Api}/comment/{id}/properties", null, 200);
        Assert.Equal("jiraconnector.bulk", keys.Json["keys"]![0]!["key"]!.GetValue<string>());
        var property = await client.CallAsync("getCommentProperty", "GET", $"{Api}/comment/{id}/properties/jiraconnector.bulk", null, 200);
        Assert.Equal("contract", property.Json["value"]!["job"]!.GetValue<string>());
        Assert.Equal(404, (await client.GetAsync($"{Api}/comment/{plainId}/properties/jiraconnector.bulk")).Status);
        Assert.Equal(404, (await client.GetAsync($"{Api}/comment/99999999/properties")).Status);
    }

    [Fact]
    public async Task addWorklog_properties_come_back_from_getIssueWorklog_expand_properties()
    {
        var client = cloud.Client();
        string key = await NewIssueAsync(client, Api);
        await client.CallAsync("addWorklog", "POST", $"{Api}/issue/{key}/worklog",
            $$"""{"started":"2026-01-02T10:00:00.000+0000","timeSpentSeconds":600,"properties":{{Marker}}}""", 201);

        var expanded = await client.CallAsync("getIssueWorklog", "GET", $"{Api}/issue/{key}/worklog?expand=properties", null, 200);
        Assert.Equal("contract", expanded.Json["worklogs"]![0]!["properties"]![0]!["value"]!["job"]!.GetValue<string>());
        var plain = await client.CallAsync("getIssueWorklog", "GET", $"{Api}/issue/{key}/worklog", null, 200);
        Assert.Null(plain.Json["worklogs"]![0]!["properties"]);
    }

    [Fact]
    public async Task Data_Center_reads_comment_properties_from_the_comment_property_resource_and_has_no_comment_list()
    {
        var client = dataCenter.Client();
        string key = await NewIssueAsync(client, "rest/api/2");
        var added = await client.SendAsync("POST", $"rest/api/2/issue/{key}/comment", $$"""{"body":"marked","properties":{{Marker}}}""");
        Assert.Equal(201, added.Status);
        WadlAssert.ResponseMatches("/api/2/issue/{issueIdOrKey}/comment", "POST", 201, added.Body);
        string id = added.Json["id"]!.GetValue<string>();

        var page = await client.GetAsync($"rest/api/2/issue/{key}/comment");
        WadlAssert.ResponseMatches("/api/2/issue/{issueIdOrKey}/comment", "GET", 200, page.Body);
        var keys = await client.GetAsync($"rest/api/2/comment/{id}/properties");
        Assert.Equal(200, keys.Status);
        WadlAssert.ResponseMatches("/api/2/comment/{commentId}/properties", "GET", 200, keys.Body);
        Assert.Equal("jiraconnector.bulk", keys.Json["keys"]![0]!["key"]!.GetValue<string>());
        var property = await client.GetAsync($"rest/api/2/comment/{id}/properties/jiraconnector.bulk");
        Assert.Equal(200, property.Status);
        WadlAssert.ResponseMatches("/api/2/comment/{commentId}/properties/{propertyKey}", "GET", 200, property.Body);
        Assert.Equal(7, property.Json["value"]!["row"]!.GetValue<int>());
        Assert.Equal(404, (await client.GetAsync($"rest/api/2/comment/{id}/properties/other")).Status);

        Assert.Equal(404, (await client.SendAsync("POST", "rest/api/2/comment/list?expand=properties", $$"""{"ids":[{{id}}]}""")).Status);
    }

    [Fact]
    public async Task Data_Center_worklogs_refuse_properties_and_never_show_them()
    {
        var client = dataCenter.Client();
        string key = await NewIssueAsync(client, "rest/api/2");
        var refused = await client.SendAsync("POST", $"rest/api/2/issue/{key}/worklog",
            $$"""{"started":"2026-01-02T10:00:00.000+0000","timeSpentSeconds":600,"properties":{{Marker}}}""");
        Assert.Equal(400, refused.Status);
        Assert.Contains("properties", refused.Json["errorMessages"]![0]!.GetValue<string>());
        var added = await client.SendAsync("POST", $"rest/api/2/issue/{key}/worklog", """{"started":"2026-01-02T10:00:00.000+0000","timeSpentSeconds":600}""");
        Assert.Equal(201, added.Status);
        WadlAssert.ResponseMatches("/api/2/issue/{issueIdOrKey}/worklog", "POST", 201, added.Body);

        var page = await client.GetAsync($"rest/api/2/issue/{key}/worklog?expand=properties");
        Assert.Equal(200, page.Status);
        WadlAssert.ResponseMatches("/api/2/issue/{issueIdOrKey}/worklog", "GET", 200, page.Body);
        Assert.Single(page.Json["worklogs"]!.AsArray());
        Assert.Null(page.Json["worklogs"]![0]!["properties"]);
    }
}
