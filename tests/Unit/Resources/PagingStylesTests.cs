using System.Net.Http;
using JiraConnector.Http;
using JiraConnector.Paging;
using JiraConnector.Resources;
using JiraConnector.Tests.Unit.Support;
using JiraConnector.Json;

namespace JiraConnector.Tests.Unit.Resources;

/// <summary>The paging styles added for the resource map, against the emulator's real endpoints.</summary>
public sealed class PagingStylesTests(CloudEmulator cloud) : IClassFixture<CloudEmulator>
{
    private static async Task<List<string>> ReadAsync(JiraHttpClient client, PagingStyle style, string property)
    {
        var values = new List<string>();
        await foreach (var item in new PagedReader(client, null).ReadAsync(PageCursor.Start(style), TestContext.Current.CancellationToken))
        {
            values.Add(JsonRead.String(item, property)!);
        }
        return values;
    }

    [Fact]
    public async Task Bare_array_paging_reads_every_user_in_short_pages()
    {
        using var admin = new EmulatorAdmin(cloud.BaseUrl);
        await admin.ClearAsync();
        using var client = cloud.CreateClient();

        var ids = await ReadAsync(client, new BareArrayPaging(startAt => new JiraRequest(HttpMethod.Get,
            new QueryString().Add("startAt", startAt).Add("maxResults", 7).AppendTo("rest/api/3/users/search")), 7), "accountId");

        Assert.Equal(20, ids.Count);
        Assert.Equal(20, ids.Distinct().Count());
        Assert.Equal(3, (await admin.RequestsAsync("/users/search")).Count);
    }

    [Fact]
    public async Task Detected_paging_follows_a_page_bean()
    {
        using var client = cloud.CreateClient();

        var keys = await ReadAsync(client, new DetectedPaging(startAt => new JiraRequest(HttpMethod.Get,
            new QueryString().Add("startAt", startAt).Add("maxResults", 4).AppendTo("rest/api/3/project/search"))), "key");

        Assert.Equal(["DATA", "HR", "MOB", "OPS", "SEC", "WEB"], keys.Order().ToArray());
    }

    [Fact]
    public async Task The_worklog_feed_reads_each_worklog_once_in_batches_of_ids()
    {
        using var admin = new EmulatorAdmin(cloud.BaseUrl);
        await admin.ClearAsync();
        using var client = cloud.CreateClient();
        var changes = await ReadAsync(client, new WorklogSource("rest/api/3/", 0).Paging, "worklogId");

        var worklogs = new List<string>();
        await foreach (var item in new WorklogSource("rest/api/3/", 0).ReadAsync(client, null, TestContext.Current.CancellationToken))
        {
            worklogs.Add(JsonRead.String(item, "id")!);
        }

        Assert.NotEmpty(worklogs);
        Assert.Equal(changes.Order(), worklogs.Order());
        var lists = await admin.RequestsAsync("/worklog/list");
        Assert.Equal((changes.Count + WorklogSource.BatchSize - 1) / WorklogSource.BatchSize, lists.Count);
    }
}
