using System.Management.Automation;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Connection;

/// <summary>Connect-JiraInstance -Configuration / -ConfigurationFile against the emulator: the
/// connector's samples connect, the event settings reach the instance, mistakes name their key.</summary>
public sealed class ConnectWithConfigurationTests(CloudEmulator cloud, DataCenterEmulator dataCenter)
    : IClassFixture<CloudEmulator>, IClassFixture<DataCenterEmulator>, IDisposable
{
    private readonly ModuleHost _host = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("jira-config-").FullName;

    public void Dispose()
    {
        _host.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string WriteFile(string text)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("n") + ".json");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_basic_seed_sample_connects_as_printed_once_filled()
    {
        var path = WriteFile(SeedSamples.Fill(SeedSamples.Basic, new Dictionary<string, string>
        {
            ["[myUsername]"] = EmulatorFixture.CloudUser,
            ["[myPassword]"] = EmulatorFixture.CloudToken,
            ["[myServerURL]"] = cloud.BaseUrl.ToString(),
        }));

        var instance = _host.Run("Connect-JiraInstance -ConfigurationFile $path -Name seed -PassThru", new Dictionary<string, object?> { ["path"] = path }).Single();

        Assert.Equal("seed", instance.Properties["Name"].Value);
        Assert.Equal(JiraAuthType.Basic, instance.Properties["AuthType"].Value);
        Assert.Equal(EmulatorFixture.CloudUser, instance.Properties["User"].Value);
        Assert.Equal(JiraDeployment.Cloud, instance.Properties["Deployment"].Value);
    }

    [Fact]
    public void The_webhook_sample_with_its_older_keys_connects_and_keeps_the_event_settings()
    {
        var path = WriteFile(SeedSamples.Fill(SeedSamples.Events, new Dictionary<string, string>
        {
            ["<INSERT_JIRA_USERNAME>"] = EmulatorFixture.DataCenterUser,
            ["<INSERT_JIRA_PASSWORD>"] = EmulatorFixture.DataCenterPassword,
            ["<INSERT_JIRA_SUBDOMAIN_URL>"] = dataCenter.BaseUrl.ToString(),
            ["<INSERT_YOUR_APPS_CALLBACK_URL>"] = "https://hooks.example.com/jira",
        }));

        var instance = (JiraInstance)_host.Run("Connect-JiraInstance -ConfigurationFile $path -PassThru", new Dictionary<string, object?> { ["path"] = path }).Single().BaseObject;

        Assert.Equal(JiraDeployment.DataCenter, instance.Deployment);
        Assert.True(instance.Events.Enabled);
        Assert.Equal(new Uri("https://hooks.example.com/jira"), instance.Events.CallbackUrl);
    }

    [Fact]
    public void A_hashtable_with_every_event_key_connects_and_never_shows_the_signature_key()
    {
        const string signatureKey = "SIGNATURE-KEY-never-shown";
        var text = _host.Run("""
            Connect-JiraInstance -Name events -Configuration @{
                'username' = $user; 'password' = (ConvertTo-SecureString $secret -AsPlainText -Force); 'base.url' = $url
                'event.notification.enabled' = $true
                'event.notification.callback.url' = 'https://hooks.example.com/jira'
                'event.notification.signature.key' = $signatureKey
                'event.vendor.type' = 'polling'
                'event.poller.refresh_interval' = 2
            }
            $instance = Get-JiraInstance events
            $instance.Events.VendorType, $instance.Events.PollInterval.TotalMinutes, $instance.Events.HasSignatureKey
            ($instance | Format-List * | Out-String), ($instance.Events | Format-List * | Out-String), ($instance | ConvertTo-Json -Depth 5)
            """, new Dictionary<string, object?>
        {
            ["user"] = EmulatorFixture.CloudUser, ["secret"] = EmulatorFixture.CloudToken, ["url"] = cloud.BaseUrl.ToString(),
            ["signatureKey"] = signatureKey,
        }).Select(o => o.ToString()).ToList();

        Assert.Equal("Polling", text[0]);
        Assert.Equal("2", text[1]);
        Assert.Equal("True", text[2]);
        Assert.All(text, line => Assert.DoesNotContain(signatureKey, line));
        Assert.All(text, line => Assert.DoesNotContain(EmulatorFixture.CloudToken, line));
    }

    [Theory]
    [InlineData("@{ username = 'u'; password = 'p'; 'base.url' = 'https://x.example.com'; 'site.uri' = 'y' }", "InvalidConfigurationKey", "site.uri")]
    [InlineData("@{ username = 'u'; 'base.url' = 'https://x.example.com' }", "MissingConfigurationKey", "password")]
    [InlineData("@{ 'oauth.api.key' = 'c'; 'site.url' = 'https://x.atlassian.net' }", "MissingConfigurationKey", "oauth.api.secret")]
    [InlineData("@{ username = 'u'; password = 'p'; 'base.url' = 'https://x.example.com'; 'event.vendor.type' = 'pigeon' }", "InvalidConfigurationValue", "event.vendor.type")]
    public void A_bad_configuration_fails_with_an_error_naming_the_key(string table, string errorId, string key)
    {
        var error = (ErrorRecord)_host.Run($"try {{ Connect-JiraInstance -Configuration {table} -ErrorAction Stop }} catch {{ $_ }}").Single().BaseObject;

        Assert.Equal(errorId + ",JiraConnector.Cmdlets.ConnectJiraInstanceCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(key, error.TargetObject);
        Assert.Contains($"'{key}'", error.Exception.Message);
        Assert.Empty(_host.Run("Get-JiraInstance"));
    }

    [Fact]
    public void A_missing_file_is_an_invalid_configuration_file()
    {
        var error = (ErrorRecord)_host.Run("try { Connect-JiraInstance -ConfigurationFile ./no-such-file.json -ErrorAction Stop } catch { $_ }").Single().BaseObject;

        Assert.Equal("InvalidConfigurationFile,JiraConnector.Cmdlets.ConnectJiraInstanceCommand", error.FullyQualifiedErrorId);
        Assert.Contains("no-such-file.json", error.Exception.Message);
    }
}
