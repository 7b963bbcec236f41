using System.Text.Json.Nodes;
using JiraConnector.Tests.Contract.Infrastructure;

namespace JiraConnector.Tests.Contract;

/// <summary>
/// Time tracking: estimates set through the timetracking field on create and edit, and what worklogs do to time spent
/// and the remaining estimate under each adjustEstimate (auto by default), as the spec describes addWorklog,
/// updateWorklog and deleteWorklog. Every figure is in seconds (Jira's 8-hour day: 1d = 28800).
/// </summary>
[Collection(CloudWriters.Name)]
public sealed class TimeTrackingContractTests(CloudJira cloud, DataCenterJira dataCenter)
{
    private const string Api = "rest/api/3";
    private const string Started = "2026-01-05T09:00:00.000+0000";

    private async Task<JsonNode> FieldsAsync(string key, JiraClient? client = null, string api = Api) =>
        (await (client ?? cloud.Client()).GetAsync($"{api}/issue/{key}?fields=*all")).Json["fields"]!;

    private static long? Seconds(JsonNode fields, string field) => fields[field]?.GetValue<long>();

    private async Task<string> LogAsync(string key, string timeSpent, string query = "", int status = 201)
    {
        var reply = await cloud.Client().CallAsync("addWorklog", "POST", $"{Api}/issue/{key}/worklog{query}",
            $$"""{"started":"{{Started}}","timeSpent":"{{timeSpent}}"}""", status);
        return status == 201 ? reply.Json["id"]!.GetValue<string>() : "";
    }

    [Fact]
    public async Task createIssue_sets_the_estimates_and_addWorklog_spends_and_reduces_what_remains()
    {
        string key = await cloud.Client().NewIssueAsync(extraFields: ""","timetracking":{"originalEstimate":"1d","remainingEstimate":"6h"}""");
        var fields = await FieldsAsync(key);
        Assert.Equal(28800, Seconds(fields, "timeoriginalestimate"));
        Assert.Equal(21600, Seconds(fields, "timeestimate"));
        Assert.Null(Seconds(fields, "timespent"));
        Assert.Equal("1d", fields["timetracking"]!["originalEstimate"]!.GetValue<string>());
        Assert.Equal("6h", fields["timetracking"]!["remainingEstimate"]!.GetValue<string>());
        Assert.Null(fields["timetracking"]!["timeSpent"]);

        await LogAsync(key, "2h");
        fields = await FieldsAsync(key);
        Assert.Equal(7200, Seconds(fields, "timespent"));
        Assert.Equal(7200, Seconds(fields, "aggregatetimespent"));
        Assert.Equal(14400, Seconds(fields, "timeestimate"));
        Assert.Equal(7200, fields["timetracking"]!["timeSpentSeconds"]!.GetValue<long>());
        Assert.Equal("4h", fields["timetracking"]!["remainingEstimate"]!.GetValue<string>());
        Assert.Equal(7200, fields["progress"]!["progress"]!.GetValue<long>());
        Assert.Equal(21600, fields["progress"]!["total"]!.GetValue<long>());
        Assert.Equal(33, fields["progress"]!["percent"]!.GetValue<long>());
        Assert.Equal(25, fields["workratio"]!.GetValue<long>());
    }

