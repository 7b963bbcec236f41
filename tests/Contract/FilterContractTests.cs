using System.Text.Json.Nodes;
using JiraConnector.Tests.Contract.Infrastructure;
using JiraConnector.Tests.Contract.Wadl;

namespace JiraConnector.Tests.Contract;

/// <summary>
/// Filters: create, read, update, delete, the lists (mine, favourites, search) and share permissions, shapes against
/// the spec and Data Center's WADL; and who sees what: a filter is its owner's until shared, a share with a group
/// shows it to the group's members, a global share replaces the others.
/// </summary>
[Collection(CloudWriters.Name)]
public sealed class FilterContractTests(CloudJira cloud, DataCenterJira dataCenter)
{
    private const string Api = "rest/api/3";

    private async Task<(string Id, string Name)> NewFilterAsync(JiraClient client, string prefix = "Filter", bool favourite = false)
    {
        string name = TestIssues.UniqueName(prefix);
        var created = await client.CallAsync("createFilter", "POST", $"{Api}/filter",
            $$"""{"name":"{{name}}","description":"made by a test","jql":"project = OPS AND status = Done","favourite":{{(favourite ? "true" : "false")}}}""", 200);
        return (created.Json["id"]!.GetValue<string>(), name);
    }

    private static string[] Ids(JsonNode filters) => filters.AsArray().Select(f => f!["id"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task createFilter_getFilter_updateFilter_deleteFilter()
    {
        var client = cloud.Client();
        var (id, name) = await NewFilterAsync(client);
        var filter = await client.CallAsync("getFilter", "GET", $"{Api}/filter/{id}", null, 200);
        Assert.Equal(name, filter.Json["name"]!.GetValue<string>());
        Assert.Equal("project = OPS AND status = Done", filter.Json["jql"]!.GetValue<string>());
        Assert.Equal("admin@example.com", filter.Json["owner"]!["emailAddress"]!.GetValue<string>());
        Assert.Empty(filter.Json["sharePermissions"]!.AsArray());

        var updated = await client.CallAsync("updateFilter", "PUT", $"{Api}/filter/{id}", $$"""{"name":"{{name}} renamed","jql":"project = WEB"}""", 200);
        Assert.Equal($"{name} renamed", updated.Json["name"]!.GetValue<string>());
        Assert.Equal("project = WEB", updated.Json["jql"]!.GetValue<string>());

        var badJql = await client.CallAsync("updateFilter", "PUT", $"{Api}/filter/{id}", """{"name":"x","jql":"project = ("}""", 400);
        Assert.StartsWith("Error in the JQL Query", badJql.Json["errors"]!["jql"]!.GetValue<string>());
        var (_, other) = await NewFilterAsync(client);
        var duplicate = await client.CallAsync("createFilter", "POST", $"{Api}/filter", $$"""{"name":"{{other}}","jql":"project = OPS"}""", 400);
        Assert.Equal("Filter with same name already exists.", duplicate.Json["errors"]!["filterName"]!.GetValue<string>());

        await client.CallAsync("deleteFilter", "DELETE", $"{Api}/filter/{id}", null, 204);
        await client.CallAsync("getFilter", "GET", $"{Api}/filter/{id}", null, 400);
    }

    [Fact]
    public async Task addSharePermission_getSharePermissions_getSharePermission_deleteSharePermission_decide_who_sees_a_filter()
    {
        var admin = cloud.Client();
        var (id, _) = await NewFilterAsync(admin, "Shared");
        await cloud.AliceClient().CallAsync("getFilter", "GET", $"{Api}/filter/{id}", null, 400);

        // Alice is in jira-software-users.
        var shared = await admin.CallAsync("addSharePermission", "POST", $"{Api}/filter/{id}/permission", """{"type":"group","groupname":"jira-software-users"}""", 201);
        var share = Assert.Single(shared.Json.AsArray())!;
        Assert.Equal("group", share["type"]!.GetValue<string>());
        Assert.Equal("jira-software-users", share["group"]!["name"]!.GetValue<string>());
        await cloud.AliceClient().CallAsync("getFilter", "GET", $"{Api}/filter/{id}", null, 200);
        await admin.CallAsync("addSharePermission", "POST", $"{Api}/filter/{id}/permission", """{"type":"project","projectId":"10001"}""", 201);
        await cloud.AliceClient().CallAsync("addSharePermission", "POST", $"{Api}/filter/{id}/permission", """{"type":"global"}""", 404);
        await admin.CallAsync("addSharePermission", "POST", $"{Api}/filter/{id}/permission", """{"type":"group","groupname":"no-such-group"}""", 400);
        Assert.Equal(2, (await admin.CallAsync("getSharePermissions", "GET", $"{Api}/filter/{id}/permission", null, 200)).Json.AsArray().Count);

        // A share with everyone replaces the narrower ones.
        var global = await admin.CallAsync("addSharePermission", "POST", $"{Api}/filter/{id}/permission", """{"type":"global"}""", 201);
        long permissionId = Assert.Single(global.Json.AsArray())!["id"]!.GetValue<long>();
        var one = await admin.CallAsync("getSharePermission", "GET", $"{Api}/filter/{id}/permission/{permissionId}", null, 200);
        Assert.Equal("global", one.Json["type"]!.GetValue<string>());

        await admin.CallAsync("deleteSharePermission", "DELETE", $"{Api}/filter/{id}/permission/{permissionId}", null, 204);
        await admin.CallAsync("getSharePermission", "GET", $"{Api}/filter/{id}/permission/{permissionId}", null, 404);
        await cloud.AliceClient().CallAsync("getFilter", "GET", $"{Api}/filter/{id}", null, 400);
    }

    [Fact]
    public async Task getMyFilters_getFavouriteFilters_list_the_callers_own_and_favourite_filters()
    {
        var admin = cloud.Client();
        var (mine, _) = await NewFilterAsync(admin, "Mine", favourite: true);
        var (hers, _) = await NewFilterAsync(cloud.AliceClient(), "Hers");
        await cloud.AliceClient().CallAsync("addSharePermission", "POST", $"{Api}/filter/{hers}/permission", """{"type":"authenticated"}""", 201);
        // Visible is not editable: only the owner (or an edit share) may change a filter.
        await admin.CallAsync("updateFilter", "PUT", $"{Api}/filter/{hers}", """{"name":"taken over","favourite":true}""", 400);

        var my = await admin.CallAsync("getMyFilters", "GET", $"{Api}/filter/my", null, 200);
        Assert.Contains(mine, Ids(my.Json));
        Assert.DoesNotContain(hers, Ids(my.Json));
        Assert.DoesNotContain(mine, Ids((await cloud.AliceClient().CallAsync("getMyFilters", "GET", $"{Api}/filter/my", null, 200)).Json));
        var favourites = await admin.CallAsync("getFavouriteFilters", "GET", $"{Api}/filter/favourite", null, 200);
        Assert.Contains(mine, Ids(favourites.Json));
        Assert.Equal(1, favourites.Json.AsArray().Single(f => f!["id"]!.GetValue<string>() == mine)!["favouritedCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task getFiltersPaginated_finds_by_name_owner_share_and_id_and_expands_on_request()
    {
        var admin = cloud.Client();
        string word = "Zq" + Guid.NewGuid().ToString("N")[..8];
        var (first, _) = await NewFilterAsync(admin, $"{word} alpha");
        var (second, _) = await NewFilterAsync(admin, $"Team {word} beta");
        await admin.CallAsync("addSharePermission", "POST", $"{Api}/filter/{second}/permission", """{"type":"group","groupname":"developers"}""", 201);

        var byName = await admin.CallAsync("getFiltersPaginated", "GET", $"{Api}/filter/search?filterName={word}&orderBy=-name", null, 200);
        Assert.Equal([first, second], Ids(byName.Json["values"]!));
        Assert.Null(byName.Json["values"]![0]!["jql"]);
        var expanded = await admin.CallAsync("getFiltersPaginated", "GET", $"{Api}/filter/search?id={first}&expand=jql,owner,sharePermissions", null, 200);
        Assert.Equal("project = OPS AND status = Done", expanded.Json["values"]![0]!["jql"]!.GetValue<string>());
        Assert.NotNull(expanded.Json["values"]![0]!["owner"]);
        var byGroup = await admin.CallAsync("getFiltersPaginated", "GET", $"{Api}/filter/search?filterName={word}&groupname=developers", null, 200);
        Assert.Equal([second], Ids(byGroup.Json["values"]!));
        var byOwner = await cloud.AliceClient().CallAsync("getFiltersPaginated", "GET", $"{Api}/filter/search?filterName={word}", null, 200);
        Assert.Empty(byOwner.Json["values"]!.AsArray());
        await admin.CallAsync("getFiltersPaginated", "GET", $"{Api}/filter/search?orderBy=colour", null, 400);
    }

    [Fact]
    public async Task Data_Center_filters_and_shares_match_the_WADL()
    {
        var client = dataCenter.Client();
        var created = await client.SendAsync("POST", "rest/api/2/filter", $$"""{"name":"{{TestIssues.UniqueName("dc")}}","jql":"project = OPS","favourite":true}""");
        Assert.Equal(200, created.Status);
        WadlAssert.ResponseMatches("/api/2/filter", "POST", 200, created.Body);
        string id = created.Json["id"]!.GetValue<string>();
        var shared = await client.SendAsync("POST", $"rest/api/2/filter/{id}/permission", """{"type":"group","groupname":"developers","view":true,"edit":true}""");
        Assert.Equal(201, shared.Status);
        WadlAssert.ResponseMatches("/api/2/filter/{id}/permission", "POST", 201, shared.Body);
        Assert.True(shared.Json[0]!["edit"]!.GetValue<bool>());
        var filter = await client.GetAsync($"rest/api/2/filter/{id}");
        WadlAssert.ResponseMatches("/api/2/filter/{id}", "GET", 200, filter.Body);
        var favourites = await client.GetAsync("rest/api/2/filter/favourite");
        WadlAssert.ResponseMatches("/api/2/filter/favourite", "GET", 200, favourites.Body);
        Assert.Contains(id, Ids(favourites.Json));
        Assert.Equal(404, (await client.GetAsync("rest/api/2/filter/search")).Status);
        Assert.Equal(204, (await client.SendAsync("DELETE", $"rest/api/2/filter/{id}")).Status);
    }
}
