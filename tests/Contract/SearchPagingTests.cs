using System.Globalization;
using System.Text.Json.Nodes;
using JiraConnector.Tests.Contract.Infrastructure;
using JiraConnector.Tests.Contract.Wadl;
using JiraEmulator;

namespace JiraConnector.Tests.Contract;

/// <summary>
/// The pages a parallel reader builds on: Cloud's search/jql gives up to 5,000 issues a page when only ids or keys
/// are asked for (100 otherwise); Data Center's search takes any startAt and gives the total; every search orders
/// ties by id and computes each page on the data as it is when the page is asked for, as Jira's offset paging does.
/// Each test runs its own emulator, so no other test's writes move its pages.
/// </summary>
public sealed class SearchPagingTests
{
    private const string Everything = "project IS NOT EMPTY";

    private static JiraClient Admin(EmulatorServer jira, Deployment deployment) =>
        new(jira.BaseUrl, deployment == Deployment.Cloud ? JiraClient.Basic("admin@example.com", "emu-token-admin") : JiraClient.Basic("admin", "admin-password"));

    private static List<string> Ids(JsonNode page) => page["issues"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();

    private static List<string> Keys(JsonNode page) => page["issues"]!.AsArray().Select(i => i!["key"]!.GetValue<string>()).ToList();

    private static string Jql(string jql) => Uri.EscapeDataString(jql);

    [Fact]
    public async Task searchAndReconsileIssuesUsingJql_pages_5000_issues_when_only_id_or_key_is_asked_for_and_100_otherwise()
    {
        const int Seeded = 6_100;
        await using var jira = await EmulatorServer.StartAsync(new EmulatorOptions { Issues = Seeded }, TestContext.Current.CancellationToken);
        var client = Admin(jira, Deployment.Cloud);
        string search = $"rest/api/3/search/jql?jql={Jql(Everything)}&maxResults=100000";

        // The default fields are id only: the first page is 5,000 ids, the second the rest, then isLast.
        var first = (await client.CallAsync("searchAndReconsileIssuesUsingJql", "GET", search, null, 200)).Json;
        Assert.Equal(5_000, first["issues"]!.AsArray().Count);
        Assert.False(first["isLast"]!.GetValue<bool>());
        string token = first["nextPageToken"]!.GetValue<string>();
        var second = (await client.CallAsync("searchAndReconsileIssuesUsingJql", "GET", $"{search}&nextPageToken={Uri.EscapeDataString(token)}", null, 200)).Json;
        Assert.True(second["isLast"]!.GetValue<bool>());
        Assert.False(second.AsObject().ContainsKey("nextPageToken"));
        var ids = Ids(first).Concat(Ids(second)).ToList();
        Assert.Equal(Enumerable.Range(10_000, Seeded).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList(), ids);

        foreach (var (fields, expected) in new[] { ("id", 5_000), ("key", 5_000), ("id,key", 5_000), ("ID,Key", 5_000), ("id,summary", 100), ("*navigable", 100), ("*all", 100) })
        {
            var page = (await client.CallAsync("searchAndReconsileIssuesUsingJql", "GET", $"{search}&fields={fields}", null, 200)).Json;
            Assert.True(expected == page["issues"]!.AsArray().Count, $"fields={fields}: {page["issues"]!.AsArray().Count} issues, expected {expected}");
        }
        var posted = (await client.CallAsync("searchAndReconsileIssuesUsingJqlPost", "POST", "rest/api/3/search/jql",
            $$"""{"jql":"{{Everything}}","maxResults":9999,"fields":["key"]}""", 200)).Json;
        Assert.Equal(5_000, posted["issues"]!.AsArray().Count);
        var withFields = (await client.CallAsync("searchAndReconsileIssuesUsingJqlPost", "POST", "rest/api/3/search/jql",
            $$"""{"jql":"{{Everything}}","maxResults":9999,"fields":["key","status"]}""", 200)).Json;
        Assert.Equal(100, withFields["issues"]!.AsArray().Count);
        // Under the cap the page is what was asked for.
        var asked = (await client.GetAsync($"rest/api/3/search/jql?jql={Jql(Everything)}&maxResults=1234&fields=id")).Json;
        Assert.Equal(1_234, asked["issues"]!.AsArray().Count);
    }

    [Fact]
    public async Task Data_Center_search_answers_any_startAt_with_the_total_so_pages_can_be_read_in_any_order()
    {
        const int Seeded = 300;
        await using var jira = await EmulatorServer.StartAsync(new EmulatorOptions { Issues = Seeded, Deployment = Deployment.DataCenter }, TestContext.Current.CancellationToken);
        var client = Admin(jira, Deployment.DataCenter);
        string search = $"rest/api/2/search?jql={Jql("project IS NOT EMPTY ORDER BY priority DESC")}&fields=key&maxResults=40";
        var whole = Keys((await client.GetAsync($"rest/api/2/search?jql={Jql("project IS NOT EMPTY ORDER BY priority DESC")}&fields=key&maxResults=1000")).Json);
        Assert.Equal(Seeded, whole.Count);

        // Every page asked at once, last first: each carries the total and its own startAt, and in startAt order they are the whole.
        int[] starts = Enumerable.Range(0, (Seeded + 39) / 40).Select(p => p * 40).Reverse().ToArray();
        var replies = await Task.WhenAll(starts.Select(startAt => client.GetAsync($"{search}&startAt={startAt}")));
        foreach (var reply in replies) WadlAssert.ResponseMatches("/api/2/search", "GET", 200, reply.Body);
        var pages = replies.Select(r => r.Json).ToList();
        Assert.All(pages, p => Assert.Equal(Seeded, p["total"]!.GetValue<int>()));
        Assert.Equal(starts, pages.Select(p => p["startAt"]!.GetValue<int>()).ToArray());
        Assert.Equal(whole, pages.OrderBy(p => p["startAt"]!.GetValue<int>()).SelectMany(Keys).ToList());

        var past = (await client.GetAsync($"{search}&startAt={Seeded}")).Json;
        Assert.Empty(past["issues"]!.AsArray());
        Assert.Equal(Seeded, past["total"]!.GetValue<int>());
        Assert.Single(Keys((await client.GetAsync($"{search}&startAt={Seeded - 1}")).Json));
    }

    [Theory]
    [InlineData(Deployment.Cloud)]
    [InlineData(Deployment.DataCenter)]
    public async Task Ties_are_ordered_by_id_and_each_page_is_cut_from_the_data_as_it_is_when_asked(Deployment deployment)
    {
        await using var jira = await EmulatorServer.StartAsync(new EmulatorOptions { Issues = 240, Deployment = deployment }, TestContext.Current.CancellationToken);
        var client = Admin(jira, deployment);
        const string Ordered = "project = OPS ORDER BY priority DESC";
        async Task<List<string>> AllAsync() =>
            Keys((await client.GetAsync($"rest/api/2/search?jql={Jql(Ordered)}&fields=key&maxResults=1000")).Json);
        async Task<(List<string> Keys, string? Token)> PageAsync(int startAt, string? token)
        {
            if (deployment == Deployment.DataCenter)
                return (Keys((await client.GetAsync($"rest/api/2/search?jql={Jql(Ordered)}&fields=key&maxResults=10&startAt={startAt}")).Json), null);
            var page = (await client.GetAsync($"rest/api/3/search/jql?jql={Jql(Ordered)}&fields=key&maxResults=10"
                + (token is null ? "" : "&nextPageToken=" + Uri.EscapeDataString(token)))).Json;
            return (Keys(page), page["nextPageToken"]?.GetValue<string>());
        }

        // Ties (most issues share a priority) come in id order: ids rise within each priority.
        var before = await AllAsync();
        var byKey = (await client.GetAsync($"rest/api/2/search?jql={Jql(Ordered)}&fields=priority&maxResults=1000")).Json["issues"]!.AsArray()
            .ToDictionary(i => i!["key"]!.GetValue<string>(), i => (Id: long.Parse(i!["id"]!.GetValue<string>(), CultureInfo.InvariantCulture), Priority: i["fields"]!["priority"]!["id"]!.GetValue<string>()));
        for (int i = 1; i < before.Count; i++)
        {
            var (previous, current) = (byKey[before[i - 1]], byKey[before[i]]);
            if (previous.Priority == current.Priority) Assert.True(previous.Id < current.Id, $"{before[i - 1]} before {before[i]}");
        }
        Assert.Equal(before, await AllAsync());

        // Between page 1 and page 2 the last issue of the query moves to the front: page 2 is cut from the new order,
        // so page 1's last issue comes again and the moved one is never read, as Jira's own offset paging gives it.
        var (page1, token) = await PageAsync(0, null);
        Assert.Equal(before.Take(10), page1);
        Assert.Equal(204, (await client.SendAsync("PUT", $"rest/api/2/issue/{before[^1]}", """{"fields":{"priority":{"name":"Highest"}}}""")).Status);
        var after = await AllAsync();
        Assert.InRange(after.IndexOf(before[^1]), 0, 9);
        var (page2, _) = await PageAsync(10, token);
        Assert.Equal(after.Skip(10).Take(10), page2);
        Assert.Equal(page1[^1], page2[0]);
        Assert.DoesNotContain(before[^1], page1.Concat(page2));
    }

    [Fact]
    public async Task A_search_after_an_edit_that_only_sets_a_property_sees_the_property()
    {
        await using var jira = await EmulatorServer.StartAsync(new EmulatorOptions { Issues = 24 }, TestContext.Current.CancellationToken);
        var client = Admin(jira, Deployment.Cloud);
        string search = $"rest/api/3/search/jql?jql={Jql("issue.property[emu.mark].n = 1")}&fields=key";
        Assert.Empty((await client.GetAsync(search)).Json["issues"]!.AsArray());

        Assert.Equal(204, (await client.SendAsync("PUT", "rest/api/3/issue/OPS-2", """{"properties":[{"key":"emu.mark","value":{"n":1}}]}""")).Status);
        Assert.Equal(["OPS-2"], Keys((await client.GetAsync(search)).Json));
    }
}
