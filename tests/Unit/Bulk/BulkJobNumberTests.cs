using System.Management.Automation;
using JiraConnector.Bulk;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>A bulk job is named by its JobId or by the number PowerShell shows as its Id (Get-Job,
/// the job's views): every bulk cmdlet's -Id takes both.</summary>
public sealed class BulkJobNumberTests(CloudEmulator emulator) : IClassFixture<CloudEmulator>, IDisposable
{
    private readonly BulkHost _host = new(emulator);
    private readonly BulkFiles _files = new();

    [Fact]
    public void The_number_PowerShell_shows_finds_the_job_for_every_bulk_cmdlet()
    {
        var path = _files.IncidentCsv("numbered.csv", 3, "numbered", bad: new Dictionary<int, string> { [2] = "type" });
        var job = _host.Run("incidents -Path $path", new Dictionary<string, object?> { ["path"] = path });
        var number = job.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var variables = new Dictionary<string, object?> { ["n"] = number };

        var shown = _host.Module.Run("Get-Job -Id $n", variables).Single().BaseObject;
        var got = _host.Module.Run("Get-JiraBulkJob -Id $n", variables).Single().BaseObject;
        var waited = _host.Module.Run("Wait-JiraBulkJob -Id $n -Timeout 60", variables).Single().BaseObject;
        var errors = _host.Module.Run("Get-JiraBulkJobError -Id $n", variables).Select(e => ((BulkRowError)e.BaseObject).Row).ToList();

        Assert.Same(job, shown);
        Assert.Same(job, got);
        Assert.Same(job, waited);
        Assert.Equal(new long[] { 2 }, errors);
        // The JobId still works, and a number no job has is still "not found".
        Assert.Same(job, _host.Module.Run("Get-JiraBulkJob -Id $id", new Dictionary<string, object?> { ["id"] = job.JobId }).Single().BaseObject);
        var missing = _host.ErrorOf("Get-JiraBulkJob -Id 987654");
        Assert.Equal("BulkJobNotFound,JiraConnector.Cmdlets.GetJiraBulkJobCommand", missing.FullyQualifiedErrorId);
    }

    public void Dispose()
    {
        _host.Dispose();
        _files.Dispose();
    }
}
