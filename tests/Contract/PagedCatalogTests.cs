using JiraConnector.Tests.Contract.Infrastructure;

namespace JiraConnector.Tests.Contract;

/// <summary>Style A defaults (jira-rest-contract.md) of user/bulk, field/search, statuses/search and priority/search, and their page walks.</summary>
public sealed class PagedCatalogTests(ReadOnlyCloudJira jira)
{
    private static string AccountId(int index) => $"712020:00000000-0000-4000-8000-{index + 1:x12}";

    [Theory]
    [InlineData("rest/api/3/field/search", 50)]
    [InlineData("rest/api/3/statuses/search", 200)]
    [InlineData("rest/api/3/priority/search", 50)]
    [InlineData("rest/api/3/user/bulk?accountId=712020:00000000-0000-4000-8000-000000000001", 10)]
    public async Task Default_maxResults_is_the_contract_one_and_is_echoed(string path, int expected)
    {
        var page = (await jira.Client().GetAsync(path)).Json;
        Assert.Equal(expected, page["maxResults"]!.GetValue<int>());
        Assert.Equal(0, page["startAt"]!.GetValue<int>());
        Assert.True(page["isLast"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("rest/api/3/field/search?maxResults=1000", 100)]
    [InlineData("rest/api/3/statuses/search?maxResults=1000", 200)]
    [InlineData("rest/api/3/priority/search?maxResults=1000", 100)]
    [InlineData("rest/api/3/user/bulk?accountId=712020:00000000-0000-4000-8000-000000000001&maxResults=1000", 200)]
    public async Task A_large_maxResults_is_clamped_and_echoed(string path, int expected) =>
        Assert.Equal(expected, (await jira.Client().GetAsync(path)).Json["maxResults"]!.GetValue<int>());

    [Fact]
    public async Task User_bulk_pages_twelve_ids_ten_then_two_in_request_order_without_unknown_ids()
    {
        var wanted = Enumerable.Range(0, 12).Reverse().Select(AccountId).ToList();
        string query = string.Join("&", wanted.Append("nobody").Select(id => "accountId=" + Uri.EscapeDataString(id)));
        var first = (await jira.Client().GetAsync($"rest/api/3/user/bulk?{query}")).Json;
        Assert.Equal(12, first["total"]!.GetValue<int>());
        Assert.False(first["isLast"]!.GetValue<bool>());
        var seen = first["values"]!.AsArray().Select(u => u!["accountId"]!.GetValue<string>()).ToList();
        var second = (await jira.Client().GetAsync(new Uri(first["nextPage"]!.GetValue<string>()).PathAndQuery)).Json;
        Assert.True(second["isLast"]!.GetValue<bool>());
        seen.AddRange(second["values"]!.AsArray().Select(u => u!["accountId"]!.GetValue<string>()));
        Assert.Equal(wanted, seen);
    }

    [Fact]
    public async Task Field_search_filters_by_type_and_id_and_pages_with_nextPage()
    {
        var custom = (await jira.Client().GetAsync("rest/api/3/field/search?type=custom")).Json;
        Assert.Equal(["customfield_10016", "customfield_10020"], custom["values"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()).ToArray());
        var byId = (await jira.Client().GetAsync("rest/api/3/field/search?id=summary&id=status")).Json;
        Assert.Equal(2, byId["total"]!.GetValue<int>());
        var ids = new List<string>();
        string? path = "rest/api/3/field/search?maxResults=4";
        while (path is not null)
        {
            var page = (await jira.Client().GetAsync(path)).Json;
            ids.AddRange(page["values"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()));
            path = page["isLast"]!.GetValue<bool>() ? null : new Uri(page["nextPage"]!.GetValue<string>()).PathAndQuery;
        }
        var all = (await jira.Client().GetAsync("rest/api/3/field")).Json.AsArray();
        Assert.Equal(all.Select(f => f!["id"]!.GetValue<string>()), ids);
    }

    [Fact]
    public async Task Statuses_search_names_categories_as_TODO_IN_PROGRESS_DONE_and_priority_search_finds_the_default()
    {
        var done = (await jira.Client().GetAsync("rest/api/3/statuses/search?statusCategory=DONE")).Json;
        Assert.Equal("Done", done["values"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(1, done["total"]!.GetValue<int>());
        var progress = (await jira.Client().GetAsync("rest/api/3/statuses/search?searchString=in%20")).Json;
        Assert.All(progress["values"]!.AsArray(), s => Assert.Equal("IN_PROGRESS", s!["statusCategory"]!.GetValue<string>()));
        var medium = (await jira.Client().GetAsync("rest/api/3/priority/search?onlyDefault=true")).Json;
        Assert.Equal("Medium", medium["values"]!.AsArray().Single()!["name"]!.GetValue<string>());
    }
}
