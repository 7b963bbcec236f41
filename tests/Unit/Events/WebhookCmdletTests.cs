using System.Management.Automation;
using JiraConnector.Tests.Unit.Connection;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Events;

/// <summary>Register-, Get- and Unregister-JiraWebhook against both of the emulator's webhook APIs:
/// admin webhooks over Basic auth, dynamic ones over OAuth 2.0, and -WhatIf that sends nothing.</summary>
public sealed class WebhookCmdletTests(CloudEmulator cloud, DataCenterEmulator dataCenter)
    : IClassFixture<CloudEmulator>, IClassFixture<DataCenterEmulator>, IDisposable
{
    private readonly ModuleHost _host = new();
    private readonly string _cache = Directory.CreateTempSubdirectory("jira-webhook-tokens-").FullName;

    public void Dispose()
    {
        _host.Dispose();
        Directory.Delete(_cache, recursive: true);
    }

    private List<JiraWebhook> Hooks(string script) => _host.Run(script).Select(o => (JiraWebhook)o.BaseObject).ToList();

    [Fact]
    public void An_admin_webhook_round_trips_on_Data_Center()
    {
        _host.ConnectTo(dataCenter, "dc");

        var created = Hooks("Register-JiraWebhook https://hooks.example.com/jira jira:issue_created, comment_created -Jql 'project = OPS' -Name round-trip -Instance dc").Single();
        var listed = Hooks("Get-JiraWebhook -Instance dc").Where(h => h.Id == created.Id).ToList();
        _host.Run($"Unregister-JiraWebhook {created.Id} -Instance dc -Confirm:$false");
        var after = Hooks("Get-JiraWebhook -Instance dc");

        Assert.Equal(JiraWebhookKind.Admin, created.Kind);
        Assert.True(created.Id > 0);
        var hook = Assert.Single(listed);
        Assert.Equal(("round-trip", "https://hooks.example.com/jira", "project = OPS"), (hook.Name, hook.Url, hook.Jql));
        Assert.Equal(["jira:issue_created", "comment_created"], hook.Events);
        Assert.DoesNotContain(after, h => h.Id == created.Id);
    }

    [Fact]
    public async Task WhatIf_sends_nothing()
    {
        using var admin = new EmulatorAdmin(dataCenter.BaseUrl);
        _host.ConnectTo(dataCenter, "dc");
        var created = Hooks("Register-JiraWebhook https://hooks.example.com/whatif jira:issue_deleted -Instance dc").Single();
        await admin.ClearAsync();

        var output = _host.Run($"""
            Register-JiraWebhook https://hooks.example.com/other jira:issue_created -Instance dc -WhatIf
            Get-JiraWebhook -Instance dc | Unregister-JiraWebhook -WhatIf
            Unregister-JiraWebhook {created.Id} -Instance dc -WhatIf
            """);

        Assert.DoesNotContain(output, o => o.BaseObject is JiraWebhook);
        var sent = await admin.RequestsAsync("webhook");
        Assert.Equal(["GET"], sent.Select(r => r.Method));
        Assert.Contains(Hooks("Get-JiraWebhook -Instance dc"), h => h.Id == created.Id);
        _host.Run($"Unregister-JiraWebhook {created.Id} -Instance dc -Confirm:$false");
    }

    [Fact]
    public void A_dynamic_webhook_round_trips_over_OAuth()
    {
        var outcome = new OAuthDriver(_host, cloud, _cache).Connect("-Name app");
        Assert.Null(outcome.Error);

        var created = Hooks("Register-JiraWebhook https://hooks.example.com/app jira:issue_updated -Jql 'project = WEB' -Instance app").Single();
        var listed = Hooks("Get-JiraWebhook -Instance app");
        _host.Run($"Get-JiraWebhook -Instance app | Where-Object Id -eq {created.Id} | Unregister-JiraWebhook -Confirm:$false");
        var after = Hooks("Get-JiraWebhook -Instance app");

        Assert.Equal(JiraWebhookKind.Dynamic, created.Kind);
        Assert.NotNull(created.Expires);
        var hook = Assert.Single(listed, h => h.Id == created.Id);
        Assert.Equal(("https://hooks.example.com/app", "project = WEB"), (hook.Url, hook.Jql));
        Assert.DoesNotContain(after, h => h.Id == created.Id);
    }

    [Fact]
    public async Task Refresh_extends_the_apps_dynamic_webhooks_and_names_ids_that_are_not_its()
    {
        using var admin = new EmulatorAdmin(cloud.BaseUrl);
        Assert.Null(new OAuthDriver(_host, cloud, _cache).Connect("-Name refresher").Error);
        var created = Hooks("Register-JiraWebhook https://hooks.example.com/refresh jira:issue_created -Jql 'project = WEB' -Instance refresher").Single();
        // The new expiry is 30 days from a later now.
        await Task.Delay(50, TestContext.Current.CancellationToken);

        using var piped = _host.Create($"Get-JiraWebhook {created.Id} -Instance refresher | Register-JiraWebhook -Refresh; Register-JiraWebhook -Refresh -Id 987654 -Instance refresher");
        var refreshed = piped.Invoke().Select(o => (JiraWebhook)o.BaseObject).ToList();

        var hook = Assert.Single(refreshed);
        Assert.Equal(created.Id, hook.Id);
        Assert.True(hook.Expires > created.Expires, $"expires {hook.Expires:o}, was {created.Expires:o}");
        var missing = Assert.Single(piped.Streams.Error);
        Assert.Equal("WebhookNotFound,JiraConnector.Cmdlets.RegisterJiraWebhookCommand", missing.FullyQualifiedErrorId);
        Assert.Contains("987654", missing.ToString());
        Assert.Contains(await admin.RequestsAsync("webhook/refresh"), r => r.Method == "PUT");
        _host.Run($"Unregister-JiraWebhook {created.Id} -Instance refresher -Confirm:$false");
    }

    [Fact]
    public async Task Refresh_WhatIf_sends_nothing_and_admin_webhooks_have_nothing_to_refresh()
    {
        using var admin = new EmulatorAdmin(dataCenter.BaseUrl);
        _host.ConnectTo(dataCenter, "dc-refresh");
        Assert.Null(new OAuthDriver(_host, cloud, _cache).Connect("-Name refresh-whatif").Error);
        var created = Hooks("Register-JiraWebhook https://hooks.example.com/whatif-refresh jira:issue_created -Jql 'project = WEB' -Instance refresh-whatif").Single();
        await admin.ClearAsync();

        var output = _host.Run("Register-JiraWebhook -Refresh -Instance refresh-whatif -WhatIf");
        var error = Assert.ThrowsAny<RuntimeException>(() => _host.Run("Register-JiraWebhook -Refresh -Instance dc-refresh"));

        Assert.Empty(output);
        Assert.Equal(created.Expires, Hooks("Get-JiraWebhook -Instance refresh-whatif").Single(h => h.Id == created.Id).Expires);
        Assert.Equal("WebhookRefreshNeedsDynamic,JiraConnector.Cmdlets.RegisterJiraWebhookCommand", error.ErrorRecord.FullyQualifiedErrorId);
        Assert.Empty(await admin.RequestsAsync("webhook"));
        _host.Run($"Unregister-JiraWebhook {created.Id} -Instance refresh-whatif -Confirm:$false");
    }

    [Fact]
    public async Task Receive_JiraEvent_refreshes_the_apps_dynamic_webhooks_while_it_listens()
    {
        Assert.Null(new OAuthDriver(_host, cloud, _cache).Connect("-Name listener-app").Error);
        var created = Hooks("Register-JiraWebhook https://hooks.example.com/listener jira:issue_created -Jql 'project = WEB' -Instance listener-app").Single();
        await Task.Delay(50, TestContext.Current.CancellationToken);

        _host.Run("Receive-JiraEvent $prefix -Instance listener-app -TimeoutSec 1", new Dictionary<string, object?>
        {
            ["prefix"] = $"http://127.0.0.1:{ListenerProbe.FreePort(System.Net.IPAddress.Loopback)}/hooks/jira/",
        });

        var after = Hooks("Get-JiraWebhook -Instance listener-app").Single(h => h.Id == created.Id);
        Assert.True(after.Expires > created.Expires, $"expires {after.Expires:o}, was {created.Expires:o}");
        _host.Run($"Unregister-JiraWebhook {created.Id} -Instance listener-app -Confirm:$false");
    }

    [Fact]
    public void A_secret_needs_an_admin_webhook()
    {
        var outcome = new OAuthDriver(_host, cloud, _cache).Connect("-Name app2");
        Assert.Null(outcome.Error);

        var error = Assert.ThrowsAny<RuntimeException>(() => _host.Run(
            "Register-JiraWebhook https://hooks.example.com/app jira:issue_updated -Jql 'project = WEB' -Instance app2 -Secret (ConvertTo-SecureString s -AsPlainText -Force)"));

        Assert.Equal("WebhookSecretNeedsAdmin,JiraConnector.Cmdlets.RegisterJiraWebhookCommand", error.ErrorRecord.FullyQualifiedErrorId);
    }
}
