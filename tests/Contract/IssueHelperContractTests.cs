using System.Text.Json.Nodes;
using JiraConnector.Tests.Contract.Infrastructure;
using JiraConnector.Tests.Contract.Wadl;

namespace JiraConnector.Tests.Contract;

/// <summary>
/// The operations around an issue that are not the issue itself: assignIssue, the create metadata, the issue picker
/// and jql/parse. Shapes against the spec (and Data Center's WADL where it documents them); behaviour as the spec
/// describes it.
/// </summary>
[Collection(CloudWriters.Name)]
public sealed class IssueHelperContractTests(CloudJira cloud, DataCenterJira dataCenter)
{
    private const string Api = "rest/api/3";
    private const string Bob = "712020:00000000-0000-4000-8000-000000000003";
    private const string Rupert = "712020:00000000-0000-4000-8000-000000000013";

    private async Task<string?> AssigneeAsync(JiraClient client, string key, string api = Api) =>
        (await client.GetAsync($"{api}/issue/{key}?fields=assignee")).Json["fields"]!["assignee"]?[api == Api ? "accountId" : "name"]?.GetValue<string>();

    [Fact]
    public async Task assignIssue_assigns_unassigns_and_gives_the_default_assignee_for_minus_one()
    {
        var client = cloud.Client();
        string key = await client.NewIssueAsync(project: "WEB");
        await client.CallAsync("assignIssue", "PUT", $"{Api}/issue/{key}/assignee", $$"""{"accountId":"{{Bob}}"}""", 204);
        Assert.Equal(Bob, await AssigneeAsync(client, key));
        var history = (await client.GetAsync($"{Api}/issue/{key}/changelog")).Json["values"]!.AsArray();
        Assert.Contains(history.SelectMany(h => h!["items"]!.AsArray()), i => i!["field"]!.GetValue<string>() == "assignee" && i["to"]?.GetValue<string>() == Bob);

        // "-1": the project's default assignee, the lead of WEB.
        await client.CallAsync("assignIssue", "PUT", $"{Api}/issue/{key}/assignee", """{"accountId":"-1"}""", 204);
        string lead = (await client.GetAsync($"{Api}/project/WEB")).Json["lead"]!["accountId"]!.GetValue<string>();
        Assert.Equal(lead, await AssigneeAsync(client, key));

        // null unassigns; the spec types accountId as a plain string, so this body is sent as Jira documents it, unchecked.
        Assert.Equal(204, (await client.SendAsync("PUT", $"{Api}/issue/{key}/assignee", """{"accountId":null}""")).Status);
        Assert.Null(await AssigneeAsync(client, key));
    }

    [Fact]
    public async Task assignIssue_refuses_unknown_and_inactive_users_a_missing_accountId_and_an_unknown_issue()
    {
        var client = cloud.Client();
        string key = await client.NewIssueAsync(project: "WEB");
        await client.CallAsync("assignIssue", "PUT", $"{Api}/issue/{key}/assignee", """{"accountId":"nobody"}""", 400);
        await client.CallAsync("assignIssue", "PUT", $"{Api}/issue/{key}/assignee", $$"""{"accountId":"{{Rupert}}"}""", 400);
        await client.CallAsync("assignIssue", "PUT", $"{Api}/issue/{key}/assignee", """{"name":"bob"}""", 400);
        await client.CallAsync("assignIssue", "PUT", $"{Api}/issue/NOPE-1/assignee", $$"""{"accountId":"{{Bob}}"}""", 404);
        Assert.Null(await AssigneeAsync(client, key));
    }

    [Fact]
    public async Task Data_Center_assigns_by_name()
    {
        var client = dataCenter.Client();
        string key = await client.NewIssueAsync(api: "rest/api/2");
        Assert.Equal(204, (await client.SendAsync("PUT", $"rest/api/2/issue/{key}/assignee", """{"name":"carol"}""")).Status);
        Assert.Equal("carol", await AssigneeAsync(client, key, "rest/api/2"));
        Assert.Equal(400, (await client.SendAsync("PUT", $"rest/api/2/issue/{key}/assignee", """{"accountId":"x"}""")).Status);
        Assert.Equal(204, (await client.SendAsync("PUT", $"rest/api/2/issue/{key}/assignee", """{"name":null}""")).Status);
        Assert.Null(await AssigneeAsync(client, key, "rest/api/2"));
    }

