using System.Management.Automation;
using JiraConnector.Tests.Unit.Bulk;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Resources;

/// <summary>An id of "." or ".." (or an empty one) never reaches another REST path or another
/// journal: escaping leaves them as they are and the URL or file path they join climbs a level.</summary>
public sealed class DotSegmentTests(CloudEmulator emulator) : IClassFixture<CloudEmulator>, IDisposable
{
    private readonly BulkHost _host = new(emulator);
    private readonly BulkFiles _files = new();

    [Fact]
    public async Task Dot_dot_as_an_id_or_a_parent_is_refused_and_sends_nothing()
    {
        var key = await _host.NewIssueAsync("dot segment target");
        await _host.Admin.ClearAsync();
        var vars = new Dictionary<string, object?> { ["object"] = $"incidents/{key}/comments" };

        foreach (var script in new[]
        {
            "Remove-JiraObject $object -Id '..' -Confirm:$false",
            "Set-JiraObject $object -Id '..' -Fields @{ body = 'x' } -Confirm:$false",
            "Get-JiraObject $object -Id '.'",
        })
        {
            var error = _host.ErrorOf(script, vars);
            Assert.Equal("InvalidId", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains("cannot be an id", error.Exception.Message, StringComparison.Ordinal);
        }
        // A parent of '..' names no resource at all.
        Assert.Equal("UnknownObject", _host.ErrorOf("Get-JiraObject incidents/../comments").FullyQualifiedErrorId.Split(',')[0]);

        Assert.DoesNotContain(await _host.Admin.RequestsAsync(), r => r.Method != "GET" || r.Path.EndsWith("/comment", StringComparison.Ordinal));
        using var still = await _host.GetAsync("issue/" + key);
        Assert.Equal(key, still.RootElement.GetProperty("key").GetString());
    }

    [Fact]
    public void A_job_id_that_climbs_out_of_the_bulk_folder_is_refused()
    {
        // A real journal outside the bulk folder, named by a relative id from inside it.
        var path = _files.IncidentCsv("outside.csv", 2, "outside");
        var journal = _files.PathOf("journal-outside");
        BulkHost.AssertCompleted(_host.Run("incidents -Path $path -JournalPath $journal", new Dictionary<string, object?> { ["path"] = path, ["journal"] = journal }));
        var root = Environment.GetEnvironmentVariable("JIRACONNECTOR_BULK_HOME")!;
        Directory.CreateDirectory(root);
        var climbing = Path.GetRelativePath(root, journal);
        Assert.StartsWith("..", climbing, StringComparison.Ordinal);

        foreach (var id in new[] { climbing, "..", "../../.." })
        {
            var vars = new Dictionary<string, object?> { ["id"] = id };
            foreach (var script in new[] { "Get-JiraBulkJob -Id $id", "Resume-JiraBulkJob -Id $id -Confirm:$false", "Get-JiraBulkJobError -Id $id" })
            {
                var error = _host.ErrorOf(script, vars);
                Assert.Equal("InvalidId", error.FullyQualifiedErrorId.Split(',')[0]);
                Assert.Contains("is not a bulk job id", error.Exception.Message, StringComparison.Ordinal);
            }
        }
    }

    public void Dispose()
    {
        _host.Dispose();
        _files.Dispose();
    }
}
