using System.Management.Automation;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Security;

/// <summary>An id or key from the user (or a CSV, since -Id binds from the pipeline) is one path
/// segment: "." and ".." would collapse onto the parent path and reach another endpoint.</summary>
public sealed class PathSegmentTests(CloudEmulator emulator) : IClassFixture<CloudEmulator>, IDisposable
{
    private readonly ModuleHost _host = new();
    private readonly EmulatorAdmin _admin = new(emulator.BaseUrl);

    [Theory]
    [InlineData("Remove-JiraObject 'incidents/OPS-2/comments' -Id '..' -Instance cloud -Confirm:$false")]
    [InlineData("Remove-JiraObject 'incidents/OPS-2/comments' -Id '.' -Instance cloud -Confirm:$false")]
    [InlineData("Set-JiraObject 'incidents/OPS-4/comments' -Id '..' -Fields @{body = 'x'} -Instance cloud -Confirm:$false")]
    [InlineData("Get-JiraObject 'incidents/OPS-4/comments' -Id '..' -Instance cloud")]
    [InlineData("Remove-JiraObject incidents -Id '..' -Instance cloud -Confirm:$false")]
    [InlineData("Get-JiraObject projects -Id '' -Instance cloud")]
    public async Task A_dot_segment_id_is_refused_before_any_request(string script)
    {
        _host.ConnectTo(emulator, "cloud");
        await _admin.ClearAsync();

        var error = Assert.Throws<RuntimeException>(() => _host.Run(script));

        Assert.Contains(error.ErrorRecord.FullyQualifiedErrorId.Split(',')[0], new[] { "InvalidId", "ParameterArgumentValidationError" });
        Assert.Empty(await _admin.RequestsAsync("/rest/api/"));
        Assert.Single(_host.Run("Get-JiraObject incidents -Id OPS-2 -Instance cloud"));
    }

    [Theory]
    [InlineData("incidents/../comments")]
    [InlineData("incidents/./worklogs")]
    [InlineData("myself/../issue")]
    public async Task A_dot_segment_in_an_object_path_is_refused(string objectName)
    {
        _host.ConnectTo(emulator, "cloud");
        await _admin.ClearAsync();

        var error = Assert.Throws<RuntimeException>(() => _host.Run("Get-JiraObject $name -Instance cloud", new Dictionary<string, object?> { ["name"] = objectName }));

        Assert.Equal("UnknownObject", error.ErrorRecord.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Empty(await _admin.RequestsAsync("/rest/api/"));
    }

    [Theory]
    [InlineData("Get-JiraBulkJob -Id '../..'")]
    [InlineData("Get-JiraBulkJob -Id '../../..'")]
    [InlineData("Resume-JiraBulkJob -Id '..'")]
    public void A_bulk_job_id_that_climbs_out_of_the_bulk_folder_is_refused(string script)
    {
        // Refused by its shape, before any folder is looked at (without the check, "../.." read
        // whatever journal sat two folders above the bulk folder).
        var error = Assert.Throws<RuntimeException>(() => _host.Run(script));

        Assert.Equal("InvalidId", error.ErrorRecord.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("is not a bulk job id", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _host.Dispose();
        _admin.Dispose();
    }
}