    [Fact]
    public async Task addWorklog_updateWorklog_deleteWorklog_follow_adjustEstimate()
    {
        string key = await cloud.Client().NewIssueAsync(extraFields: ""","timetracking":{"originalEstimate":"2d"}""");
        // Only an original estimate: all of it remains.
        Assert.Equal(57600, Seconds(await FieldsAsync(key), "timeestimate"));

        await LogAsync(key, "1h", "?adjustEstimate=leave");
        Assert.Equal(57600, Seconds(await FieldsAsync(key), "timeestimate"));
        await LogAsync(key, "1h", "?adjustEstimate=new&newEstimate=5h");
        Assert.Equal(18000, Seconds(await FieldsAsync(key), "timeestimate"));
        string manual = await LogAsync(key, "1h", "?adjustEstimate=manual&reduceBy=30m");
        Assert.Equal(16200, Seconds(await FieldsAsync(key), "timeestimate"));
        // No worklog is added when the estimate cannot be worked out.
        await LogAsync(key, "1h", "?adjustEstimate=new", status: 400);
        Assert.Equal(3, (await cloud.Client().GetAsync($"{Api}/issue/{key}/worklog")).Json["total"]!.GetValue<int>());
        Assert.Equal(10800, Seconds(await FieldsAsync(key), "timespent"));

        // Changing a worklog from 1h to 3h takes the 2h more off (auto).
        await cloud.Client().CallAsync("updateWorklog", "PUT", $"{Api}/issue/{key}/worklog/{manual}", """{"timeSpent":"3h"}""", 200);
        var fields = await FieldsAsync(key);
        Assert.Equal(18000, Seconds(fields, "timespent"));
        Assert.Equal(9000, Seconds(fields, "timeestimate"));

        // Deleting it gives its 3h back (auto), and more than that would be the remaining estimate's business.
        await cloud.Client().CallAsync("deleteWorklog", "DELETE", $"{Api}/issue/{key}/worklog/{manual}", null, 204);
        fields = await FieldsAsync(key);
        Assert.Equal(7200, Seconds(fields, "timespent"));
        Assert.Equal(19800, Seconds(fields, "timeestimate"));
        Assert.Equal(57600, Seconds(fields, "timeoriginalestimate"));
    }

    [Fact]
    public async Task editIssue_changes_estimates_through_timetracking_and_records_them()
    {
        var client = cloud.Client();
        string key = await client.NewIssueAsync();
        Assert.Equal(-1, (await FieldsAsync(key))["workratio"]!.GetValue<long>());
        await client.CallAsync("editIssue", "PUT", $"{Api}/issue/{key}", """{"fields":{"timetracking":{"originalEstimate":"3h"}}}""", 204);
        Assert.Equal(10800, Seconds(await FieldsAsync(key), "timeestimate"));
        await LogAsync(key, "1h");
        // With work logged, a new original estimate leaves the remaining one as it is.
        await client.CallAsync("editIssue", "PUT", $"{Api}/issue/{key}", """{"update":{"timetracking":[{"edit":{"originalEstimate":"1d"}}]}}""", 204);
        var fields = await FieldsAsync(key);
        Assert.Equal(28800, Seconds(fields, "timeoriginalestimate"));
        Assert.Equal(7200, Seconds(fields, "timeestimate"));
        var items = (await client.GetAsync($"{Api}/issue/{key}/changelog")).Json["values"]!.AsArray().SelectMany(h => h!["items"]!.AsArray()).ToList();
        Assert.Contains(items, i => i!["field"]!.GetValue<string>() == "timeoriginalestimate" && i["to"]?.GetValue<string>() == "28800");

        var bad = await client.CallAsync("editIssue", "PUT", $"{Api}/issue/{key}", """{"fields":{"timetracking":{"remainingEstimate":"soon"}}}""", 400);
        Assert.NotNull(bad.Json["errors"]!["timetracking"]);
        await client.CallAsync("editIssue", "PUT", $"{Api}/issue/{key}", """{"fields":{"timespent":60}}""", 400);
    }

    [Fact]
    public async Task Data_Center_takes_the_same_timetracking_field()
    {
        var client = dataCenter.Client();
        string key = await client.NewIssueAsync(api: "rest/api/2", extraFields: ""","timetracking":{"originalEstimate":"4h"}""");
        Assert.Equal(201, (await client.SendAsync("POST", $"rest/api/2/issue/{key}/worklog", $$"""{"started":"{{Started}}","timeSpentSeconds":3600}""")).Status);
        var fields = await FieldsAsync(key, client, "rest/api/2");
        Assert.Equal(3600, Seconds(fields, "timespent"));
        Assert.Equal(10800, Seconds(fields, "timeestimate"));
        Assert.Equal("3h", fields["timetracking"]!["remainingEstimate"]!.GetValue<string>());
    }
}
