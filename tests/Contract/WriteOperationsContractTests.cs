using JiraConnector.Tests.Contract.Infrastructure;

namespace JiraConnector.Tests.Contract;

/// <summary>
/// Write operations in realistic sequences. Each test name lists the spec operations it covers; every
/// request body is checked against the operation's requestBody schema and every response against its
/// response schema.
/// </summary>
[Collection(CloudWriters.Name)]
public sealed class WriteOperationsContractTests(CloudJira jira)
{
    private const string Api = "rest/api/3";
    private JiraClient Client => jira.Client();

    private async Task<string> NewIssueAsync(string summary = "Contract test issue")
    {
        var reply = await Client.CallAsync("createIssue", "POST", $"{Api}/issue",
            $$$"""{"fields":{"project":{"key":"OPS"},"issuetype":{"name":"Task"},"summary":"{{{summary}}}","description":{{{Adf.Doc("Made by a test.")}}},"labels":["contract"],"customfield_10016":5}}""", 201);
        return reply.Json["key"]!.GetValue<string>();
    }

    [Fact]
    public async Task createIssue_getIssue_editIssue_getTransitions_doTransition_getChangeLogs_getChangeLogsByIds_deleteIssue()
    {
        string key = await NewIssueAsync();
        var issue = await Client.CallAsync("getIssue", "GET", $"{Api}/issue/{key}", null, 200);
        Assert.Equal("To Do", issue.Json["fields"]!["status"]!["name"]!.GetValue<string>());

        await Client.CallAsync("editIssue", "PUT", $"{Api}/issue/{key}",
            """{"fields":{"summary":"Edited"},"update":{"labels":[{"add":"edited"},{"remove":"contract"}]}}""", 204);
        await Client.CallAsync("editIssue", "PUT", $"{Api}/issue/{key}?returnIssue=true", """{"fields":{"priority":{"name":"High"}}}""", 200);
        await Client.CallAsync("editIssue", "PUT", $"{Api}/issue/{key}", """{"fields":{"status":{"name":"Done"}}}""", 400);

        var transitions = await Client.CallAsync("getTransitions", "GET", $"{Api}/issue/{key}/transitions", null, 200);
        Assert.Contains(transitions.Json["transitions"]!.AsArray(), t => t!["id"]!.GetValue<string>() == "51");
        await Client.CallAsync("doTransition", "POST", $"{Api}/issue/{key}/transitions", """{"transition":{"id":"51"}}""", 204);
        await Client.CallAsync("doTransition", "POST", $"{Api}/issue/{key}/transitions", """{"transition":{"id":"999"}}""", 400);

        var changelog = await Client.CallAsync("getChangeLogs", "GET", $"{Api}/issue/{key}/changelog", null, 200);
        var histories = changelog.Json["values"]!.AsArray();
        Assert.True(histories.Count >= 3);
        string firstId = histories[0]!["id"]!.GetValue<string>();
        await Client.CallAsync("getChangeLogsByIds", "POST", $"{Api}/issue/{key}/changelog/list", $$"""{"changelogIds":[{{firstId}}]}""", 200);

        await Client.CallAsync("deleteIssue", "DELETE", $"{Api}/issue/{key}", null, 204);
        await Client.CallAsync("getIssue", "GET", $"{Api}/issue/{key}", null, 404);
    }

