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
}
