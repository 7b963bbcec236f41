using System.Text.Json;
using JiraConnector.Tests.Contract.Infrastructure;
using JiraConnector.Tests.Contract.Wadl;

namespace JiraConnector.Tests.Contract;

/// <summary>
/// Data Center (/rest/api/2 only): responses checked against the schemas that Jira 8.4.3's WADL documents, and
/// the field names a DC client relies on (users by name and key, never accountId; text fields as plain strings),
/// which the WADL leaves open because it types issue fields as "anything".
/// </summary>
[Collection(CloudWriters.Name)]
public sealed class DataCenterShapeTests(DataCenterJira dataCenter, CloudJira cloud)
{
    public static TheoryData<string, string, string> Documented => new()
    {
        { "/api/2/serverInfo", "GET", "rest/api/2/serverInfo" },
        { "/api/2/myself", "GET", "rest/api/2/myself" },
        { "/api/2/myself", "GET", "rest/api/2/myself?expand=groups" },
        { "/api/2/user", "GET", "rest/api/2/user?username=alice" },
        { "/api/2/user/search", "GET", "rest/api/2/user/search?username=a&maxResults=5" },
        { "/api/2/user/assignable/search", "GET", "rest/api/2/user/assignable/search?project=OPS&maxResults=3" },
        { "/api/2/search", "GET", "rest/api/2/search?jql=project%3DOPS&maxResults=3" },
        { "/api/2/search", "GET", "rest/api/2/search?jql=project%3DOPS&maxResults=2&fields=*all&expand=renderedFields,changelog" },
        { "/api/2/issue/{issueIdOrKey}", "GET", "rest/api/2/issue/OPS-1" },
        { "/api/2/issue/{issueIdOrKey}", "GET", "rest/api/2/issue/OPS-1?expand=changelog,names,renderedFields" },
        { "/api/2/issue/{issueIdOrKey}/comment", "GET", "rest/api/2/issue/OPS-2/comment" },
        { "/api/2/issue/{issueIdOrKey}/worklog", "GET", "rest/api/2/issue/OPS-2/worklog" },
        { "/api/2/issue/{issueIdOrKey}/watchers", "GET", "rest/api/2/issue/OPS-1/watchers" },
        { "/api/2/project", "GET", "rest/api/2/project" },
        { "/api/2/project/{projectIdOrKey}", "GET", "rest/api/2/project/OPS" },
    };

    [Theory]
    [MemberData(nameof(Documented))]
    public async Task Response_matches_the_Data_Center_WADL(string wadlPath, string method, string path)
    {
        var reply = await dataCenter.Client().SendAsync(method, path);
        Assert.Equal(200, reply.Status);
        WadlAssert.ResponseMatches(wadlPath, method, 200, reply.Body);
    }

    [Theory]
    [InlineData("/api/2/myself", "rest/api/2/myself")]
    [InlineData("/api/2/serverInfo", "rest/api/2/serverInfo")]
    public async Task The_WADL_schemas_refuse_Cloud_shapes(string wadlPath, string path)
    {
        // Cloud's user has accountId/accountType and its serverInfo a few fields 8.4.3 lacks: the check must notice.
        var reply = await cloud.Client().GetAsync(path);
        Assert.Equal(200, reply.Status);
        Assert.ThrowsAny<Exception>(() => WadlAssert.ResponseMatches(wadlPath, "GET", 200, reply.Body));
    }

    [Fact]
    public async Task Search_POST_matches_the_WADL()
    {
        var reply = await dataCenter.Client().SendAsync("POST", "rest/api/2/search",
            """{"jql":"project = WEB ORDER BY key","startAt":0,"maxResults":2,"fields":["summary","reporter","description"]}""");
        Assert.Equal(200, reply.Status);
        WadlAssert.ResponseMatches("/api/2/search", "POST", 200, reply.Body);
    }

    [Fact]
    public async Task Issue_users_carry_name_and_key_and_no_accountId_and_text_fields_are_plain_strings()
    {
        var client = dataCenter.Client();
        // An issue with a description, an assignee and comments: search for one rather than trusting the seed's dice.
        var found = (await client.GetAsync("rest/api/2/search?jql=" + Uri.EscapeDataString("description IS NOT EMPTY AND assignee IS NOT EMPTY ORDER BY key")
            + "&maxResults=50&fields=comment,assignee")).Json["issues"]!.AsArray()
            .First(i => i!["fields"]!["comment"]!["comments"]!.AsArray().Count > 0)!;
        var issue = (await client.GetAsync($"rest/api/2/issue/{found["key"]!.GetValue<string>()}")).Json["fields"]!;

        Assert.Equal(JsonValueKind.String, issue["description"]!.GetValueKind());
        foreach (var user in new[] { issue["reporter"]!, issue["assignee"]!, issue["creator"] ?? issue["reporter"]!, issue["comment"]!["comments"]![0]!["author"]! })
        {
            Assert.Matches("^[a-z]+$", user["name"]!.GetValue<string>());
            Assert.Matches("^JIRAUSER\\d+$", user["key"]!.GetValue<string>());
            Assert.Null(user["accountId"]);
            Assert.Null(user["accountType"]);
            Assert.Contains("?username=", user["self"]!.GetValue<string>());
        }
        Assert.Equal(JsonValueKind.String, issue["comment"]!["comments"]![0]!["body"]!.GetValueKind());
        Assert.Null(issue["statuscategorychangedate"]);
    }

    [Fact]
    public async Task Myself_serverInfo_and_search_use_Data_Center_names()
    {
        var client = dataCenter.Client();
        var myself = (await client.GetAsync("rest/api/2/myself")).Json;
        Assert.Equal("admin", myself["name"]!.GetValue<string>());
        Assert.Equal("JIRAUSER10000", myself["key"]!.GetValue<string>());
        Assert.Null(myself["accountId"]);
        var info = (await client.GetAsync("rest/api/2/serverInfo")).Json;
        Assert.Equal("Server", info["deploymentType"]!.GetValue<string>());
        Assert.Equal([8, 4, 3], info["versionNumbers"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray());
        var search = (await client.GetAsync("rest/api/2/search?jql=key%3DOPS-1&fields=reporter,description")).Json;
        Assert.True(search.AsObject().ContainsKey("total"));
        Assert.Null(search["isLast"]);
        Assert.NotNull(search["issues"]![0]!["fields"]!["reporter"]!["name"]);
        var assignee = (await client.GetAsync("rest/api/2/user/assignable/search?project=OPS&username=bob")).Json;
        Assert.Equal("bob", assignee[0]!["name"]!.GetValue<string>());
    }
}
