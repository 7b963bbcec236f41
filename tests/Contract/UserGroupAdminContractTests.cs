using System.Text.Json.Nodes;
using JiraConnector.Tests.Contract.Infrastructure;
using JiraConnector.Tests.Contract.Wadl;

namespace JiraConnector.Tests.Contract;

/// <summary>
/// An administrator's user and group writes, as each deployment does them: Cloud makes users from an email address and
/// names them by accountId; Data Center needs a user name, display name and address, and names users by name.
/// Each test removes what it made, so the shared emulator's directory ends as it began.
/// </summary>
[Collection(CloudWriters.Name)]
public sealed class UserGroupAdminContractTests(CloudJira cloud, DataCenterJira dataCenter)
{
    private const string Api = "rest/api/3";
    private const string Bob = "712020:00000000-0000-4000-8000-000000000003";

    private static string[] Members(JsonNode page, string id = "accountId") => page["values"]!.AsArray().Select(u => u![id]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task createUser_getUser_getUserGroups_removeUser()
    {
        var admin = cloud.Client();
        string email = $"new.{TestIssues.UniqueSuffix()}@example.com";
        var created = await admin.CallAsync("createUser", "POST", $"{Api}/user", $$"""{"emailAddress":"{{email}}","products":["jira-software"]}""", 201);
        string accountId = created.Json["accountId"]!.GetValue<string>();
        Assert.Equal(email, created.Json["emailAddress"]!.GetValue<string>());
        Assert.Equal(email.Split('@')[0], created.Json["displayName"]!.GetValue<string>());
        Assert.True(created.Json["active"]!.GetValue<bool>());
        await admin.CallAsync("getUser", "GET", $"{Api}/user?accountId={accountId}", null, 200);
        var groups = await admin.CallAsync("getUserGroups", "GET", $"{Api}/user/groups?accountId={accountId}", null, 200);
        Assert.Equal(["jira-software-users"], groups.Json.AsArray().Select(g => g!["name"]!.GetValue<string>()));

        await admin.CallAsync("createUser", "POST", $"{Api}/user", $$"""{"emailAddress":"{{email.ToUpperInvariant()}}","products":[]}""", 400);
        await cloud.AliceClient().CallAsync("createUser", "POST", $"{Api}/user", """{"emailAddress":"sneaky@example.com","products":[]}""", 403);
        await admin.CallAsync("removeUser", "DELETE", $"{Api}/user?accountId=712020:00000000-0000-4000-8000-000000000001", null, 400);
        await cloud.AliceClient().CallAsync("removeUser", "DELETE", $"{Api}/user?accountId={accountId}", null, 403);

        await admin.CallAsync("removeUser", "DELETE", $"{Api}/user?accountId={accountId}", null, 204);
        await admin.CallAsync("getUser", "GET", $"{Api}/user?accountId={accountId}", null, 404);
        await admin.CallAsync("removeUser", "DELETE", $"{Api}/user?accountId={accountId}", null, 404);
    }

    [Fact]
    public async Task createGroup_addUserToGroup_getUsersFromGroup_removeUserFromGroup_removeGroup()
    {
        var admin = cloud.Client();
        string name = $"team-{TestIssues.UniqueSuffix()}";
        var created = await admin.CallAsync("createGroup", "POST", $"{Api}/group", $$"""{"name":"{{name}}"}""", 201);
        Assert.Equal(name, created.Json["name"]!.GetValue<string>());
        Assert.Equal(0, created.Json["users"]!["size"]!.GetValue<int>());
        string groupId = created.Json["groupId"]!.GetValue<string>();
        await admin.CallAsync("createGroup", "POST", $"{Api}/group", $$"""{"name":"{{name.ToUpperInvariant()}}"}""", 400);
        await cloud.AliceClient().CallAsync("createGroup", "POST", $"{Api}/group", """{"name":"alices-group"}""", 403);

        var added = await admin.CallAsync("addUserToGroup", "POST", $"{Api}/group/user?groupId={groupId}", $$"""{"accountId":"{{Bob}}"}""", 201);
        Assert.Equal(Bob, added.Json["users"]!["items"]![0]!["accountId"]!.GetValue<string>());
        await admin.CallAsync("addUserToGroup", "POST", $"{Api}/group/user?groupname={name}", $$"""{"accountId":"{{Bob}}"}""", 400);
        await admin.CallAsync("addUserToGroup", "POST", $"{Api}/group/user?groupname={name}", """{"accountId":"nobody"}""", 404);
        Assert.Equal([Bob], Members((await admin.CallAsync("getUsersFromGroup", "GET", $"{Api}/group/member?groupname={name}", null, 200)).Json));
        Assert.Contains((await admin.GetAsync($"{Api}/user/groups?accountId={Bob}")).Json.AsArray(), g => g!["name"]!.GetValue<string>() == name);

        await admin.CallAsync("removeUserFromGroup", "DELETE", $"{Api}/group/user?groupname={name}&accountId={Bob}", null, 200);
        Assert.Empty(Members((await admin.GetAsync($"{Api}/group/member?groupname={name}")).Json));
        await admin.CallAsync("removeUserFromGroup", "DELETE", $"{Api}/group/user?groupname={name}&accountId={Bob}", null, 400);

        // Deleting with swapGroup puts the members in the other group.
        string swap = $"swap-{TestIssues.UniqueSuffix()}";
        await admin.CallAsync("createGroup", "POST", $"{Api}/group", $$"""{"name":"{{swap}}"}""", 201);
        await admin.CallAsync("addUserToGroup", "POST", $"{Api}/group/user?groupname={name}", $$"""{"accountId":"{{Bob}}"}""", 201);
        await admin.CallAsync("removeGroup", "DELETE", $"{Api}/group?groupname={name}&swapGroup={swap}", null, 200);
        await admin.CallAsync("getUsersFromGroup", "GET", $"{Api}/group/member?groupname={name}", null, 404);
        Assert.Equal([Bob], Members((await admin.GetAsync($"{Api}/group/member?groupname={swap}")).Json));
        await admin.CallAsync("removeGroup", "DELETE", $"{Api}/group?groupname={swap}", null, 200);
        Assert.DoesNotContain((await admin.GetAsync($"{Api}/user/groups?accountId={Bob}")).Json.AsArray(), g => g!["name"]!.GetValue<string>() == swap);
    }

    [Fact]
    public async Task Data_Center_user_and_group_writes_use_names_and_match_the_WADL()
    {
        var admin = dataCenter.Client();
        string login = $"dc{TestIssues.UniqueSuffix()}";
        var user = await admin.SendAsync("POST", "rest/api/2/user",
            $$"""{"name":"{{login}}","password":"secret","emailAddress":"{{login}}@example.com","displayName":"DC {{login}}"}""");
        Assert.Equal(201, user.Status);
        WadlAssert.ResponseMatches("/api/2/user", "POST", 201, user.Body);
        Assert.Null(user.Json["accountId"]);
        Assert.Equal(400, (await admin.SendAsync("POST", "rest/api/2/user", $$"""{"name":"{{login}}","emailAddress":"other@example.com","displayName":"x"}""")).Status);
        Assert.Equal(400, (await admin.SendAsync("POST", "rest/api/2/user", """{"emailAddress":"nameless@example.com"}""")).Status);

        string group = $"dc-team-{TestIssues.UniqueSuffix()}";
        var created = await admin.SendAsync("POST", "rest/api/2/group", $$"""{"name":"{{group}}"}""");
        Assert.Equal(201, created.Status);
        WadlAssert.ResponseMatches("/api/2/group", "POST", 201, created.Body);
        var added = await admin.SendAsync("POST", $"rest/api/2/group/user?groupname={group}", $$"""{"name":"{{login}}"}""");
        Assert.Equal(201, added.Status);
        WadlAssert.ResponseMatches("/api/2/group/user", "POST", 201, added.Body);
        Assert.Equal(login, added.Json["users"]!["items"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(200, (await admin.SendAsync("DELETE", $"rest/api/2/group/user?groupname={group}&username={login}")).Status);
        Assert.Equal(200, (await admin.SendAsync("DELETE", $"rest/api/2/group?groupname={group}")).Status);
        Assert.Equal(204, (await admin.SendAsync("DELETE", $"rest/api/2/user?username={login}")).Status);
        Assert.Equal(404, (await admin.GetAsync($"rest/api/2/user?username={login}")).Status);
    }
}