    [Fact]
    public async Task createIssue_rejects_invalid_fields_with_ErrorCollection()
    {
        var reply = await Client.CallAsync("createIssue", "POST", $"{Api}/issue",
            """{"fields":{"project":{"key":"NOPE"},"issuetype":{"name":"Task"},"description":"plain text is not ADF","unknownField":1}}""", 400);
        var errors = reply.Json["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("project"));
        Assert.True(errors.ContainsKey("summary"));
        Assert.True(errors.ContainsKey("description"));
        Assert.True(errors.ContainsKey("unknownField"));
    }

    [Fact]
    public async Task createIssues_partial_201_and_all_failed_400_bulkFetchIssues()
    {
        var partial = await Client.CallAsync("createIssues", "POST", $"{Api}/issue/bulk", """
            {"issueUpdates":[
              {"fields":{"project":{"key":"WEB"},"issuetype":{"id":"10004"},"summary":"bulk one"}},
              {"fields":{"project":{"key":"WEB"},"issuetype":{"id":"10004"}}},
              {"fields":{"project":{"key":"WEB"},"issuetype":{"id":"10004"},"summary":"bulk three"}}]}
            """, 201);
        Assert.Equal(2, partial.Json["issues"]!.AsArray().Count);
        Assert.Equal(1, partial.Json["errors"]![0]!["failedElementNumber"]!.GetValue<int>());

        await Client.CallAsync("createIssues", "POST", $"{Api}/issue/bulk",
            """{"issueUpdates":[{"fields":{"summary":"no project"}}]}""", 400);

        string keys = string.Join(",", Enumerable.Range(1, 51).Select(i => $$$"""{"fields":{"project":{"key":"WEB"},"issuetype":{"id":"10004"},"summary":"s{{{i}}}"}}"""));
        await Client.CallAsync("createIssues", "POST", $"{Api}/issue/bulk", $$"""{"issueUpdates":[{{keys}}]}""", 400);

        string created = partial.Json["issues"]![1]!["key"]!.GetValue<string>();
        var fetched = await Client.CallAsync("bulkFetchIssues", "POST", $"{Api}/issue/bulkfetch",
            $$"""{"issueIdsOrKeys":["{{created}}","10001","NOPE-9"],"fields":["summary","status"]}""", 200);
        var ids = fetched.Json["issues"]!.AsArray().Select(i => long.Parse(i!["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order().ToList(), ids);
        Assert.Equal(2, ids.Count);
        Assert.Empty(fetched.Json["issueErrors"]!.AsArray());
    }

    [Fact]
    public async Task addComment_getComments_getComment_updateComment_getCommentsByIds_deleteComment()
    {
        string key = await NewIssueAsync();
        var added = await Client.CallAsync("addComment", "POST", $"{Api}/issue/{key}/comment", $$"""{"body":{{Adf.Doc("first")}}}""", 201);
        string id = added.Json["id"]!.GetValue<string>();
        var page = await Client.CallAsync("getComments", "GET", $"{Api}/issue/{key}/comment", null, 200);
        Assert.Equal(1, page.Json["total"]!.GetValue<int>());
        await Client.CallAsync("getComment", "GET", $"{Api}/issue/{key}/comment/{id}", null, 200);
        var updated = await Client.CallAsync("updateComment", "PUT", $"{Api}/issue/{key}/comment/{id}", $$"""{"body":{{Adf.Doc("second")}}}""", 200);
        Assert.Equal("second", updated.Json["body"]!["content"]![0]!["content"]![0]!["text"]!.GetValue<string>());
        await Client.CallAsync("getCommentsByIds", "POST", $"{Api}/comment/list", $$"""{"ids":[{{id}},10000]}""", 200);
        await Client.CallAsync("deleteComment", "DELETE", $"{Api}/issue/{key}/comment/{id}", null, 204);
        await Client.CallAsync("getComment", "GET", $"{Api}/issue/{key}/comment/{id}", null, 404);
    }

    [Fact]
    public async Task addWorklog_getWorklog_updateWorklog_getWorklogsForIds_deleteWorklog_getIdsOfWorklogsDeletedSince()
    {
        string key = await NewIssueAsync();
        var added = await Client.CallAsync("addWorklog", "POST", $"{Api}/issue/{key}/worklog",
            $$"""{"started":"2026-01-02T10:00:00.000+0000","timeSpentSeconds":5400,"comment":{{Adf.Doc("worked")}}}""", 201);
        Assert.Equal("1h 30m", added.Json["timeSpent"]!.GetValue<string>());
        string id = added.Json["id"]!.GetValue<string>();
        await Client.CallAsync("getWorklog", "GET", $"{Api}/issue/{key}/worklog/{id}", null, 200);
        var updated = await Client.CallAsync("updateWorklog", "PUT", $"{Api}/issue/{key}/worklog/{id}", """{"timeSpent":"1d 2h"}""", 200);
        Assert.Equal(36000, updated.Json["timeSpentSeconds"]!.GetValue<long>());
        var list = await Client.CallAsync("getWorklogsForIds", "POST", $"{Api}/worklog/list", $$"""{"ids":[{{id}}]}""", 200);
        Assert.Single(list.Json.AsArray());
        await Client.CallAsync("addWorklog", "POST", $"{Api}/issue/{key}/worklog", """{"timeSpent":"1h"}""", 400);
        await Client.CallAsync("deleteWorklog", "DELETE", $"{Api}/issue/{key}/worklog/{id}", null, 204);
        await Client.CallAsync("getIdsOfWorklogsDeletedSince", "GET", $"{Api}/worklog/deleted?since=0", null, 200);
    }

    [Fact]
    public async Task addWorklog_bulkDeleteWorklogs_getIssueWorklog_getWorklog()
    {
        string key = await NewIssueAsync();
        string other = await NewIssueAsync();
        var ids = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            var added = await Client.CallAsync("addWorklog", "POST", $"{Api}/issue/{key}/worklog",
                """{"started":"2026-01-02T10:00:00.000+0000","timeSpentSeconds":600}""", 201);
            ids.Add(added.Json["id"]!.GetValue<string>());
        }
        var foreign = await Client.CallAsync("addWorklog", "POST", $"{Api}/issue/{other}/worklog",
            """{"started":"2026-01-02T10:00:00.000+0000","timeSpentSeconds":600}""", 201);

        // A worklog of another issue makes the whole request 404, and nothing is deleted.
        await Client.CallAsync("bulkDeleteWorklogs", "DELETE", $"{Api}/issue/{key}/worklog",
            $$"""{"ids":[{{ids[0]}},{{foreign.Json["id"]}}]}""", 404);
        await Client.CallAsync("bulkDeleteWorklogs", "DELETE", $"{Api}/issue/{key}/worklog", """{"ids":[]}""", 400);
        string tooMany = string.Join(",", Enumerable.Range(1, 5001));
        await Client.CallAsync("bulkDeleteWorklogs", "DELETE", $"{Api}/issue/{key}/worklog", $$"""{"ids":[{{tooMany}}]}""", 400);
        Assert.Equal(3, (await Client.CallAsync("getIssueWorklog", "GET", $"{Api}/issue/{key}/worklog", null, 200)).Json["total"]!.GetValue<int>());

        await Client.CallAsync("bulkDeleteWorklogs", "DELETE", $"{Api}/issue/{key}/worklog?adjustEstimate=leave",
            $$"""{"ids":[{{ids[0]}},{{ids[2]}}]}""", 204);
        var left = await Client.CallAsync("getIssueWorklog", "GET", $"{Api}/issue/{key}/worklog", null, 200);
        Assert.Equal([ids[1]], left.Json["worklogs"]!.AsArray().Select(w => w!["id"]!.GetValue<string>()).ToArray());
        await Client.CallAsync("getWorklog", "GET", $"{Api}/issue/{key}/worklog/{ids[0]}", null, 404);
    }

    [Fact]
    public async Task getIssueWatchers_addWatcher_removeWatcher()
    {
        string key = await NewIssueAsync();
        const string bob = "712020:00000000-0000-4000-8000-000000000003";
        await Client.CallAsync("addWatcher", "POST", $"{Api}/issue/{key}/watchers", $"\"{bob}\"", 204);
        var watchers = await Client.CallAsync("getIssueWatchers", "GET", $"{Api}/issue/{key}/watchers", null, 200);
        Assert.Contains(watchers.Json["watchers"]!.AsArray(), w => w!["accountId"]!.GetValue<string>() == bob);
        await Client.CallAsync("removeWatcher", "DELETE", $"{Api}/issue/{key}/watchers?accountId={bob}", null, 204);
        watchers = await Client.CallAsync("getIssueWatchers", "GET", $"{Api}/issue/{key}/watchers", null, 200);
        Assert.DoesNotContain(watchers.Json["watchers"]!.AsArray(), w => w!["accountId"]!.GetValue<string>() == bob);
    }

    [Fact]
    public async Task setIssueProperty_getIssuePropertyKeys_getIssueProperty_countIssues_by_property_deleteIssueProperty()
    {
        string key = await NewIssueAsync();
        await Client.CallAsync("setIssueProperty", "PUT", $"{Api}/issue/{key}/properties/sync", """{"state":"exported","attempts":3}""", 201);
        await Client.CallAsync("setIssueProperty", "PUT", $"{Api}/issue/{key}/properties/sync", """{"state":"exported","attempts":4}""", 200);
        var keys = await Client.CallAsync("getIssuePropertyKeys", "GET", $"{Api}/issue/{key}/properties", null, 200);
        Assert.Equal("sync", keys.Json["keys"]![0]!["key"]!.GetValue<string>());
        var property = await Client.CallAsync("getIssueProperty", "GET", $"{Api}/issue/{key}/properties/sync", null, 200);
        Assert.Equal(4, property.Json["value"]!["attempts"]!.GetValue<int>());
        var count = await Client.CallAsync("countIssues", "POST", $"{Api}/search/approximate-count",
            """{"jql":"issue.property[sync].state = exported AND issue.property[sync].attempts > 3"}""", 200);
        Assert.True(count.Json["count"]!.GetValue<int>() >= 1);
        await Client.CallAsync("deleteIssueProperty", "DELETE", $"{Api}/issue/{key}/properties/sync", null, 204);
        await Client.CallAsync("getIssueProperty", "GET", $"{Api}/issue/{key}/properties/sync", null, 404);
    }

    [Fact]
    public async Task createProject_getProject_updateProject_deleteProject()
    {
        string projectKey = "CT" + Random.Shared.Next(1000, 9999);
        await Client.CallAsync("createProject", "POST", $"{Api}/project",
            $$"""{"key":"{{projectKey}}","name":"Contract {{projectKey}}","projectTypeKey":"software","leadAccountId":"712020:00000000-0000-4000-8000-000000000002"}""", 201);
        await Client.CallAsync("createProject", "POST", $"{Api}/project",
            $$"""{"key":"{{projectKey}}","name":"Duplicate","projectTypeKey":"software","leadAccountId":"712020:00000000-0000-4000-8000-000000000002"}""", 400);
        await Client.CallAsync("getProject", "GET", $"{Api}/project/{projectKey}", null, 200);
        var updated = await Client.CallAsync("updateProject", "PUT", $"{Api}/project/{projectKey}", """{"name":"Renamed by contract","description":"d"}""", 200);
        Assert.Equal("Renamed by contract", updated.Json["name"]!.GetValue<string>());
        var alice = Client.WithAuth(JiraClient.Basic("alice@example.com", "emu-token-alice"));
        await alice.CallAsync("deleteProject", "DELETE", $"{Api}/project/{projectKey}", null, 404);
        await Client.CallAsync("deleteProject", "DELETE", $"{Api}/project/{projectKey}", null, 204);
        await Client.CallAsync("getProject", "GET", $"{Api}/project/{projectKey}", null, 404);
    }

    [Fact]
    public async Task searchAndReconsileIssuesUsingJqlPost_pages_with_tokens_searchForIssuesUsingJqlPost_countIssues()
    {
        const string jql = "project = MOB ORDER BY key DESC";
        var seen = new List<string>();
        string? token = null;
        do
        {
            string body = token is null
                ? $$"""{"jql":"{{jql}}","maxResults":7,"fields":["key","summary"]}"""
                : $$"""{"jql":"{{jql}}","maxResults":7,"fields":["key","summary"],"nextPageToken":"{{token}}"}""";
            var page = await Client.CallAsync("searchAndReconsileIssuesUsingJqlPost", "POST", $"{Api}/search/jql", body, 200);
            seen.AddRange(page.Json["issues"]!.AsArray().Select(i => i!["key"]!.GetValue<string>()));
            bool isLast = page.Json["isLast"]!.GetValue<bool>();
            token = isLast ? null : page.Json["nextPageToken"]!.GetValue<string>();
            Assert.False(page.Json.AsObject().ContainsKey("total"));
        } while (token is not null);

        var old = await Client.CallAsync("searchForIssuesUsingJqlPost", "POST", $"{Api}/search",
            $$"""{"jql":"{{jql}}","startAt":0,"maxResults":1000,"fields":["key"]}""", 200);
        Assert.Equal(old.Json["total"]!.GetValue<int>(), seen.Count);
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        var count = await Client.CallAsync("countIssues", "POST", $"{Api}/search/approximate-count", $$"""{"jql":"{{jql}}"}""", 200);
        Assert.Equal(seen.Count, count.Json["count"]!.GetValue<int>());
    }
}
