using System.Management.Automation;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Security;

/// <summary>Error text never repeats a secret-looking URL query value, whichever message quotes
/// the URL: the same redaction as the debug trace.</summary>
public sealed class MessageRedactionTests(CloudEmulator emulator) : IClassFixture<CloudEmulator>, IDisposable
{
    private readonly ModuleHost _host = new();

    [Fact]
    public void The_unknown_object_error_hides_query_values()
    {
        _host.ConnectTo(emulator, "cloud");

        var error = Assert.Throws<RuntimeException>(() => _host.Run("Get-JiraObject 'myself?token=abc&password=SHHH' -Instance cloud"));

        Assert.Equal("UnknownObject", error.ErrorRecord.FullyQualifiedErrorId.Split(',')[0]);
        Assert.DoesNotContain("SHHH", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", error.Message, StringComparison.Ordinal);
        Assert.Contains("myself?token=***&password=***'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configuration_error_hides_query_values()
    {
        var error = Assert.Throws<RuntimeException>(() => _host.Run("""
            Connect-JiraInstance -Configuration @{
                'base.url' = $url; username = 'admin@example.com'; password = 'emu-token-admin'
                'event.notification.callback.url' = 'ftp://x/?token=CBSECRET'
            }
            """, new Dictionary<string, object?> { ["url"] = emulator.BaseUrl.ToString() }));

        Assert.Equal("InvalidConfigurationValue", error.ErrorRecord.FullyQualifiedErrorId.Split(',')[0]);
        Assert.DoesNotContain("CBSECRET", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CBSECRET", error.ErrorRecord.ToString(), StringComparison.Ordinal);
        Assert.Contains("ftp://x/?token=***'", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _host.Dispose();
}
