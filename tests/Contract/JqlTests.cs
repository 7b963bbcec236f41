using JiraConnector.Tests.Contract.Infrastructure;

namespace JiraConnector.Tests.Contract;

/// <summary>The JQL the module emits, run through approximate-count and checked against the seeded data read back from search.</summary>
public sealed class JqlTests(ReadOnlyCloudJira jira)
{
    private async Task<List<System.Text.Json.Nodes.JsonNode>> AllAsync(string jql)
    {
        var reply = await jira.Client().SendAsync("POST", "rest/api/3/search", $$"""{"jql":{{System.Text.Json.JsonSerializer.Serialize(jql)}},"maxResults":1000,"fields":["*all"]}""");
        Assert.True(reply.Status == 200, reply.Body);
        return reply.Json["issues"]!.AsArray().Select(i => i!).ToList();
    }

    [Theory]
    [InlineData("project = OPS", "project", "OPS")]
    [InlineData("project in (OPS, 'WEB') AND status = \"In Progress\"", "status", "In Progress")]
    [InlineData("statusCategory = Done", "status", "Done")]
    [InlineData("issuetype = Bug AND priority >= High", "issuetype", "Bug")]
    public async Task Equality_clauses_select_matching_issues(string jql, string field, string expected)
    {
        var issues = await AllAsync(jql);
        Assert.NotEmpty(issues);
        Assert.All(issues, i =>
        {
            var value = i["fields"]![field]!;
            string actual = field == "project" ? value["key"]!.GetValue<string>() : value["name"]!.GetValue<string>();
            Assert.Equal(expected, actual);
        });
    }

    [Fact]
    public async Task Negation_empty_and_text_operators_partition_the_issues()
    {
        int all = (await AllAsync("project IS NOT EMPTY")).Count;
        int assigned = (await AllAsync("assignee IS NOT EMPTY")).Count;
        int unassigned = (await AllAsync("assignee IS EMPTY")).Count;
        Assert.Equal(all, assigned + unassigned);
        int withLogin = (await AllAsync("summary ~ login")).Count;
        int withoutLogin = (await AllAsync("summary !~ login")).Count;
        Assert.Equal(all, withLogin + withoutLogin);
        int resolved = (await AllAsync("resolution IS NOT EMPTY")).Count;
        int unresolved = (await AllAsync("resolution = Unresolved")).Count;
        Assert.Equal(all, resolved + unresolved);
        int notOps = (await AllAsync("NOT project = OPS")).Count;
        int ops = (await AllAsync("project = OPS")).Count;
        Assert.Equal(all, ops + notOps);
    }

    [Fact]
    public async Task Dates_numbers_labels_and_ordering()
    {
        var recent = await AllAsync("created >= '2024-01-01 09:00' AND cf[10016] > 3 ORDER BY customfield_10016 DESC, created ASC");
        Assert.NotEmpty(recent);
        var points = recent.Select(i => i["fields"]!["customfield_10016"]!.GetValue<double>()).ToList();
        Assert.Equal(points.OrderByDescending(p => p).ToList(), points);
        Assert.All(points, p => Assert.True(p > 3));
        var labelled = await AllAsync("labels in (urgent, security) AND labels != ux");
        Assert.All(labelled, i =>
        {
            var labels = i["fields"]!["labels"]!.AsArray().Select(l => l!.GetValue<string>()).ToList();
            Assert.True(labels.Contains("urgent") || labels.Contains("security"));
            Assert.DoesNotContain("ux", labels);
        });
        var keys = (await AllAsync("key >= OPS-10 AND key <= OPS-12 ORDER BY key DESC")).Select(i => i["key"]!.GetValue<string>()).ToList();
        Assert.Equal(["OPS-12", "OPS-11", "OPS-10"], keys);
        var escaped = await AllAsync("summary ~ \"\\\"login timeout\\\"\" OR description ~ 'customer\\'s'");
        Assert.All(escaped, i => Assert.True(i["fields"]!["summary"]!.GetValue<string>().Contains("login timeout", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task CurrentUser_and_users_by_email()
    {
        var mine = await AllAsync("assignee = currentUser()");
        Assert.All(mine, i => Assert.Equal("admin@example.com", i["fields"]!["assignee"]!["emailAddress"]!.GetValue<string>()));
        var alice = await AllAsync("reporter = 'alice@example.com'");
        Assert.All(alice, i => Assert.Equal("Alice Anders", i["fields"]!["reporter"]!["displayName"]!.GetValue<string>()));
    }
}
