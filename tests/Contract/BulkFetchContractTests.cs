using System.Globalization;
using System.Text.Json.Nodes;
using JiraConnector.Tests.Contract.Infrastructure;

namespace JiraConnector.Tests.Contract;

/// <summary>
/// POST issue/bulkfetch (bulkFetchIssues): request and response checked against the spec, and the behaviour its
/// description gives: at most 100 ids or keys, mixed and case-insensitive, each issue once in ascending id order,
/// issues rendered as GET issue and the searches render them, unknown issues in neither list.
/// </summary>
public sealed class BulkFetchContractTests(ReadOnlyCloudJira jira, DataCenterJira dataCenter)
{
    private static string Body(IEnumerable<string> idsOrKeys, string extra = "") =>
        $$"""{"issueIdsOrKeys":{{Json(idsOrKeys)}}{{extra}}}""";

    private static string Json(IEnumerable<string> values) => new JsonArray(values.Select(v => (JsonNode)v).ToArray()).ToJsonString();

    private static List<long> Ids(Reply reply) =>
        reply.Json["issues"]!.AsArray().Select(i => long.Parse(i!["id"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ToList();

    [Theory]
    [InlineData(3)]
    [InlineData(2)]
    public async Task bulkFetchIssues_mixes_ids_and_keys_and_answers_each_issue_once_in_ascending_id_order(int version)
    {
        // Asked out of order, by key in any case and by id, OPS-1 (10000) twice.
        var reply = await jira.Client().CallAsync("bulkFetchIssues", "POST", $"rest/api/{version}/issue/bulkfetch",
            Body(["10011", "web-1", "OPS-1", "10005", "10000"], ""","fields":["summary","status"]"""), 200);

        Assert.Equal([10000L, 10001, 10005, 10011], Ids(reply));
        Assert.Empty(reply.Json["issueErrors"]!.AsArray());
        Assert.All(reply.Json["issues"]!.AsArray(), i => Assert.Equal(["summary", "status"], i!["fields"]!.AsObject().Select(p => p.Key).ToArray()));
    }

    [Fact]
    public async Task bulkFetchIssues_leaves_issues_that_do_not_exist_out_of_both_lists_without_an_error_status()
    {
        // The spec: issueErrors is for retriable or payload errors; "Issues which aren't found ... won't be returned in this list".
        var reply = await jira.Client().CallAsync("bulkFetchIssues", "POST", "rest/api/3/issue/bulkfetch",
            Body(["NOPE-9", "OPS-2", "99999999", "OPS-999999"]), 200);

        Assert.Equal([10006L], Ids(reply));
        Assert.Empty(reply.Json["issueErrors"]!.AsArray());
    }

    [Fact]
    public async Task bulkFetchIssues_takes_100_ids_and_refuses_none_or_101_or_more_than_5_property_keys_with_an_ErrorCollection()
    {
        var hundred = Enumerable.Range(10000, 100).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var all = await jira.Client().CallAsync("bulkFetchIssues", "POST", "rest/api/3/issue/bulkfetch", Body(hundred, ""","fields":["id"]"""), 200);
        Assert.Equal(hundred.Select(long.Parse).ToList(), Ids(all));

        foreach (var body in new[]
        {
            Body([]),
            Body(hundred.Append("10100")),
            Body(["OPS-1"], ""","properties":["a","b","c","d","e","f"]"""),
        })
        {
            var refused = await jira.Client().CallAsync("bulkFetchIssues", "POST", "rest/api/3/issue/bulkfetch", body, 400);
            Assert.True(refused.Json["errorMessages"]!.AsArray().Count + refused.Json["errors"]!.AsObject().Count > 0, refused.Body);
        }
        var unbodied = await jira.Client().SendAsync("POST", "rest/api/3/issue/bulkfetch", """{"fields":["summary"]}""");
        Assert.Equal(400, unbodied.Status);
        Assert.NotNull(unbodied.Json["errors"]!["issueIdsOrKeys"]);
    }

    [Theory]
    [InlineData(3, ""","fields":["summary","description","status","assignee","customfield_10016","comment","attachment"],"expand":["renderedFields","changelog","transitions"],"properties":["*all"]""",
        "fields=summary,description,status,assignee,customfield_10016,comment,attachment&expand=renderedFields,changelog,transitions&properties=*all")]
    [InlineData(2, "", "fields=*navigable")]
    public async Task bulkFetchIssues_renders_each_issue_as_getIssue_and_the_searches_do_for_the_same_fields(int version, string bodyExtra, string query)
    {
        string[] keys = ["OPS-1", "WEB-1", "MOB-2", "DATA-3", "SEC-4", "HR-5"];
        var bulk = await jira.Client().CallAsync("bulkFetchIssues", "POST", $"rest/api/{version}/issue/bulkfetch", Body(keys, bodyExtra), 200);
        var issues = bulk.Json["issues"]!.AsArray();
        Assert.Equal(keys.Length, issues.Count);

        string jql = Uri.EscapeDataString($"key in ({string.Join(",", keys)}) ORDER BY id");
        var searched = (await jira.Client().GetAsync($"rest/api/{version}/search/jql?jql={jql}&{query}")).Json["issues"]!.AsArray();
        var oldSearch = (await jira.Client().GetAsync($"rest/api/{version}/search?jql={jql}&{query}")).Json["issues"]!.AsArray();
        for (int i = 0; i < issues.Count; i++)
        {
            string key = issues[i]!["key"]!.GetValue<string>();
            var single = (await jira.Client().GetAsync($"rest/api/{version}/issue/{key}?{query}")).Json;
            Assert.True(JsonNode.DeepEquals(single, issues[i]), $"{key}: GET issue and bulkfetch render it differently");
            Assert.True(JsonNode.DeepEquals(searched[i], issues[i]), $"{key}: search/jql and bulkfetch render it differently");
            Assert.True(JsonNode.DeepEquals(oldSearch[i], issues[i]), $"{key}: search and bulkfetch render it differently");
        }
    }

    [Fact]
    public async Task Data_Center_has_no_bulkfetch()
    {
        // Jira 8.4.3's WADL has no issue/bulkfetch: a Data Center client reads by search startAt instead.
        var reply = await dataCenter.Client().SendAsync("POST", "rest/api/2/issue/bulkfetch", Body(["OPS-1"]));
        Assert.Equal(404, reply.Status);
    }
}
