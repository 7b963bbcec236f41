using System.Management.Automation;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Errors;

/// <summary>An error never echoes a secret-looking URL query value the user gave, in its message,
/// its target or its view, and the rest of the message stays.</summary>
public sealed class RedactedErrorTests(CloudEmulator emulator) : IClassFixture<CloudEmulator>, IDisposable
{
    private readonly ModuleHost _host = new();

    private ErrorRecord ErrorOf(string script)
    {
        using var shell = _host.Create(script, new Dictionary<string, object?> { ["url"] = emulator.BaseUrl.ToString() });
        try
        {
            shell.Invoke();
        }
        catch (RuntimeException ex)
        {
            return ex.ErrorRecord;
        }
        Assert.NotEmpty(shell.Streams.Error);
        return shell.Streams.Error[0];
    }

    private static string AllText(ErrorRecord error) =>
        string.Join("\n", error.ToString(), error.Exception.Message, error.CategoryInfo.ToString(), error.TargetObject?.ToString());

    [Fact]
    public void An_unknown_object_with_a_query_is_named_without_its_secret_values()
    {
        _host.ConnectTo(emulator, "cloud");

        var error = ErrorOf("Get-JiraObject 'myself?token=abc&password=SHHH' -Instance cloud");

        Assert.Equal("UnknownObject", error.FullyQualifiedErrorId.Split(',')[0]);
        var text = AllText(error);
        Assert.DoesNotContain("SHHH", text, StringComparison.Ordinal);
        Assert.DoesNotContain("=abc", text, StringComparison.Ordinal);
        Assert.Contains("myself?token=***&password=***' is not a resource", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("Valid names:", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configuration_error_names_the_bad_callback_url_without_its_token()
    {
        var error = ErrorOf("""
            Connect-JiraInstance -Name cfg -Configuration @{
                'username' = 'admin@example.com'; 'password' = (ConvertTo-SecureString 'emu-token-admin' -AsPlainText -Force); 'base.url' = $url
                'event.notification.enabled' = $true; 'event.notification.callback.url' = 'ftp://x/?token=CBSECRET'
            }
            """);

        Assert.Equal("InvalidConfigurationValue", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.DoesNotContain("CBSECRET", AllText(error), StringComparison.Ordinal);
        Assert.Contains("not 'ftp://x/?token=***'", error.Exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _host.Dispose();
}
