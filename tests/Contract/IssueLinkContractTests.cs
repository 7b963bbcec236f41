using System.Text.Json.Nodes;
using JiraConnector.Tests.Contract.Infrastructure;
using JiraConnector.Tests.Contract.Wadl;

namespace JiraConnector.Tests.Contract;

/// <summary>
/// Issue links and link types: the spec's shapes (and Data Center's WADL ones), and what the contract says happens: a
/// link shows on both issues, each naming the other end (the from issue, the request's outwardIssue, under
/// outwardIssue; the other under inwardIssue), the comment goes to the from issue, a duplicate makes no second link.
/// </summary>
[Collection(CloudWriters.Name)]
public sealed class IssueLinkContractTests(CloudJira cloud, DataCenterJira dataCenter)
{
    private const string Api = "rest/api/3";

    private static JsonArray Links(Reply issue) => issue.Json["fields"]!["issuelinks"]!.AsArray();

    [Fact]
    public async Task getIssueLinkTypes_getIssueLinkType_list_Jiras_default_types()
    {
        var client = cloud.Client();
        var types = await client.CallAsync("getIssueLinkTypes", "GET", $"{Api}/issueLinkType", null, 200);
        var blocks = Assert.Single(types.Json["issueLinkTypes"]!.AsArray(), t => t!["name"]!.GetValue<string>() == "Blocks")!;
        Assert.Equal("is blocked by", blocks["inward"]!.GetValue<string>());
        Assert.Equal("blocks", blocks["outward"]!.GetValue<string>());
        var one = await client.CallAsync("getIssueLinkType", "GET", $"{Api}/issueLinkType/{blocks["id"]}", null, 200);
        Assert.Equal("Blocks", one.Json["name"]!.GetValue<string>());
        await client.CallAsync("getIssueLinkType", "GET", $"{Api}/issueLinkType/99999", null, 404);
    }

    [Fact]
    public async Task createIssueLinkType_updateIssueLinkType_deleteIssueLinkType_are_for_admins()
    {
        var client = cloud.Client();
        await cloud.AliceClient().CallAsync("createIssueLinkType", "POST", $"{Api}/issueLinkType",
            """{"name":"Not mine","inward":"a","outward":"b"}""", 401);
        await client.CallAsync("createIssueLinkType", "POST", $"{Api}/issueLinkType", """{"name":"Half","inward":"is half of"}""", 400);
        await client.CallAsync("createIssueLinkType", "POST", $"{Api}/issueLinkType", """{"name":"blocks","inward":"a","outward":"b"}""", 400);
        var created = await client.CallAsync("createIssueLinkType", "POST", $"{Api}/issueLinkType",
            """{"name":"Feeds","inward":"is fed by","outward":"feeds"}""", 201);
        string id = created.Json["id"]!.GetValue<string>();

        // A link of the type reads with the type's phrases as they are now.
        string from = await client.NewIssueAsync(summary: "Feeder");
        string to = await client.NewIssueAsync(summary: "Fed");
        await client.CallAsync("linkIssues", "POST", $"{Api}/issueLink",
            $$$"""{"type":{"name":"Feeds"},"inwardIssue":{"key":"{{{to}}}"},"outwardIssue":{"key":"{{{from}}}"}}""", 201);
        var updated = await client.CallAsync("updateIssueLinkType", "PUT", $"{Api}/issueLinkType/{id}", """{"outward":"supplies"}""", 200);
        Assert.Equal("Feeds", updated.Json["name"]!.GetValue<string>());
        Assert.Equal("supplies", Assert.Single(Links(await client.GetAsync($"{Api}/issue/{from}?fields=issuelinks")))!["type"]!["outward"]!.GetValue<string>());

        await cloud.AliceClient().CallAsync("deleteIssueLinkType", "DELETE", $"{Api}/issueLinkType/{id}", null, 401);
        await client.CallAsync("deleteIssueLinkType", "DELETE", $"{Api}/issueLinkType/{id}", null, 204);
        await client.CallAsync("getIssueLinkType", "GET", $"{Api}/issueLinkType/{id}", null, 404);
        Assert.Empty(Links(await client.GetAsync($"{Api}/issue/{to}?fields=issuelinks")));
    }

