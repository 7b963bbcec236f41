using System.Text.Json.Nodes;
using JiraConnector.Tests.Contract.Infrastructure;
using JiraConnector.Tests.Contract.OpenApi;

namespace JiraConnector.Tests.Contract;

/// <summary>
/// The Agile API (/rest/agile/1.0) against the Jira Software OpenAPI document: boards, sprints, moving issues into a
/// sprint and back to the backlog, and the sprint field those moves change. Where the document shows a sprint only by
/// example, the body is checked against its SprintBean. Seeded: WEB, MOB, DATA and SEC have scrum boards 1 to 4, each
/// with one active sprint (1 to 4); OPS has kanban board 5.
/// </summary>
[Collection(CloudWriters.Name)]
public sealed class AgileContractTests(CloudJira cloud, DataCenterJira dataCenter)
{
    private const string Agile = "rest/agile/1.0";
    private const string SprintField = "customfield_10020";
    private static OpenApiDocument Spec => OpenApiDocument.Agile;

    private Task<Reply> CallAsync(string operationId, string method, string path, string? body, int status) =>
        cloud.Client().CallAsync(Spec, operationId, method, path, body, status);

    private async Task<long> NewSprintAsync(long board, string name)
    {
        var created = await CallAsync("createSprint", "POST", $"{Agile}/sprint", $$"""{"name":"{{name}}","originBoardId":{{board}},"goal":"a goal"}""", 201);
        ContractAssert.MatchesComponent("SprintBean", created.Body, Spec);
        return created.Json["id"]!.GetValue<long>();
    }

    private async Task<JsonNode?> SprintFieldAsync(string key) =>
        (await cloud.Client().GetAsync($"rest/api/3/issue/{key}?fields={SprintField}")).Json["fields"]![SprintField];

