using JiraConnector.Tests.Contract.Infrastructure;
using JiraConnector.Tests.Contract.Wadl;

namespace JiraConnector.Tests.Contract;

/// <summary>
/// GET field lists every field an issue carries, with the schema Jira gives it; and /rest/api/latest answers as
/// /rest/api/2 (Jira resolves "latest" to version 2, so the bodies are the same to the byte).
/// </summary>
public sealed class FieldCatalogContractTests(ReadOnlyCloudJira cloud, DataCenterJira dataCenter)
{
    [Theory]
    [InlineData("rest/api/3")]
    [InlineData("rest/api/2")]
    public async Task getFields_lists_every_field_GET_issue_returns(string api)
    {
        var fields = await cloud.Client().CallAsync("getFields", "GET", $"{api}/field", null, 200);
        var listed = fields.Json.AsArray().Select(f => f!["id"]!.GetValue<string>()).ToHashSet();
        // OPS-1 has attachments; *all asks for every field, navigable or not.
        var issue = await cloud.Client().CallAsync("getIssue", "GET", $"{api}/issue/OPS-1?fields=*all", null, 200);
        var carried = issue.Json["fields"]!.AsObject().Select(p => p.Key).ToList();
        Assert.NotEmpty(carried);
        Assert.All(carried, id => Assert.True(listed.Contains(id), $"GET field does not list '{id}', which GET issue returns."));
    }

    [Fact]
    public async Task GET_issue_returns_every_field_getFields_lists()
    {
        var listed = (await cloud.Client().GetAsync("rest/api/3/field")).Json.AsArray().Select(f => f!["id"]!.GetValue<string>())
            .Where(id => id != "issuekey").ToList();
        var carried = (await cloud.Client().GetAsync("rest/api/3/issue/OPS-1?fields=*all")).Json["fields"]!.AsObject().Select(p => p.Key).ToHashSet();
        Assert.All(listed, id => Assert.True(carried.Contains(id), $"GET issue does not return '{id}', which GET field lists."));
    }

    [Fact]
    public async Task Data_Center_field_list_matches_the_WADL_and_lists_every_field_an_issue_carries()
    {
        var fields = await dataCenter.Client().GetAsync("rest/api/2/field");
        Assert.Equal(200, fields.Status);
        WadlAssert.ResponseMatches("/api/2/field", "GET", 200, fields.Body);
        var listed = fields.Json.AsArray().Select(f => f!["id"]!.GetValue<string>()).ToHashSet();
        var carried = (await dataCenter.Client().GetAsync("rest/api/2/issue/OPS-1?fields=*all")).Json["fields"]!.AsObject().Select(p => p.Key);
        Assert.All(carried, id => Assert.True(listed.Contains(id), $"GET field does not list '{id}'."));
    }

    [Theory]
    [InlineData("attachment", "Attachment", "array", "attachment", false)]
    [InlineData("components", "Components", "array", "component", true)]
    [InlineData("duedate", "Due date", "date", null, true)]
    [InlineData("fixVersions", "Fix versions", "array", "version", true)]
    [InlineData("issuelinks", "Linked Issues", "array", "issuelinks", true)]
    [InlineData("subtasks", "Sub-tasks", "array", "issuelinks", true)]
    [InlineData("versions", "Affects versions", "array", "version", true)]
    public async Task getFields_gives_the_system_fields_Jiras_names_and_schemas(string id, string name, string type, string? items, bool navigable)
    {
        var fields = (await cloud.Client().GetAsync("rest/api/3/field")).Json.AsArray();
        var field = Assert.Single(fields, f => f!["id"]!.GetValue<string>() == id)!;
        Assert.Equal(name, field["name"]!.GetValue<string>());
        Assert.False(field["custom"]!.GetValue<bool>());
        Assert.Equal(navigable, field["navigable"]!.GetValue<bool>());
        Assert.Equal(type, field["schema"]!["type"]!.GetValue<string>());
        Assert.Equal(items, field["schema"]!["items"]?.GetValue<string>());
        Assert.Equal(id, field["schema"]!["system"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("issue/OPS-1")]
    [InlineData("search?jql=project%3DWEB%20ORDER%20BY%20key&maxResults=3")]
    [InlineData("field")]
    [InlineData("project/OPS")]
    public async Task Latest_answers_what_version_2_answers(string path)
    {
        var two = await cloud.Client().GetAsync($"rest/api/2/{path}");
        var latest = await cloud.Client().GetAsync($"rest/api/latest/{path}");
        Assert.Equal(200, latest.Status);
        Assert.Equal(two.Body, latest.Body);
    }

    [Fact]
    public async Task Latest_serves_the_v2_shapes_on_both_deployments()
    {
        var issue = await cloud.Client().CallAsync("getIssue", "GET", "rest/api/latest/issue/OPS-1", null, 200);
        // v2 text is a plain string, and self links name version 2 as Jira's do.
        Assert.Equal(System.Text.Json.JsonValueKind.String, issue.Json["fields"]!["summary"]!.GetValueKind());
        Assert.EndsWith("/rest/api/2/issue/10000", issue.Json["self"]!.GetValue<string>());
        var dc = await dataCenter.Client().GetAsync("rest/api/latest/issue/OPS-1");
        Assert.Equal(200, dc.Status);
        WadlAssert.ResponseMatches("/api/2/issue/{issueIdOrKey}", "GET", 200, dc.Body);
        Assert.Equal(404, (await cloud.Client().GetAsync("rest/api/4/issue/OPS-1")).Status);
    }
}