    [Fact]
    public async Task linkIssues_getIssue_getIssueLink_getComments_getChangeLogs_deleteIssueLink()
    {
        var client = cloud.Client();
        string from = await client.NewIssueAsync(summary: "Blocker");
        string to = await client.NewIssueAsync(summary: "Blocked");
        var created = await client.CallAsync("linkIssues", "POST", $"{Api}/issueLink", $$$"""
            {"type":{"name":"Blocks"},"inwardIssue":{"key":"{{{to}}}"},"outwardIssue":{"key":"{{{from}}}"},"comment":{"body":{{{Adf.Doc("Linked by a test")}}}}}
            """, 201);
        Assert.Empty(created.Body);
        Assert.Contains("/issueLink/", created.Location!.ToString());

        var fromLinks = Links(await client.CallAsync("getIssue", "GET", $"{Api}/issue/{from}?fields=issuelinks", null, 200));
        var entry = Assert.Single(fromLinks)!;
        Assert.Equal(to, entry["outwardIssue"]!["key"]!.GetValue<string>());
        Assert.Equal("Blocked", entry["outwardIssue"]!["fields"]!["summary"]!.GetValue<string>());
        Assert.Null(entry["inwardIssue"]);
        var toEntry = Assert.Single(Links(await client.CallAsync("getIssue", "GET", $"{Api}/issue/{to}?fields=issuelinks", null, 200)))!;
        Assert.Equal(from, toEntry["inwardIssue"]!["key"]!.GetValue<string>());
        string id = entry["id"]!.GetValue<string>();
        Assert.Equal(id, toEntry["id"]!.GetValue<string>());
        Assert.EndsWith($"/issueLink/{id}", created.Location!.ToString());

        var link = await client.CallAsync("getIssueLink", "GET", $"{Api}/issueLink/{id}", null, 200);
        Assert.Equal(to, link.Json["inwardIssue"]!["key"]!.GetValue<string>());
        Assert.Equal(from, link.Json["outwardIssue"]!["key"]!.GetValue<string>());
        Assert.Equal("Blocks", link.Json["type"]!["name"]!.GetValue<string>());

        var comments = await client.CallAsync("getComments", "GET", $"{Api}/issue/{from}/comment", null, 200);
        Assert.Equal("Linked by a test", comments.Json["comments"]![0]!["body"]!["content"]![0]!["content"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(0, (await client.GetAsync($"{Api}/issue/{to}/comment")).Json["total"]!.GetValue<int>());
        var history = await client.CallAsync("getChangeLogs", "GET", $"{Api}/issue/{to}/changelog", null, 200);
        var item = history.Json["values"]!.AsArray().SelectMany(h => h!["items"]!.AsArray()).Single(i => i!["field"]!.GetValue<string>() == "Link")!;
        Assert.Equal($"This issue is blocked by {from}", item["toString"]!.GetValue<string>());

        // The same link again is reported as created and makes no second one.
        await client.CallAsync("linkIssues", "POST", $"{Api}/issueLink",
            $$$"""{"type":{"id":"10000"},"inwardIssue":{"key":"{{{to}}}"},"outwardIssue":{"key":"{{{from}}}"}}""", 201);
        Assert.Single(Links(await client.GetAsync($"{Api}/issue/{from}?fields=issuelinks")));

        await client.CallAsync("deleteIssueLink", "DELETE", $"{Api}/issueLink/{id}", null, 204);
        await client.CallAsync("getIssueLink", "GET", $"{Api}/issueLink/{id}", null, 404);
        Assert.Empty(Links(await client.GetAsync($"{Api}/issue/{to}?fields=issuelinks")));
        Assert.Empty(Links(await client.GetAsync($"{Api}/issue/{from}?fields=issuelinks")));
    }

    [Fact]
    public async Task linkIssues_refuses_an_unknown_type_or_issue_and_a_deleted_issue_takes_its_links()
    {
        var client = cloud.Client();
        string a = await client.NewIssueAsync();
        string b = await client.NewIssueAsync();
        await client.CallAsync("linkIssues", "POST", $"{Api}/issueLink",
            $$$"""{"type":{"name":"Nope"},"inwardIssue":{"key":"{{{a}}}"},"outwardIssue":{"key":"{{{b}}}"}}""", 404);
        await client.CallAsync("linkIssues", "POST", $"{Api}/issueLink",
            $$$"""{"type":{"name":"Relates"},"inwardIssue":{"key":"NOPE-1"},"outwardIssue":{"key":"{{{b}}}"}}""", 404);
        await client.CallAsync("linkIssues", "POST", $"{Api}/issueLink",
            $$$"""{"type":{"name":"Relates"},"inwardIssue":{"key":"{{{b}}}"},"outwardIssue":{"key":"{{{b}}}"}}""", 400);
        Assert.Empty(Links(await client.GetAsync($"{Api}/issue/{a}?fields=issuelinks")));

        await client.CallAsync("linkIssues", "POST", $"{Api}/issueLink",
            $$$"""{"type":{"name":"Relates"},"inwardIssue":{"key":"{{{a}}}"},"outwardIssue":{"key":"{{{b}}}"}}""", 201);
        string id = Links(await client.GetAsync($"{Api}/issue/{a}?fields=issuelinks"))[0]!["id"]!.GetValue<string>();
        await client.CallAsync("deleteIssue", "DELETE", $"{Api}/issue/{b}", null, 204);
        Assert.Empty(Links(await client.GetAsync($"{Api}/issue/{a}?fields=issuelinks")));
        await client.CallAsync("getIssueLink", "GET", $"{Api}/issueLink/{id}", null, 404);
    }

    [Fact]
    public async Task Data_Center_links_match_the_WADL()
    {
        var client = dataCenter.Client();
        string from = await client.NewIssueAsync(api: "rest/api/2");
        string to = await client.NewIssueAsync(api: "rest/api/2");
        var types = await client.GetAsync("rest/api/2/issueLinkType");
        WadlAssert.ResponseMatches("/api/2/issueLinkType", "GET", 200, types.Body);
        var created = await client.SendAsync("POST", "rest/api/2/issueLink",
            $$$"""{"type":{"name":"Duplicate"},"inwardIssue":{"key":"{{{to}}}"},"outwardIssue":{"key":"{{{from}}}"},"comment":{"body":"plain text on Data Center"}}""");
        Assert.Equal(201, created.Status);
        var issue = await client.GetAsync($"rest/api/2/issue/{from}");
        WadlAssert.ResponseMatches("/api/2/issue/{issueIdOrKey}", "GET", 200, issue.Body);
        var entry = Assert.Single(Links(issue))!;
        Assert.Equal(to, entry["outwardIssue"]!["key"]!.GetValue<string>());
        Assert.Equal("plain text on Data Center", issue.Json["fields"]!["comment"]!["comments"]![0]!["body"]!.GetValue<string>());
        string id = entry["id"]!.GetValue<string>();
        var link = await client.GetAsync($"rest/api/2/issueLink/{id}");
        WadlAssert.ResponseMatches("/api/2/issueLink/{linkId}", "GET", 200, link.Body);
        Assert.Equal(204, (await client.SendAsync("DELETE", $"rest/api/2/issueLink/{id}")).Status);
        Assert.Equal(404, (await client.GetAsync($"rest/api/2/issueLink/{id}")).Status);
    }
}
