using JiraConnector.Bulk;
using JiraConnector.Tests.Unit.Bulk;
using JiraConnector.Tests.Unit.Support;
using JiraEmulator.Faults;

namespace JiraConnector.Tests.Unit.Paging;

/// <summary>Parallel reads through the cmdlets, on Cloud (ids, then issue/bulkfetch several at once)
/// and Data Center (the pages after the first several at once): exactly the records of a read with
/// -ThrottleLimit 1, in the same order, for ordered and unordered queries, with -First and -Skip,
/// with 429s on the way, continued with -NextPage, and written by a download job.</summary>
public sealed class ParallelReadTests(CloudEmulator cloud, DataCenterEmulator dataCenter)
    : IClassFixture<CloudEmulator>, IClassFixture<DataCenterEmulator>, IDisposable
{
    private readonly ModuleHost _host = new();

    public void Dispose() => _host.Dispose();

    private EmulatorFixture Emulator(string name) => name == "cloud" ? cloud : dataCenter;

    private EmulatorFixture Connect(string name)
    {
        var emulator = Emulator(name);
        _host.ConnectTo(emulator, name);
        emulator.Server.Faults.Clear();
        emulator.Server.Requests.Clear();
        return emulator;
    }

    private List<string> Keys(string script) => _host.Run(script).Select(o => o.Properties["Key"].Value?.ToString()!).ToList();

    /// <summary>The requests that only the parallel path sends: bulkfetch on Cloud; on Data Center a
    /// page that starts one issue early, so off the multiples of its size that sequential pages start at.</summary>
    private static int ParallelRequests(EmulatorFixture emulator) => emulator.Server.Requests.Entries.Count(r => emulator is CloudEmulator
        ? r.Path.EndsWith("/issue/bulkfetch", StringComparison.Ordinal)
        : r.Path.EndsWith("/search", StringComparison.Ordinal) && Number(r.Query, "startAt") % Number(r.Query, "maxResults") != 0);

    private static long Number(string query, string name) =>
        long.Parse(System.Text.RegularExpressions.Regex.Match(query, $"[?&]{name}=(\\d+)").Groups[1].Value);

    public static TheoryData<string, string> Reads()
    {
        var reads = new TheoryData<string, string>();
        foreach (var name in new[] { "cloud", "dc" })
        {
            reads.Add(name, "Invoke-JiraQuery incidents -OrderBy 'created desc'");
            reads.Add(name, "Invoke-JiraQuery -Jql 'project IS NOT EMPTY ORDER BY priority DESC'");
            reads.Add(name, "Invoke-JiraQuery -Jql 'project IS NOT EMPTY'");
            reads.Add(name, "Invoke-JiraQuery incidents \"summary LIKE '%a%' AND status != 'Done'\"");
            reads.Add(name, "Invoke-JiraQuery incidents -OrderBy 'updated desc' -First 300 -Skip 170");
            reads.Add(name, "Get-JiraObject incidents -First 777 -Skip 3");
            reads.Add(name, "Get-JiraObject incidents -PageSize 30");
        }
        return reads;
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public void A_parallel_read_returns_the_keys_of_a_sequential_one_in_the_same_order(string name, string read)
    {
        var emulator = Connect(name);
        var sequential = Keys($"{read} -Instance {name} -ThrottleLimit 1");
        Assert.Equal(0, ParallelRequests(emulator));

        var parallel = Keys($"{read} -Instance {name} -ThrottleLimit 4");

        Assert.True(sequential.Count > 100, "the read should span several pages");
        Assert.Equal(sequential, parallel);
        Assert.True(ParallelRequests(emulator) > 0, "the parallel path should have run");
    }

    [Theory]
    [InlineData("cloud", "/issue/bulkfetch")]
    [InlineData("dc", "/search")]
    public void With_429s_injected_a_parallel_read_still_returns_the_keys_of_a_sequential_one(string name, string path)
    {
        var emulator = Connect(name);
        var sequential = Keys($"Invoke-JiraQuery incidents -OrderBy 'summary' -Instance {name} -ThrottleLimit 1");
        emulator.Server.Faults.Add(new FaultRule { Status = 429, RetryAfterSeconds = 1, Count = 3, PathContains = path });

        var parallel = Keys($"Invoke-JiraQuery incidents -OrderBy 'summary' -Instance {name} -ThrottleLimit 4");

        Assert.Equal(3, emulator.Server.Requests.Entries.Count(r => r.Status == 429));
        Assert.Equal(sequential, parallel);
    }

    [Theory]
    [InlineData("cloud")]
    [InlineData("dc")]
    public void The_requests_of_a_parallel_read_overlap_up_to_the_throttle_limit(string name)
    {
        var emulator = Connect(name);
        emulator.Server.Faults.Add(new FaultRule { LatencyMs = 40, PathContains = "/rest/" });

        var keys = Keys($"Get-JiraObject incidents -Instance {name} -ThrottleLimit 3");

        Assert.Equal(1000, keys.Count);
        var peak = emulator.Server.Requests.Entries.Where(r => r.Path.Contains("/search") || r.Path.Contains("/bulkfetch")).Max(r => r.InFlight);
        Assert.InRange(peak, 2, 3);
    }

    [Theory]
    [InlineData("cloud", "Invoke-JiraQuery -Jql 'key IN (OPS-1, WEB-1, MOB-1, DATA-1)'", 4)]
    [InlineData("dc", "Invoke-JiraQuery -Jql 'key IN (OPS-1, WEB-1, MOB-1, DATA-1)'", 4)]
    [InlineData("cloud", "Get-JiraObject incidents -First 20", 20)]
    [InlineData("dc", "Get-JiraObject incidents -First 20", 20)]
    public void A_read_whose_first_page_holds_everything_is_one_request(string name, string read, int expected)
    {
        var emulator = Connect(name);

        var keys = Keys($"{read} -Instance {name}");

        Assert.Equal(expected, keys.Count);
        Assert.Single(emulator.Server.Requests.Entries, r => r.Path.Contains("/search") || r.Path.Contains("/issue"));
    }

    [Theory]
    [InlineData("cloud", 20)]
    [InlineData("cloud", 260)]
    [InlineData("dc", 260)]
    [InlineData("dc", 50)]
    public void NextPage_goes_on_exactly_where_a_parallel_read_stopped(string name, int first)
    {
        Connect(name);
        var all = Keys($"Get-JiraObject incidents -Instance {name} -ThrottleLimit 1");

        var head = Keys($"Get-JiraObject incidents -Instance {name} -First {first}");
        var next = Keys($"Get-JiraObject incidents -Instance {name} -NextPage -First 333");
        var rest = Keys($"Get-JiraObject incidents -Instance {name} -NextPage");

        Assert.Equal(all, head.Concat(next).Concat(rest));
        Assert.Equal(333, next.Count);
    }

    [Fact]
    public void IncludeTotalCount_on_Data_Center_is_the_first_page_total_and_exact()
    {
        Connect("dc");

        var output = _host.Run("Invoke-JiraQuery incidents \"project = 'WEB'\" -IncludeTotalCount -Instance dc");

        Assert.Equal((ulong)(output.Count - 1), output[0].BaseObject);
        Assert.True(output.Count > 100);
    }

    [Theory]
    [InlineData("cloud")]
    [InlineData("dc")]
    public void A_download_job_writes_the_same_file_in_parallel_as_one_request_at_a_time(string name)
    {
        var emulator = Emulator(name);
        using var bulk = new BulkHost(emulator);
        using var files = new BulkFiles();
        var one = files.PathOf("one.csv");
        var four = files.PathOf("four.csv");
        const string query = "select key, summary, status from incidents where project IN ('OPS', 'WEB', 'MOB') order by updated desc";

        BulkHost.AssertCompleted(bulk.Run("-Query $q -OutFile $out -ThrottleLimit 1", new Dictionary<string, object?> { ["q"] = query, ["out"] = one }));
        emulator.Server.Requests.Clear();
        BulkHost.AssertCompleted(bulk.Run("-Query $q -OutFile $out", new Dictionary<string, object?> { ["q"] = query, ["out"] = four }));

        Assert.True(File.ReadAllLines(one).Length > 400);
        Assert.Equal(File.ReadAllLines(one), File.ReadAllLines(four));
        Assert.True(ParallelRequests(emulator) > 0, "the download should have read in parallel");
    }
}
