using System.Management.Automation;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Connection;

/// <summary>Several named instances in one session: each keeps its own credentials (the
/// emulator's request log shows who called), -Default and -Instance pick between them, and
/// Get-JiraInstance shows what it should.</summary>
public sealed class SessionTests(CloudEmulator cloud, DataCenterEmulator dataCenter)
    : IClassFixture<CloudEmulator>, IClassFixture<DataCenterEmulator>, IAsyncLifetime
{
    private readonly ModuleHost _host = new();
    private readonly EmulatorAdmin _cloudAdmin = new(cloud.BaseUrl);
    private readonly EmulatorAdmin _dcAdmin = new(dataCenter.BaseUrl);

    public async ValueTask InitializeAsync()
    {
        await _cloudAdmin.ClearAsync();
        await _dcAdmin.ClearAsync();
    }

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        _cloudAdmin.Dispose();
        _dcAdmin.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Connect(string name, string user, string secret, Uri url, string extra = "") =>
        _host.Run($"Connect-JiraInstance -Url $url -Credential ([pscredential]::new($user, (ConvertTo-SecureString $secret -AsPlainText -Force))) -Name {name} {extra}",
            new Dictionary<string, object?> { ["url"] = url.ToString(), ["user"] = user, ["secret"] = secret });

    [Fact]
    public async Task Two_instances_are_used_in_one_session_each_with_its_own_credentials()
    {
        Connect("admin", "admin@example.com", "emu-token-admin", cloud.BaseUrl);
        Connect("alice", "alice@example.com", "emu-token-alice", cloud.BaseUrl);
        _host.Run("Connect-JiraInstance -Url $url -PersonalAccessToken (ConvertTo-SecureString 'emu-pat-alice' -AsPlainText -Force) -Name dc",
            new Dictionary<string, object?> { ["url"] = dataCenter.BaseUrl.ToString() });
        await _cloudAdmin.ClearAsync();
        await _dcAdmin.ClearAsync();

        _host.Run("Get-JiraObject projects -Instance alice -First 1; Get-JiraObject projects -Instance admin -First 1; Get-JiraObject projects -Instance dc -First 1");
        _host.Run("Get-JiraObject projects -First 1"); // the default: the first connected

        var cloudCalls = await _cloudAdmin.RequestsAsync("/project");
        Assert.Equal(["alice@example.com", "admin@example.com", "admin@example.com"], cloudCalls.Select(c => c.User));
        Assert.All(cloudCalls, c => Assert.Equal("Basic", c.AuthScheme));
        var dcCall = Assert.Single(await _dcAdmin.RequestsAsync("/project"));
        Assert.Equal(("alice", "Bearer"), (dcCall.User, dcCall.AuthScheme));
    }

    [Fact]
    public void Get_JiraInstance_shows_name_url_deployment_auth_type_user_and_default()
    {
        Connect("first", "admin@example.com", "emu-token-admin", cloud.BaseUrl);
        Connect("second", "admin", "admin-password", dataCenter.BaseUrl, "-Default");

        var table = string.Join("\n", _host.Run("Get-JiraInstance | Format-Table | Out-String -Width 300").Select(o => o.ToString()));
        var rows = _host.Run("Get-JiraInstance").Select(o => (JiraInstance)o.BaseObject).ToList();

        Assert.Equal(["first", "second"], rows.Select(r => r.Name));
        Assert.Equal([false, true], rows.Select(r => r.IsDefault));
        Assert.Equal([JiraDeployment.Cloud, JiraDeployment.DataCenter], rows.Select(r => r.Deployment));
        Assert.Equal(["admin@example.com", "admin"], rows.Select(r => r.User));
        foreach (var header in new[] { "Name", "Default", "Deployment", "AuthType", "User", "Url" }) Assert.Contains(header, table);
        Assert.Contains(dataCenter.BaseUrl.ToString(), table);
        Assert.Equal("second", ((JiraInstance)_host.Run("Get-JiraInstance -Default").Single().BaseObject).Name);
    }

    [Fact]
    public void Connecting_again_under_a_name_replaces_that_instance_and_keeps_it_default()
    {
        Connect("same", "admin@example.com", "emu-token-admin", cloud.BaseUrl);
        Connect("other", "admin", "admin-password", dataCenter.BaseUrl);
        Connect("same", "alice@example.com", "emu-token-alice", cloud.BaseUrl);

        var same = (JiraInstance)_host.Run("Get-JiraInstance same").Single().BaseObject;
        Assert.Equal("alice@example.com", same.User);
        Assert.True(same.IsDefault);
        Assert.Equal(2, _host.Run("Get-JiraInstance").Count);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("wild*card")]
    [InlineData("-dash-first")]
    public void A_name_that_cannot_be_typed_in_Instance_is_refused(string name)
    {
        var error = (ErrorRecord)_host.Run("try { Connect-JiraInstance -Url $url -Credential ([pscredential]::new('a', (ConvertTo-SecureString 'b' -AsPlainText -Force))) -Name $name -ErrorAction Stop } catch { $_ }",
            new Dictionary<string, object?> { ["url"] = cloud.BaseUrl.ToString(), ["name"] = name }).Single().BaseObject;

        Assert.Equal("InvalidConnectionParameter,JiraConnector.Cmdlets.ConnectJiraInstanceCommand", error.FullyQualifiedErrorId);
        Assert.Contains(name, error.Exception.Message);
    }

    [Fact]
    public void An_unknown_Instance_is_InstanceNotFound_on_every_cmdlet_that_takes_it()
    {
        Connect("real", "admin@example.com", "emu-token-admin", cloud.BaseUrl);
        var cmdlets = _host.Run("Get-Command -Module JiraConnector | Where-Object { $_.Parameters.ContainsKey('Instance') -and $_.Name -notlike 'Disconnect-*' } | ForEach-Object Name")
            .Select(o => o.ToString()).ToList();
        Assert.Contains("Get-JiraObject", cmdlets);

        foreach (var cmdlet in cmdlets)
        {
            var error = _host.Run($"try {{ {cmdlet} -Instance nosuch -ErrorAction Stop }} catch {{ $_ }}").Select(o => o.BaseObject).OfType<ErrorRecord>().FirstOrDefault();
            // Cmdlets with other mandatory parameters fail on those first; those that bind report the instance.
            if (error != null && error.FullyQualifiedErrorId.StartsWith("InstanceNotFound", StringComparison.Ordinal))
            {
                Assert.Contains("nosuch", error.Exception.Message);
            }
        }
        var objectError = (ErrorRecord)_host.Run("try { Get-JiraObject projects -Instance nosuch -ErrorAction Stop } catch { $_ }").Single().BaseObject;
        Assert.Equal("InstanceNotFound,JiraConnector.Cmdlets.GetJiraObjectCommand", objectError.FullyQualifiedErrorId);
    }

    [Fact]
    public void Plain_http_to_a_remote_host_is_refused_unless_allowed()
    {
        var error = (ErrorRecord)_host.Run("try { Connect-JiraInstance -Url http://jira.example.com -Credential ([pscredential]::new('a', (ConvertTo-SecureString 'b' -AsPlainText -Force))) -ErrorAction Stop } catch { $_ }")
            .Single().BaseObject;

        Assert.Equal("InvalidConnectionParameter,JiraConnector.Cmdlets.ConnectJiraInstanceCommand", error.FullyQualifiedErrorId);
        Assert.Contains("-AllowUnencryptedAuthentication", error.Exception.Message);
    }
}
