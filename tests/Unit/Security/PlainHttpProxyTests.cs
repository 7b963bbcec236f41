using System.Management.Automation;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Security;

/// <summary>Credentials go over plain http only to this machine: a proxy on another machine would
/// read them as well as Jira, so the plain-http rule covers the proxy too.</summary>
public sealed class PlainHttpProxyTests(CloudEmulator emulator) : IClassFixture<CloudEmulator>, IDisposable
{
    private readonly ModuleHost _host = new();
    private readonly EmulatorAdmin _admin = new(emulator.BaseUrl);

    private const string Connect = "Connect-JiraInstance -Url $url -Credential ([pscredential]::new('admin@example.com', (ConvertTo-SecureString 'emu-token-admin' -AsPlainText -Force))) -Name viaproxy ";

    [Fact]
    public async Task Basic_credentials_over_http_through_a_remote_proxy_are_refused_before_any_request()
    {
        await _admin.ClearAsync();

        // 192.0.2.1 is TEST-NET: nothing answers there, and nothing may be sent there.
        var error = Assert.Throws<RuntimeException>(() => _host.Run(Connect + "-Proxy http://192.0.2.1:3128", new Dictionary<string, object?> { ["url"] = emulator.BaseUrl.ToString() }));

        Assert.Equal("InvalidConnectionParameter", error.ErrorRecord.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("through the proxy http://192.0.2.1:3128/", error.Message, StringComparison.Ordinal);
        Assert.Contains("-AllowUnencryptedAuthentication", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _admin.RequestsAsync());
    }

    [Fact]
    public async Task A_proxy_on_this_machine_is_as_local_as_the_site()
    {
        await using var proxy = new Http.RecordingProxy();

        _host.Run(Connect + "-Proxy $proxy", new Dictionary<string, object?> { ["url"] = emulator.BaseUrl.ToString(), ["proxy"] = proxy.Url });

        Assert.NotEmpty(proxy.Requests);
    }

    public void Dispose()
    {
        _host.Dispose();
        _admin.Dispose();
    }
}
