using System.Management.Automation;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using JiraConnector.Tests.Unit.Support;
using JiraEmulator.Webhooks;

namespace JiraConnector.Tests.Unit.Events;

/// <summary>Receive-JiraEvent gets real deliveries from the emulator (an admin webhook with a secret
/// pointing at the listener), checks their X-Hub-Signature, and refuses forged ones with 401.</summary>
public sealed class ReceiveJiraEventTests(CloudEmulator cloud) : IClassFixture<CloudEmulator>, IDisposable
{
    private const string Secret = "wh-secret-1";
    private readonly ModuleHost _host = new();
    private readonly ModuleHost _listenerHost = new();

    public void Dispose()
    {
        _host.Dispose();
        _listenerHost.Dispose();
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string prefix, string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, prefix) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature != null) request.Headers.Add("X-Hub-Signature", signature);
        using var answer = await http.SendAsync(request);
        return answer.StatusCode;
    }

    [Fact]
    public async Task A_signed_delivery_from_the_emulator_becomes_an_event_and_forgeries_get_401()
    {
        _host.ConnectTo(cloud, "cloud");
        var prefix = ListenerPorts.FreePrefix("/hooks/jira/").Prefix;
        var hook = (JiraWebhook)_host.Run(
            "Register-JiraWebhook -Instance cloud -Url $url -Events jira:issue_updated -Jql 'key = OPS-2' -Admin -Name receive-test -Secret (ConvertTo-SecureString $secret -AsPlainText -Force)",
            new Dictionary<string, object?> { ["url"] = prefix, ["secret"] = Secret }).Single().BaseObject;
        using var http = new HttpClient { BaseAddress = cloud.BaseUrl };
        try
        {
            using var shell = _listenerHost.Create("Receive-JiraEvent -Prefix $prefix -Secret (ConvertTo-SecureString $secret -AsPlainText -Force) -Count 1 -TimeoutSec 30",
                new Dictionary<string, object?> { ["prefix"] = prefix, ["secret"] = Secret });
            var output = new PSDataCollection<PSObject>();
            var running = shell.BeginInvoke<PSObject, PSObject>(null, output);
            await ListenerPorts.WaitUntilListeningAsync(http, prefix);

            var forgedBody = """{"timestamp":1,"webhookEvent":"jira:issue_deleted","issue":{"id":"10006","key":"OPS-2"}}""";
            var forged = await PostAsync(http, prefix, forgedBody, WebhookSigning.HubSignature("not-the-secret", Encoding.UTF8.GetBytes(forgedBody)));
            var unsigned = await PostAsync(http, prefix, forgedBody, null);
            _host.Run("Set-JiraObject incidents OPS-2 -Instance cloud -Fields @{ summary = 'Changed for the webhook' }");

            Assert.True(running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30)), "no event arrived");
            Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (forged, unsigned));
            var written = Assert.Single(output);
            var ev = (JiraEvent)written.BaseObject;
            Assert.Equal(("incidents", "OPS-2", JiraEventType.UPDATED, "jira:issue_updated"), (ev.ObjectType, ev.ObjectId, ev.EventType, ev.JiraEventName));
            Assert.Equal("Changed for the webhook", ((PSObject)written.Properties["Raw"].Value).Properties["issue"].Value is PSObject issue
                ? ((PSObject)issue.Properties["fields"].Value).Properties["summary"].Value : null);
            Assert.Equal(
                ["WebhookSignatureInvalid,JiraConnector.Cmdlets.ReceiveJiraEventCommand", "WebhookSignatureMissing,JiraConnector.Cmdlets.ReceiveJiraEventCommand"],
                shell.Streams.Error.Select(e => e.FullyQualifiedErrorId));
            var deliveries = await http.GetFromJsonAsync<List<WebhookDelivery>>("__emulator/webhooks/deliveries", TestContext.Current.CancellationToken);
            Assert.Contains(deliveries!, d => d.Url == prefix && d.Status == 200 && d.WebhookEvent == "jira:issue_updated");
        }
        finally
        {
            _host.Run($"Unregister-JiraWebhook {hook.Id} -Instance cloud -Confirm:$false");
        }
    }

    [Fact]
    public async Task Stop_ends_the_listener_at_once()
    {
        var prefix = ListenerPorts.FreePrefix("/hooks/jira/").Prefix;
        using var http = new HttpClient();
        using var shell = _listenerHost.Create("Receive-JiraEvent $prefix", new Dictionary<string, object?> { ["prefix"] = prefix });
        var running = shell.BeginInvoke();
        await ListenerPorts.WaitUntilListeningAsync(http, prefix);

        shell.Stop();

        Assert.True(running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(5)), "the listener did not stop");
        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(prefix, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void A_prefix_other_machines_could_reach_needs_AllowRemote()
    {
        var error = Assert.ThrowsAny<RuntimeException>(() => _listenerHost.Run("Receive-JiraEvent http://+:8080/ -TimeoutSec 1"));

        Assert.Equal("WebhookPrefixNotLoopback,JiraConnector.Cmdlets.ReceiveJiraEventCommand", error.ErrorRecord.FullyQualifiedErrorId);
    }
}