    [Fact]
    public async Task getCreateIssueMetaIssueTypes_pages_the_projects_issue_types()
    {
        var client = cloud.Client();
        var all = await client.CallAsync("getCreateIssueMetaIssueTypes", "GET", $"{Api}/issue/createmeta/OPS/issuetypes", null, 200);
        Assert.Equal(["Epic", "Task", "Story", "Bug", "Subtask"], all.Json["issueTypes"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToArray());
        var page = await client.CallAsync("getCreateIssueMetaIssueTypes", "GET", $"{Api}/issue/createmeta/10001/issuetypes?startAt=3&maxResults=500", null, 200);
        Assert.Equal(200, page.Json["maxResults"]!.GetValue<int>());
        Assert.Equal(5, page.Json["total"]!.GetValue<int>());
        Assert.Equal(["Bug", "Subtask"], page.Json["issueTypes"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToArray());
        await client.CallAsync("getCreateIssueMetaIssueTypes", "GET", $"{Api}/issue/createmeta/NOPE/issuetypes", null, 400);
    }

    [Fact]
    public async Task getCreateIssueMetaIssueTypeId_lists_the_fields_a_create_takes_and_createIssue_refuses_the_others()
    {
        var client = cloud.Client();
        var meta = await client.CallAsync("getCreateIssueMetaIssueTypeId", "GET", $"{Api}/issue/createmeta/OPS/issuetypes/10001?maxResults=200", null, 200);
        var fields = meta.Json["fields"]!.AsArray();
        Assert.Equal(fields.Count, meta.Json["total"]!.GetValue<int>());
        var required = fields.Where(f => f!["required"]!.GetValue<bool>()).Select(f => f!["fieldId"]!.GetValue<string>()).Order().ToArray();
        Assert.Equal(["issuetype", "project", "summary"], required);
        var priority = fields.Single(f => f!["fieldId"]!.GetValue<string>() == "priority")!;
        Assert.Equal("Medium", priority["defaultValue"]!["name"]!.GetValue<string>());
        Assert.Equal(5, priority["allowedValues"]!.AsArray().Count);

        // Every other field of the site is one a create cannot set: Jira names it in errors.
        var settable = fields.Select(f => f!["fieldId"]!.GetValue<string>()).ToHashSet();
        var others = (await client.GetAsync($"{Api}/field")).Json.AsArray().Select(f => f!["id"]!.GetValue<string>())
            .Where(id => id != "issuekey" && !settable.Contains(id)).ToList();
        Assert.NotEmpty(others);
        foreach (var id in others)
        {
            var refused = await client.SendAsync("POST", $"{Api}/issue",
                $$$"""{"fields":{"project":{"key":"OPS"},"issuetype":{"id":"10001"},"summary":"s","{{{id}}}":null}}""");
            Assert.True(refused.Status == 400 && refused.Json["errors"]![id] is not null, $"{id}: {refused.Status} {refused.Body}");
        }
        await client.CallAsync("getCreateIssueMetaIssueTypeId", "GET", $"{Api}/issue/createmeta/OPS/issuetypes/99", null, 400);
    }

    [Fact]
    public async Task Data_Center_create_metadata_is_a_page_of_values()
    {
        var types = (await dataCenter.Client().GetAsync("rest/api/2/issue/createmeta/OPS/issuetypes?maxResults=2")).Json;
        Assert.Equal(2, types["values"]!.AsArray().Count);
        Assert.False(types["isLast"]!.GetValue<bool>());
        Assert.Null(types["values"]![0]!["hierarchyLevel"]);
        var fields = (await dataCenter.Client().GetAsync("rest/api/2/issue/createmeta/OPS/issuetypes/10004")).Json;
        Assert.Contains(fields["values"]!.AsArray(), f => f!["fieldId"]!.GetValue<string>() == "summary" && f["required"]!.GetValue<bool>());
    }

    [Fact]
    public async Task parseJqlQueries_gives_the_structure_of_each_query()
    {
        var reply = await cloud.Client().CallAsync("parseJqlQueries", "POST", $"{Api}/jql/parse?validation=strict",
            """{"queries":["project = OPS AND status IN (\"To Do\", Done) AND assignee IS EMPTY ORDER BY key DESC","summary ~ \"login timeout\" OR NOT labels = urgent","assignee = currentUser()"]}""", 200);
        var queries = reply.Json["queries"]!.AsArray();
        Assert.Equal(3, queries.Count);

        var first = queries[0]!["structure"]!;
        Assert.Equal("and", first["where"]!["operator"]!.GetValue<string>());
        var clauses = first["where"]!["clauses"]!.AsArray();
        Assert.Equal(["project", "status", "assignee"], clauses.Select(c => c!["field"]!["name"]!.GetValue<string>()).ToArray());
        Assert.Equal("OPS", clauses[0]!["operand"]!["value"]!.GetValue<string>());
        Assert.Equal("in", clauses[1]!["operator"]!.GetValue<string>());
        Assert.Equal(["To Do", "Done"], clauses[1]!["operand"]!["values"]!.AsArray().Select(v => v!["value"]!.GetValue<string>()).ToArray());
        Assert.Equal("\"To Do\"", clauses[1]!["operand"]!["values"]![0]!["encodedValue"]!.GetValue<string>());
        Assert.Equal("is", clauses[2]!["operator"]!.GetValue<string>());
        Assert.Equal("empty", clauses[2]!["operand"]!["keyword"]!.GetValue<string>());
        Assert.Equal("desc", first["orderBy"]!["fields"]![0]!["direction"]!.GetValue<string>());
        Assert.Null(queries[0]!["errors"]);

        var second = queries[1]!["structure"]!["where"]!;
        Assert.Equal("or", second["operator"]!.GetValue<string>());
        Assert.Equal("not", second["clauses"]![1]!["operator"]!.GetValue<string>());
        Assert.Equal("currentUser", queries[2]!["structure"]!["where"]!["operand"]!["function"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("strict", true, false)]
    [InlineData("warn", true, true)]
    [InlineData("none", false, true)]
    public async Task parseJqlQueries_validation_decides_errors_and_structure(string validation, bool errorsForBadField, bool structureDespiteBadField)
    {
        var reply = await cloud.Client().CallAsync("parseJqlQueries", "POST", $"{Api}/jql/parse?validation={validation}",
            """{"queries":["universe = 42","project = (","project = NOPE"]}""", 200);
        var (badField, badSyntax, badValue) = (reply.Json["queries"]![0]!, reply.Json["queries"]![1]!, reply.Json["queries"]![2]!);
        Assert.Equal(errorsForBadField, badField["errors"] is not null);
        if (errorsForBadField) Assert.Equal("Field 'universe' does not exist or you do not have permission to view it.", badField["errors"]![0]!.GetValue<string>());
        Assert.Equal(structureDespiteBadField, badField["structure"] is not null);
        // A syntax error is an error whatever the validation, and leaves no structure.
        Assert.StartsWith("Error in the JQL Query:", badSyntax["errors"]![0]!.GetValue<string>());
        Assert.Null(badSyntax["structure"]);
        // An unknown value is a warning, never an error; strict still withholds the structure.
        Assert.Null(badValue["errors"]);
        Assert.Equal(validation != "none", badValue["warnings"] is not null);
        Assert.Equal(validation != "strict", badValue["structure"] is not null);
    }

    [Fact]
    public async Task parseJqlQueries_refuses_an_empty_list()
    {
        await cloud.Client().CallAsync("parseJqlQueries", "POST", $"{Api}/jql/parse?validation=strict", """{"queries":[]}""", 400);
        Assert.Equal(404, (await dataCenter.Client().SendAsync("POST", "rest/api/2/jql/parse", """{"queries":["project = OPS"]}""")).Status);
    }

    private static JsonArray Section(Reply picker, string id) =>
        picker.Json["sections"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == id)!["issues"]!.AsArray();

    private static string[] Keys(JsonArray issues) => issues.Select(i => i!["key"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task getIssuePickerResource_suggests_the_callers_issues_and_the_current_search()
    {
        var admin = cloud.Client();
        string word = "zebrafinch" + Random.Shared.Next(100000, 999999);
        string key = await admin.NewIssueAsync(project: "MOB", summary: $"Feed the {word} daily");
        var mine = await admin.CallAsync("getIssuePickerResource", "GET", $"{Api}/issue/picker?query={word}", null, 200);
        Assert.Equal([key], Keys(Section(mine, "hs")));
        Assert.Equal([key], Keys(Section(mine, "cs")));
        var suggestion = Section(mine, "cs")[0]!;
        Assert.Equal($"Feed the <b>{word}</b> daily", suggestion["summary"]!.GetValue<string>());
        Assert.Equal($"Feed the {word} daily", suggestion["summaryText"]!.GetValue<string>());

        // Alice never touched the issue: not in her history, still in the current search.
        var alice = admin.WithAuth(JiraClient.Basic("alice@example.com", "emu-token-alice"));
        var hers = await alice.CallAsync("getIssuePickerResource", "GET", $"{Api}/issue/picker?query={word}", null, 200);
        Assert.Empty(Section(hers, "hs"));
        Assert.Equal([key], Keys(Section(hers, "cs")));

        var narrowed = await admin.CallAsync("getIssuePickerResource", "GET",
            $"{Api}/issue/picker?query={word}&currentJQL={Uri.EscapeDataString("project = WEB")}", null, 200);
        Assert.Empty(Section(narrowed, "cs"));
        var excluded = await admin.CallAsync("getIssuePickerResource", "GET", $"{Api}/issue/picker?query={word}&currentIssueKey={key}", null, 200);
        Assert.Empty(Section(excluded, "cs"));
    }

    [Fact]
    public async Task getIssuePickerResource_matches_key_prefixes_and_shows_at_most_twenty()
    {
        var picker = await cloud.Client().CallAsync("getIssuePickerResource", "GET", $"{Api}/issue/picker?query=OPS-1&currentProjectId=10000", null, 200);
        var keys = Keys(Section(picker, "cs"));
        Assert.Contains("OPS-1", keys);
        Assert.Contains("OPS-10", keys);
        Assert.All(keys, k => Assert.StartsWith("OPS-1", k));
        Assert.Equal("<b>OPS-1</b>", Section(picker, "cs").Single(i => i!["key"]!.GetValue<string>() == "OPS-1")!["keyHtml"]!.GetValue<string>());
        var all = await cloud.Client().CallAsync("getIssuePickerResource", "GET", $"{Api}/issue/picker?query=OPS", null, 200);
        Assert.Equal(20, Section(all, "cs").Count);
        Assert.Matches(@"^Showing 20 of \d+ matching issues$", all.Json["sections"]![1]!["sub"]!.GetValue<string>());
    }

    [Fact]
    public async Task Data_Center_issue_picker_matches_the_WADL()
    {
        var picker = await dataCenter.Client().GetAsync("rest/api/2/issue/picker?query=OPS-2");
        Assert.Equal(200, picker.Status);
        WadlAssert.ResponseMatches("/api/2/issue/picker", "GET", 200, picker.Body);
        Assert.Contains("OPS-2", Keys(Section(picker, "cs")));
    }

    [Fact]
    public async Task The_due_date_is_set_changed_recorded_and_found_by_JQL()
    {
        var client = cloud.Client();
        string key = await client.NewIssueAsync(extraFields: ",\"duedate\":\"2031-03-14\"");
        Assert.Equal("2031-03-14", (await client.GetAsync($"{Api}/issue/{key}?fields=duedate")).Json["fields"]!["duedate"]!.GetValue<string>());
        string jql = Uri.EscapeDataString($"key = {key} AND due = 2031-03-14 AND duedate < 2031-03-15");
        Assert.Single((await client.GetAsync($"{Api}/search/jql?jql={jql}")).Json["issues"]!.AsArray());

        await client.CallAsync("editIssue", "PUT", $"{Api}/issue/{key}", """{"fields":{"duedate":null}}""", 204);
        Assert.Null((await client.GetAsync($"{Api}/issue/{key}?fields=duedate")).Json["fields"]!["duedate"]);
        var items = (await client.GetAsync($"{Api}/issue/{key}/changelog")).Json["values"]!.AsArray().SelectMany(h => h!["items"]!.AsArray());
        Assert.Contains(items, i => i!["field"]!.GetValue<string>() == "duedate" && i["fromString"]?.GetValue<string>() == "2031-03-14");
        await client.CallAsync("editIssue", "PUT", $"{Api}/issue/{key}", """{"fields":{"duedate":"14/Mar/31"}}""", 400);
    }
}