    private static string[] Keys(Reply page) => page.Json["issues"]!.AsArray().Select(i => i!["key"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task createBoard_getBoard_deleteBoard_over_a_filter_and_its_sprints_go_with_it()
    {
        var client = cloud.Client();
        var filter = await client.CallAsync("createFilter", "POST", "rest/api/3/filter", """{"name":"Board filter","jql":"project = DATA"}""", 200);
        long filterId = long.Parse(filter.Json["id"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        await CallAsync("createBoard", "POST", $"{Agile}/board", """{"name":"No filter","type":"scrum"}""", 400);
        await CallAsync("createBoard", "POST", $"{Agile}/board", $$"""{"name":"Odd","type":"agility","filterId":{{filterId}}}""", 400);

        // Without a location the board lives in the project its filter names.
        var created = await CallAsync("createBoard", "POST", $"{Agile}/board", $$"""{"name":"DATA night board","type":"scrum","filterId":{{filterId}}}""", 201);
        long board = created.Json["id"]!.GetValue<long>();
        var read = await CallAsync("getBoard", "GET", $"{Agile}/board/{board}", null, 200);
        Assert.Equal("DATA", read.Json["location"]!["projectKey"]!.GetValue<string>());
        long sprint = await NewSprintAsync(board, "Night sprint");

        await CallAsync("deleteBoard", "DELETE", $"{Agile}/board/{board}", null, 204);
        await CallAsync("getBoard", "GET", $"{Agile}/board/{board}", null, 404);
        await CallAsync("getSprint", "GET", $"{Agile}/sprint/{sprint}", null, 404);
        await client.CallAsync("deleteFilter", "DELETE", $"rest/api/3/filter/{filterId}", null, 204);
    }

    [Fact]
    public async Task getAllBoards_getBoard_list_the_seeded_boards()
    {
        var all = await CallAsync("getAllBoards", "GET", $"{Agile}/board", null, 200);
        Assert.Equal(5, all.Json["total"]!.GetValue<int>());
        Assert.True(all.Json["isLast"]!.GetValue<bool>());
        var kanban = await CallAsync("getAllBoards", "GET", $"{Agile}/board?type=kanban", null, 200);
        Assert.Equal("OPS", kanban.Json["values"]![0]!["location"]!["projectKey"]!.GetValue<string>());
        var web = await CallAsync("getAllBoards", "GET", $"{Agile}/board?projectKeyOrId=WEB&maxResults=1", null, 200);
        Assert.Equal(1, web.Json["values"]![0]!["id"]!.GetValue<long>());
        var board = await CallAsync("getBoard", "GET", $"{Agile}/board/1", null, 200);
        Assert.Equal("scrum", board.Json["type"]!.GetValue<string>());
        await CallAsync("getBoard", "GET", $"{Agile}/board/999", null, 404);
    }

    [Fact]
    public async Task getAllSprints_lists_a_scrum_boards_sprints_and_refuses_a_kanban_board()
    {
        var sprints = await CallAsync("getAllSprints", "GET", $"{Agile}/board/1/sprint?state=active", null, 200);
        var active = Assert.Single(sprints.Json["values"]!.AsArray())!;
        Assert.Equal("WEB Sprint 1", active["name"]!.GetValue<string>());
        ContractAssert.MatchesComponent("SprintBean", active.ToJsonString(), Spec);
        await CallAsync("getAllSprints", "GET", $"{Agile}/board/5/sprint", null, 400);
    }

    [Fact]
    public async Task createSprint_getSprint_partiallyUpdateSprint_updateSprint_deleteSprint_walk_the_sprint_states()
    {
        long id = await NewSprintAsync(3, "DATA next");
        var sprint = await CallAsync("getSprint", "GET", $"{Agile}/sprint/{id}", null, 200);
        Assert.Equal("future", sprint.Json["state"]!.GetValue<string>());
        Assert.Equal(3, sprint.Json["originBoardId"]!.GetValue<long>());
        await CallAsync("createSprint", "POST", $"{Agile}/sprint", """{"name":"this sprint name is far too long to keep","originBoardId":3}""", 400);
        await CallAsync("createSprint", "POST", $"{Agile}/sprint", """{"name":"kanban","originBoardId":5}""", 400);

        // Starting needs both dates.
        await CallAsync("partiallyUpdateSprint", "POST", $"{Agile}/sprint/{id}", """{"state":"active"}""", 400);
        var started = await CallAsync("partiallyUpdateSprint", "POST", $"{Agile}/sprint/{id}",
            """{"state":"active","startDate":"2026-02-02T09:00:00.000+00:00","endDate":"2026-02-16T17:00:00.000+00:00"}""", 200);
        ContractAssert.MatchesComponent("SprintBean", started.Body, Spec);
        Assert.Equal("active", started.Json["state"]!.GetValue<string>());
        Assert.Equal("a goal", started.Json["goal"]!.GetValue<string>());

        // A full update clears what it leaves out (the goal); closing stamps the complete date.
        var closed = await CallAsync("updateSprint", "PUT", $"{Agile}/sprint/{id}", """{"name":"DATA done","state":"closed"}""", 200);
        Assert.Null(closed.Json["goal"]);
        Assert.NotNull(closed.Json["completeDate"]);
        await CallAsync("partiallyUpdateSprint", "POST", $"{Agile}/sprint/{id}", """{"state":"active"}""", 400);

        await CallAsync("deleteSprint", "DELETE", $"{Agile}/sprint/{id}", null, 204);
        await CallAsync("getSprint", "GET", $"{Agile}/sprint/{id}", null, 404);
    }

    [Fact]
    public async Task moveIssuesToSprintAndRank_getIssuesForSprint_moveIssuesToBacklog_change_the_sprint_field()
    {
        var client = cloud.Client();
        string first = await client.NewIssueAsync(project: "MOB");
        string second = await client.NewIssueAsync(project: "MOB");
        Assert.Null(await SprintFieldAsync(first));

        await CallAsync("moveIssuesToSprintAndRank", "POST", $"{Agile}/sprint/2/issue", $$"""{"issues":["{{first}}","{{second}}"]}""", 204);
        var inSprint = await CallAsync("getIssuesForSprint", "GET", $"{Agile}/sprint/2/issue?fields=summary", null, 200);
        Assert.Contains(first, Keys(inSprint));
        Assert.Contains(second, Keys(inSprint));
        var field = Assert.Single((await SprintFieldAsync(first))!.AsArray())!;
        Assert.Equal(2, field["id"]!.GetValue<long>());
        Assert.Equal("active", field["state"]!.GetValue<string>());
        Assert.Equal(2, field["boardId"]!.GetValue<long>());
        string jql = Uri.EscapeDataString($"key in ({first}, {second}) AND sprint in openSprints() AND sprint = \"MOB Sprint 1\"");
        Assert.Equal(2, (await client.GetAsync($"rest/api/3/search/jql?jql={jql}")).Json["issues"]!.AsArray().Count);

        // A second open sprint takes the issue over; the backlog takes it out of any.
        long next = await NewSprintAsync(2, "MOB next");
        await CallAsync("moveIssuesToSprintAndRank", "POST", $"{Agile}/sprint/{next}/issue", $$"""{"issues":["{{first}}"]}""", 204);
        Assert.Equal([next], (await SprintFieldAsync(first))!.AsArray().Select(s => s!["id"]!.GetValue<long>()));
        await CallAsync("moveIssuesToBacklog", "POST", $"{Agile}/backlog/issue", $$"""{"issues":["{{first}}","{{second}}"]}""", 204);
        Assert.Null(await SprintFieldAsync(first));
        Assert.DoesNotContain(second, Keys(await CallAsync("getIssuesForSprint", "GET", $"{Agile}/sprint/2/issue", null, 200)));
        var items = (await client.GetAsync($"rest/api/3/issue/{second}/changelog")).Json["values"]!.AsArray().SelectMany(h => h!["items"]!.AsArray());
        Assert.Contains(items, i => i!["field"]!.GetValue<string>() == "Sprint" && i["fromString"]?.GetValue<string>() == "MOB Sprint 1");

        await CallAsync("moveIssuesToSprintAndRank", "POST", $"{Agile}/sprint/2/issue", """{"issues":["NOPE-1"]}""", 400);
        await CallAsync("moveIssuesToSprintAndRank", "POST", $"{Agile}/sprint/999/issue", $$"""{"issues":["{{first}}"]}""", 404);
        await CallAsync("deleteSprint", "DELETE", $"{Agile}/sprint/{next}", null, 204);
    }

    [Fact]
    public async Task getIssuesForBoard_gives_the_boards_project_issues_narrowed_by_jql()
    {
        string key = await cloud.Client().NewIssueAsync(project: "SEC", summary: "Board issue");
        var all = await CallAsync("getIssuesForBoard", "GET", $"{Agile}/board/4/issue?maxResults=1000&fields=project", null, 200);
        Assert.All(all.Json["issues"]!.AsArray(), i => Assert.Equal("SEC", i!["fields"]!["project"]!["key"]!.GetValue<string>()));
        Assert.Contains(key, Keys(all));
        var narrowed = await CallAsync("getIssuesForBoard", "GET", $"{Agile}/board/4/issue?jql={Uri.EscapeDataString($"key = {key}")}", null, 200);
        Assert.Equal([key], Keys(narrowed));
        Assert.Equal(1, narrowed.Json["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_sprint_field_is_set_by_a_create_and_refuses_a_closed_sprint()
    {
        var client = cloud.Client();
        string key = await client.NewIssueAsync(project: "WEB", extraFields: $$""","{{SprintField}}":1""");
        Assert.Equal(1, (await SprintFieldAsync(key))![0]!["id"]!.GetValue<long>());
        long closed = await NewSprintAsync(1, "WEB closed");
        await CallAsync("partiallyUpdateSprint", "POST", $"{Agile}/sprint/{closed}",
            """{"state":"active","startDate":"2026-01-05T09:00:00.000+00:00","endDate":"2026-01-19T09:00:00.000+00:00"}""", 200);
        await CallAsync("partiallyUpdateSprint", "POST", $"{Agile}/sprint/{closed}", """{"state":"closed"}""", 200);
        var refused = await client.SendAsync("PUT", $"rest/api/3/issue/{key}", $$$"""{"fields":{"{{{SprintField}}}":{{{closed}}}}}""");
        Assert.Equal(400, refused.Status);
        Assert.NotNull(refused.Json["errors"]![SprintField]);
        await CallAsync("moveIssuesToSprintAndRank", "POST", $"{Agile}/sprint/{closed}/issue", $$"""{"issues":["{{key}}"]}""", 400);
    }

    [Fact]
    public async Task Data_Center_serves_the_Agile_API_and_writes_the_sprint_field_as_text()
    {
        var client = dataCenter.Client();
        Assert.Equal(5, (await client.GetAsync($"{Agile}/board")).Json["total"]!.GetValue<int>());
        string key = await client.NewIssueAsync(project: "WEB", api: "rest/api/2");
        Assert.Equal(204, (await client.SendAsync("POST", $"{Agile}/sprint/1/issue", $$"""{"issues":["{{key}}"]}""")).Status);
        var field = (await client.GetAsync($"rest/api/2/issue/{key}?fields={SprintField}")).Json["fields"]![SprintField]![0]!.GetValue<string>();
        Assert.StartsWith("com.atlassian.greenhopper.service.sprint.Sprint@", field);
        Assert.Contains("[id=1,rapidViewId=1,state=ACTIVE,name=WEB Sprint 1,", field);
    }
}
