using System.Net.Http;
using System.Text.Json;
using JiraConnector.Http;
using JiraConnector.Paging;
using JiraConnector.Resources;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Paging;

/// <summary>The page enumerators against the emulator's real paging: token (search/jql), offset
/// with a total (Data Center search) and PageBean (project/search).</summary>
public sealed class PagedReaderTests(CloudEmulator cloud, DataCenterEmulator dataCenter)
    : IClassFixture<CloudEmulator>, IClassFixture<DataCenterEmulator>
{
    private const string AllIssues = "project IS NOT EMPTY ORDER BY key ASC";

    private static TokenPaging SearchJql(int pageSize) => new(token => new JiraRequest(HttpMethod.Get,
        new QueryString().Add("jql", AllIssues).Add("maxResults", pageSize).Add("fields", "summary").Add("nextPageToken", token)
            .AppendTo("rest/api/3/search/jql")));

    private static OffsetPaging SearchOffset(int pageSize) => new(startAt => new JiraRequest(HttpMethod.Get,
        new QueryString().Add("jql", AllIssues).Add("startAt", startAt).Add("maxResults", pageSize).Add("fields", "summary")
            .AppendTo("rest/api/2/search")), "issues");

    private static async Task<List<string>> ReadKeysAsync(PagedReader reader, PageCursor start, int limit = int.MaxValue)
    {
        var keys = new List<string>();
        await foreach (var item in reader.ReadAsync(start, TestContext.Current.CancellationToken))
        {
            keys.Add(item.GetProperty("key").GetString()!);
            if (keys.Count == limit) break;
        }
        return keys;
    }

    [Fact]
    public async Task Token_paging_reads_every_issue_once_in_order_50_a_page()
    {
        using var admin = new EmulatorAdmin(cloud.BaseUrl);
        await admin.ClearAsync();
        using var client = cloud.CreateClient();

        var keys = await ReadKeysAsync(new PagedReader(client, null), PageCursor.Start(SearchJql(50)));

        Assert.Equal(1000, keys.Count);
        Assert.Equal(1000, keys.Distinct().Count());
        Assert.Equal(20, (await admin.RequestsAsync("/search/jql")).Count);
        var tokens = (await admin.RequestsAsync("/search/jql")).Count(r => r.Query!.Contains("nextPageToken="));
        Assert.Equal(19, tokens);
    }

    [Fact]
    public async Task Offset_paging_reads_every_issue_and_reports_the_total()
    {
        using var client = dataCenter.CreateClient();
        var reader = new PagedReader(client, null);

        var keys = await ReadKeysAsync(reader, PageCursor.Start(SearchOffset(100)));

        Assert.Equal(1000, keys.Count);
        Assert.Equal(1000, keys.Distinct().Count());
        Assert.Equal(1000, reader.Total);
        Assert.Null(reader.Position);
    }

    [Fact]
    public async Task Both_deployments_page_the_same_issues_in_the_same_order()
    {
        using var cloudClient = cloud.CreateClient();
        using var dcClient = dataCenter.CreateClient();

        var viaToken = await ReadKeysAsync(new PagedReader(cloudClient, null), PageCursor.Start(SearchJql(50)));
        var viaOffset = await ReadKeysAsync(new PagedReader(dcClient, null), PageCursor.Start(SearchOffset(50)));

        Assert.Equal(viaToken, viaOffset);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_read_stopped_midway_continues_from_its_position_without_gaps_or_repeats(bool cloudMode)
    {
        var fixture = cloudMode ? (EmulatorFixture)cloud : dataCenter;
        using var client = fixture.CreateClient();
        PagingStyle style = cloudMode ? SearchJql(50) : SearchOffset(50);
        var everything = await ReadKeysAsync(new PagedReader(client, null), PageCursor.Start(style));

        var first = new PagedReader(client, null);
        var head = await ReadKeysAsync(first, PageCursor.Start(style), limit: 120);
        var rest = await ReadKeysAsync(new PagedReader(client, null), first.Position!);

        Assert.Equal(everything, head.Concat(rest));
    }

    [Fact]
    public async Task PageBean_paging_clamps_to_the_server_limit_and_follows_isLast()
    {
        using var admin = new EmulatorAdmin(cloud.BaseUrl);
        using var client = cloud.CreateClient();
        var style = new OffsetPaging(startAt => new JiraRequest(HttpMethod.Get,
            new QueryString().Add("startAt", startAt).Add("maxResults", 1).AppendTo("rest/api/3/project/search")), "values");

        var reader = new PagedReader(client, null);
        var projects = new List<JsonElement>();
        await foreach (var project in reader.ReadAsync(PageCursor.Start(style), TestContext.Current.CancellationToken)) projects.Add(project);

        Assert.True(projects.Count > 1);
        Assert.Equal(projects.Count, projects.Select(p => p.GetProperty("key").GetString()).Distinct().Count());
        Assert.Equal(projects.Count, reader.Total);
    }

    [Fact]
    public async Task The_next_page_is_fetched_while_the_consumer_still_holds_the_current_one()
    {
        using var admin = new EmulatorAdmin(dataCenter.BaseUrl);
        await admin.ClearAsync();
        using var client = dataCenter.CreateClient();
        var reader = new PagedReader(client, null);

        await using var items = reader.ReadAsync(PageCursor.Start(SearchOffset(50)), TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        Assert.True(await items.MoveNextAsync());

        // Only the first item has been consumed; the second page must arrive on its own.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await admin.RequestsAsync("/search")).Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(20, TestContext.Current.CancellationToken);
        var starts = (await admin.RequestsAsync("/search")).Select(r => r.Query).ToList();
        Assert.Equal(2, starts.Count);
        Assert.Contains(starts, q => q!.Contains("startAt=50"));
    }
}
