using JiraConnector.Tests.Contract.Infrastructure;

namespace JiraConnector.Tests.Contract;

/// <summary>Dynamic webhooks (spec operations, OAuth app callers) and admin webhooks (shape from the contract notes).</summary>
[Collection(CloudWriters.Name)]
public sealed class WebhookContractTests(CloudJira jira)
{
    [Fact]
    public async Task registerDynamicWebhooks_getDynamicWebhooksForApp_refreshWebhooks_getFailedWebhooks_deleteWebhookById()
    {
        var tokens = await OAuthFlow.AuthorizeAsync(jira.Client(authenticated: false));
        var app = jira.Client(authenticated: false).WithAuth(JiraClient.Bearer(tokens["access_token"]!.GetValue<string>()));
        const string api = $"ex/jira/{OAuthFlow.CloudId}/rest/api/3";

        var registered = await app.CallAsync("registerDynamicWebhooks", "POST", $"{api}/webhook", """
            {"url":"http://127.0.0.1:9/hooks","webhooks":[
              {"events":["jira:issue_created","jira:issue_updated"],"jqlFilter":"project = OPS","fieldIdsFilter":["summary"]},
              {"events":["jira:issue_created"],"jqlFilter":"summary ~ nope"}]}
            """, 200);
        var results = registered.Json["webhookRegistrationResult"]!.AsArray();
        long id = results[0]!["createdWebhookId"]!.GetValue<long>();
        Assert.NotNull(results[1]!["errors"]);

        var list = await app.CallAsync("getDynamicWebhooksForApp", "GET", $"{api}/webhook", null, 200);
        Assert.Contains(list.Json["values"]!.AsArray(), w => w!["id"]!.GetValue<long>() == id);
        await app.CallAsync("refreshWebhooks", "PUT", $"{api}/webhook/refresh", $$"""{"webhookIds":[{{id}}]}""", 200);
        await app.CallAsync("getFailedWebhooks", "GET", $"{api}/webhook/failed", null, 200);
        await app.CallAsync("deleteWebhookById", "DELETE", $"{api}/webhook", $$"""{"webhookIds":[{{id}}]}""", 202);

        // Basic-auth callers are not apps: Jira refuses them.
        await jira.Client().CallAsync("getDynamicWebhooksForApp", "GET", "rest/api/3/webhook", null, 403);
    }

    [Fact]
    public async Task Admin_webhooks_create_get_update_delete_match_the_contract_notes_shape()
    {
        var client = jira.Client();
        var created = await client.SendAsync("POST", "rest/webhooks/1.0/webhook", """
            {"name":"contract","url":"http://127.0.0.1:9/admin-hook","events":["jira:issue_created"],
             "filters":{"issue-related-events-section":"project = WEB"},"excludeBody":false,"secret":"s3cret"}
            """);
        Assert.Equal(201, created.Status);
        string[] shape = ["self", "name", "url", "events", "filters", "excludeBody", "enabled", "lastUpdatedUser", "lastUpdatedDisplayName", "lastUpdated"];
        foreach (var property in shape) Assert.True(created.Json.AsObject().ContainsKey(property), $"missing {property}: {created.Body}");
        Assert.DoesNotContain("s3cret", created.Body);
        string self = created.Json["self"]!.GetValue<string>();
        Assert.Contains("/rest/webhooks/1.0/webhook/", self);
        string id = self[(self.LastIndexOf('/') + 1)..];

        Assert.Equal(200, (await client.GetAsync($"rest/webhooks/1.0/webhook/{id}")).Status);
        var updated = await client.SendAsync("PUT", $"rest/webhooks/1.0/webhook/{id}", """{"enabled":false}""");
        Assert.False(updated.Json["enabled"]!.GetValue<bool>());
        var alice = client.WithAuth(JiraClient.Basic("alice@example.com", "emu-token-alice"));
        Assert.Equal(403, (await alice.GetAsync("rest/webhooks/1.0/webhook")).Status);
        Assert.Equal(204, (await client.SendAsync("DELETE", $"rest/webhooks/1.0/webhook/{id}")).Status);
        Assert.Equal(404, (await client.GetAsync($"rest/webhooks/1.0/webhook/{id}")).Status);
    }
}
