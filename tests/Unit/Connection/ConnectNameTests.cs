using System.Management.Automation;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Connection;

/// <summary>Connect-JiraInstance -Name does not silently replace a connection to another site.</summary>
public sealed class ConnectNameTests(CloudEmulator cloud, DataCenterEmulator dataCenter)
    : IClassFixture<CloudEmulator>, IClassFixture<DataCenterEmulator>, IDisposable
{
    private readonly ModuleHost _host = new();

    private string UrlOf(string name) => ((JiraInstance)_host.Run($"Get-JiraInstance -Name {name}").Single().BaseObject).Url.ToString();

    [Fact]
    public void A_name_taken_by_another_site_is_refused_without_Force()
    {
        _host.ConnectTo(cloud, "work");

        var refused = Assert.Throws<RuntimeException>(() => _host.ConnectTo(dataCenter, "work"));

        Assert.Equal("InstanceNameTaken,JiraConnector.Cmdlets.ConnectJiraInstanceCommand", refused.ErrorRecord.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, refused.ErrorRecord.CategoryInfo.Category);
        Assert.Contains("-Force", refused.Message, StringComparison.Ordinal);
        Assert.Equal(cloud.BaseUrl.ToString(), UrlOf("work"));
        // The same site again renews the connection.
        _host.ConnectTo(cloud, "work");
        Assert.Equal(cloud.BaseUrl.ToString(), UrlOf("work"));

        _host.Run("""
            $secret = ConvertTo-SecureString $password -AsPlainText -Force
            Connect-JiraInstance -Url $url -Credential ([pscredential]::new($user, $secret)) -Name work -Force
            """, new Dictionary<string, object?>
        {
            ["url"] = dataCenter.BaseUrl.ToString(), ["user"] = EmulatorFixture.DataCenterUser, ["password"] = EmulatorFixture.DataCenterPassword,
        });
        Assert.Equal(dataCenter.BaseUrl.ToString(), UrlOf("work"));
    }

    public void Dispose() => _host.Dispose();
}
