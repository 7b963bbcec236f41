using System.Net.Http;
using JiraConnector.Http;
using JiraConnector.Paging;
using JiraConnector.Resources;
using JiraConnector.Tests.Unit.Resources;
using JiraConnector.Tests.Unit.Support;
using JiraEmulator.Faults;

namespace JiraConnector.Tests.Unit.Paging;

/// <summary>Issues that change while a parallel read is under way: one request of the read is held
/// in the emulator (its page not yet cut from the data), issues are edited so that they move in
/// the query's order, then the request goes on. The read gives what Jira's own paging gives.</summary>
public sealed class ParallelEditTests(CloudEmulator cloud, DataCenterEmulator dataCenter)
    : IClassFixture<CloudEmulator>, IClassFixture<DataCenterEmulator>, IDisposable
{
    // Every edit bumps updated, so an edited issue moves to the end of this order.
    private const string ByUpdated = "project IS NOT EMPTY ORDER BY updated ASC";
    private readonly ModuleHost _host = new();

    public void Dispose() => _host.Dispose();

    private static async Task<List<string>> ReadKeysAsync(JiraInstance instance, int concurrency)
    {
        var options = new ReadOptions { Jql = ByUpdated, Concurrency = concurrency };
        var style = ResourceCatalog.Get("incidents").Paging(instance, options);
        var keys = new List<string>();
        await foreach (var issue in style.CreateReader(instance.Client, null).ReadAsync(PageCursor.Start(style), TestContext.Current.CancellationToken))
        {
            keys.Add(issue.GetProperty("key").GetString()!);
        }
        return keys;
    }

    private static async Task EditAsync(JiraInstance instance, string key)
    {
        var request = new JiraRequest(HttpMethod.Put, instance.RestPath + "issue/" + key, "{\"fields\":{\"summary\":\"edited while read\"}}");
        (await instance.Client.SendAsync(request, null, TestContext.Current.CancellationToken)).Dispose();
    }

    /// <summary>Waits (without asserting anything on time) until the emulator has answered this many requests of a kind.</summary>
    private static async Task WaitForAnswersAsync(EmulatorFixture emulator, Func<JiraEmulator.RequestLogEntry, bool> kind, int count)
    {
        while (emulator.Server.Requests.Entries.Count(kind) < count) await Task.Delay(10, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Data_Center_pages_fetched_before_a_shift_are_fetched_again_after_the_page_before_them()
    {
        var instance = ConnectedInstance.Connect(_host, dataCenter, "dc");
        dataCenter.Server.Faults.Clear();
        var before = await ReadKeysAsync(instance, 1);
        var moved = before[10];
        dataCenter.Server.Requests.Clear();
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The first parallel page (after a first page of 50 it starts one early, at 49) waits in the emulator.
        dataCenter.Server.Faults.Add(new FaultRule { PathContains = "startAt=49&", Count = 1, Hold = hold.Task });

        var reading = ReadKeysAsync(instance, 4);
        // The other pages of the window have been cut from the data as it was; the held one has not.
        await WaitForAnswersAsync(dataCenter, r => r.Path.EndsWith("/search", StringComparison.Ordinal) && !r.Query.Contains("startAt=0&"), ReorderWindow.SizeFor(4) - 1);
        await EditAsync(instance, moved);
        hold.SetResult();
        var parallel = await reading;
        var after = await ReadKeysAsync(instance, 1);

        // Jira's own paging with the edit between its first and second page: the first page as it was, the rest as it is.
        Assert.Equal(before.Take(50).Concat(after.Skip(50)), parallel);
        // That is Jira's offset paging: the moved issue twice, the issue that slid into the first page's end missed.
        Assert.Equal(2, parallel.Count(k => k == moved));
        Assert.DoesNotContain(before[50], parallel);
        Assert.Equal(before.Count, after.Count);
    }

    [Fact]
    public async Task Cloud_takes_which_issues_come_and_their_order_from_the_id_pages_alone()
    {
        var instance = ConnectedInstance.Connect(_host, cloud, "cloud");
        cloud.Server.Faults.Clear();
        var before = await ReadKeysAsync(instance, 1);
        cloud.Server.Requests.Clear();
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cloud.Server.Faults.Add(new FaultRule { PathContains = "/issue/bulkfetch", Count = 1, Hold = hold.Task });

        var reading = ReadKeysAsync(instance, 4);
        await WaitForAnswersAsync(cloud, r => r.Path.EndsWith("/issue/bulkfetch", StringComparison.Ordinal), ReorderWindow.SizeFor(4) - 1);
        // One issue already handed on, one whose batch may be held or done: both move to the end of the order.
        await EditAsync(instance, before[10]);
        await EditAsync(instance, before[120]);
        hold.SetResult();
        var parallel = await reading;
        var after = await ReadKeysAsync(instance, 1);

        // The ids were read, in one page, before the edits: exactly the issues and the order of that page.
        Assert.Equal(before, parallel);
        Assert.NotEqual(before, after);
        Assert.Equal([before[10], before[120]], after.TakeLast(2));
    }
}
