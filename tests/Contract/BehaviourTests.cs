using System.Net;
using System.Security.Cryptography;
using System.Text;
using JiraConnector.Tests.Contract.Infrastructure;
using JiraEmulator;
using JiraEmulator.Faults;

namespace JiraConnector.Tests.Contract;

/// <summary>The contract notes' behaviours that a schema cannot show: paging ends, clamping, tokens, faults, auth, OAuth rotation, webhooks.</summary>
[Collection(CloudWriters.Name)]
public sealed class BehaviourTests(CloudJira cloud, DataCenterJira dataCenter, ReadOnlyCloudJira readOnly)
{
    [Fact]
    public async Task Project_search_clamps_maxResults_to_100_and_echoes_it_and_links_the_next_page()
    {
        var reply = await cloud.Client().GetAsync("rest/api/3/project/search?maxResults=500");
        Assert.Equal(100, reply.Json["maxResults"]!.GetValue<int>());
        var first = await cloud.Client().GetAsync("rest/api/3/project/search?maxResults=4");
        Assert.False(first.Json["isLast"]!.GetValue<bool>());
        var next = new Uri(first.Json["nextPage"]!.GetValue<string>());
        var second = await cloud.Client().GetAsync(next.PathAndQuery);
        Assert.True(second.Json["isLast"]!.GetValue<bool>());
        Assert.False(second.Json.AsObject().ContainsKey("nextPage"));
    }

    [Fact]
    public async Task Search_jql_lists_every_issue_once_in_key_order_and_refuses_a_token_from_another_query()
    {
        var keys = new List<string>();
        string? token = null;
        string firstToken = "";
        do
        {
            string path = "rest/api/3/search/jql?jql=" + Uri.EscapeDataString("project IS NOT EMPTY ORDER BY key ASC") + "&fields=key&maxResults=40"
                + (token is null ? "" : "&nextPageToken=" + Uri.EscapeDataString(token));
            var page = (await readOnly.Client().GetAsync(path)).Json;
            keys.AddRange(page["issues"]!.AsArray().Select(i => i!["key"]!.GetValue<string>()));
            token = page["isLast"]!.GetValue<bool>() ? null : page["nextPageToken"]!.GetValue<string>();
            if (firstToken.Length == 0 && token is not null) firstToken = token;
        } while (token is not null);

        Assert.Equal(keys.Distinct().Count(), keys.Count);
        Assert.True(keys.Count >= EmulatorFixture.SeededIssues - 10);
        var expected = keys.OrderBy(k => k[..k.IndexOf('-')], StringComparer.Ordinal).ThenBy(k => int.Parse(k[(k.IndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(expected, keys);

        var wrong = await readOnly.Client().GetAsync("rest/api/3/search/jql?jql=project%3DWEB&nextPageToken=" + Uri.EscapeDataString(firstToken));
        Assert.Equal(400, wrong.Status);
    }

    [Fact]
    public async Task Search_jql_defaults_to_ids_only_and_clamps_by_fields()
    {
        var idsOnly = (await cloud.Client().GetAsync("rest/api/3/search/jql?jql=project%3DOPS&maxResults=1")).Json;
        Assert.Equal(["id"], idsOnly["issues"]![0]!.AsObject().Select(p => p.Key).ToArray());
        var many = (await cloud.Client().GetAsync("rest/api/3/search/jql?jql=project%20IS%20NOT%20EMPTY&maxResults=9999&fields=summary")).Json;
        Assert.Equal(100, many["issues"]!.AsArray().Count);
    }

    [Fact]
    public async Task Malformed_JQL_is_a_400_naming_the_problem()
    {
        var reply = await cloud.Client().SendAsync("POST", "rest/api/3/search/jql", """{"jql":"project = OPS AND (status = Done"}""");
        Assert.Equal(400, reply.Status);
        Assert.Contains("Expecting ')'", reply.Body);
        reply = await cloud.Client().SendAsync("POST", "rest/api/3/search/jql", """{"jql":"labels = select"}""");
        Assert.Contains("reserved JQL word", reply.Body);
    }

    [Fact]
    public async Task Data_Center_serves_v2_only_with_Server_deployment_and_name_based_users()
    {
        var client = dataCenter.Client();
        var info = await client.GetAsync("rest/api/2/serverInfo");
        Assert.Equal("Server", info.Json["deploymentType"]!.GetValue<string>());
        Assert.Equal("8.4.3", info.Json["version"]!.GetValue<string>());
        Assert.Equal(404, (await client.GetAsync("rest/api/3/serverInfo")).Status);
        Assert.Equal(404, (await client.GetAsync("rest/api/2/search/jql?jql=project%3DOPS")).Status);
        var myself = await client.GetAsync("rest/api/2/myself");
        Assert.Equal("admin", myself.Json["name"]!.GetValue<string>());
        Assert.Equal("admin", myself.Headers["X-AUSERNAME"]);
        var pat = client.WithAuth(JiraClient.Bearer("emu-pat-alice"));
        Assert.Equal("alice", (await pat.GetAsync("rest/api/2/myself")).Json["name"]!.GetValue<string>());
        var search = (await client.GetAsync("rest/api/2/search?jql=project%3DOPS&maxResults=2&fields=description")).Json;
        Assert.Equal(JsonValueKindString, search["issues"]![0]!["fields"]!["description"]?.GetValueKind() ?? JsonValueKindString);
        Assert.Equal(401, (await client.WithAuth(JiraClient.Basic("admin@example.com", "emu-token-admin")).GetAsync("rest/api/2/myself")).Status);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindString = System.Text.Json.JsonValueKind.String;

    [Fact]
    public async Task Cloud_reports_the_caller_in_X_AAccountId()
    {
        var reply = await cloud.Client().GetAsync("rest/api/3/myself");
        Assert.Equal("712020:00000000-0000-4000-8000-000000000001", reply.Headers["X-AAccountId"]);
    }

    [Fact]
    public async Task Faults_429_then_success_with_Retry_After_and_reset_headers_and_the_request_log_records_it()
    {
        await using var jira = await EmulatorServer.StartAsync(new EmulatorOptions { Issues = 20 }, TestContext.Current.CancellationToken);
        var client = new JiraClient(jira.BaseUrl, JiraClient.Basic("admin@example.com", "emu-token-admin"));
        jira.Faults.Add(new FaultRule { Status = 429, RetryAfterSeconds = 2, Count = 2, PathContains = "/search" });
        for (int i = 0; i < 2; i++)
        {
            var limited = await client.GetAsync("rest/api/3/search/jql?jql=project%3DOPS");
            Assert.Equal(429, limited.Status);
            Assert.Equal("2", limited.Headers["Retry-After"]);
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\dZ$", limited.Headers["X-RateLimit-Reset"]);
            Assert.Equal("jira-burst-based", limited.Headers["RateLimit-Reason"]);
            Assert.NotNull(limited.Json["errorMessages"]);
        }
        Assert.Equal(200, (await client.GetAsync("rest/api/3/search/jql?jql=project%3DOPS")).Status);
        var log = jira.Requests.Entries;
        Assert.Equal([429, 429, 200], log.Select(e => e.Status).ToArray());
        Assert.All(log, e => Assert.Equal("admin@example.com", e.User));
        Assert.All(log, e => Assert.Equal("Basic", e.AuthScheme));
    }

    [Fact]
    public async Task Faults_drop_and_truncate_break_the_connection_and_the_admin_endpoint_edits_the_same_plan()
    {
        await using var jira = await EmulatorServer.StartAsync(new EmulatorOptions { Issues = 20 }, TestContext.Current.CancellationToken);
        var client = new JiraClient(jira.BaseUrl, JiraClient.Basic("admin@example.com", "emu-token-admin"));
        var admin = new JiraClient(jira.BaseUrl, null);
        Assert.Equal(201, (await admin.SendAsync("POST", "__emulator/faults", """{"count":1,"drop":true}""")).Status);
        Assert.Single(jira.Faults.Rules);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync("rest/api/3/myself"));
        jira.Faults.Add(new FaultRule { Count = 1, Truncate = true });
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync("rest/api/3/myself"));
        Assert.Equal(200, (await client.GetAsync("rest/api/3/myself")).Status);
        Assert.Equal(204, (await admin.SendAsync("DELETE", "__emulator/faults")).Status);
        var log = await admin.GetAsync("__emulator/requests");
        Assert.Equal([0, 0, 200], log.Json.AsArray().Select(e => e!["status"]!.GetValue<int>()).ToArray());
    }

    [Fact]
    public async Task Token_bucket_rate_limit_answers_429_once_the_burst_is_spent()
    {
        // A token every 1000 s: however slowly a loaded machine runs the four requests, none is refilled between them.
        await using var jira = await EmulatorServer.StartAsync(new EmulatorOptions { Issues = 10, RateLimitPerSecond = 0.001, RateLimitBurst = 3 }, TestContext.Current.CancellationToken);
        var client = new JiraClient(jira.BaseUrl, JiraClient.Basic("admin@example.com", "emu-token-admin"));
        var statuses = new List<int>();
        Reply? last = null;
        for (int i = 0; i < 4; i++)
        {
            last = await client.GetAsync("rest/api/3/myself");
            statuses.Add(last.Status);
        }
        Assert.Equal([200, 200, 200, 429], statuses);
        Assert.Equal("3", last!.Headers["X-RateLimit-Limit"]);
        Assert.True(int.Parse(last.Headers["Retry-After"], System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("jira-burst-based", last.Headers["RateLimit-Reason"]);
        // Another caller has its own bucket.
        var alice = client.WithAuth(JiraClient.Basic("alice@example.com", "emu-token-alice"));
        Assert.Equal(200, (await alice.GetAsync("rest/api/3/myself")).Status);
    }

    [Fact]
    public async Task OAuth_refresh_rotates_and_reusing_an_old_refresh_token_revokes_the_chain()
    {
        var anonymous = cloud.Client(authenticated: false);
        var tokens = await OAuthFlow.AuthorizeAsync(anonymous);
        string refresh1 = tokens["refresh_token"]!.GetValue<string>();
        var rotated = await OAuthFlow.RefreshAsync(anonymous, refresh1);
        Assert.Equal(200, rotated.Status);
        string access2 = rotated.Json["access_token"]!.GetValue<string>();
        Assert.NotEqual(refresh1, rotated.Json["refresh_token"]!.GetValue<string>());
        var api = anonymous.WithAuth(JiraClient.Bearer(access2));
        Assert.Equal(200, (await api.GetAsync($"ex/jira/{OAuthFlow.CloudId}/rest/api/3/myself")).Status);
        var sites = await api.GetAsync("oauth/token/accessible-resources");
        Assert.Equal(OAuthFlow.CloudId, sites.Json[0]!["id"]!.GetValue<string>());

        var reuse = await OAuthFlow.RefreshAsync(anonymous, refresh1);
        Assert.Equal(403, reuse.Status);
        Assert.Equal("""{"error":"invalid_grant","error_description":"Unknown or invalid refresh token."}""", reuse.Body);
        // Through the gateway, where the token worked a moment ago (on the site URL a 3LO token never does).
        Assert.Equal(401, (await api.GetAsync($"ex/jira/{OAuthFlow.CloudId}/rest/api/3/myself")).Status);
        Assert.Equal(403, (await OAuthFlow.RefreshAsync(anonymous, rotated.Json["refresh_token"]!.GetValue<string>())).Status);
    }

    [Fact]
    public async Task Admin_webhook_with_secret_delivers_a_signed_issue_created_payload()
    {
        await using var jira = await EmulatorServer.StartAsync(new EmulatorOptions { Issues = 12 }, TestContext.Current.CancellationToken);
        var client = new JiraClient(jira.BaseUrl, JiraClient.Basic("admin@example.com", "emu-token-admin"));
        int port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = listener.GetContextAsync();

        Assert.Equal(201, (await client.SendAsync("POST", "rest/webhooks/1.0/webhook", $$"""
            {"name":"t","url":"http://127.0.0.1:{{port}}/hook","events":["jira:issue_created"],
             "filters":{"issue-related-events-section":"project = OPS"},"secret":"top-secret"}
            """)).Status);
        Assert.Equal(201, (await client.SendAsync("POST", "rest/api/2/issue",
            """{"fields":{"project":{"key":"OPS"},"issuetype":{"name":"Bug"},"summary":"webhook me"}}""")).Status);

        var context = await received.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        using var memory = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(memory, TestContext.Current.CancellationToken);
        byte[] body = memory.ToArray();
        context.Response.StatusCode = 200;
        context.Response.Close();

        string expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("top-secret"), body));
        Assert.Equal(expected, context.Request.Headers["X-Hub-Signature"]);
        Assert.False(string.IsNullOrEmpty(context.Request.Headers["X-Atlassian-Webhook-Identifier"]));
        var payload = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        Assert.Equal("jira:issue_created", payload["webhookEvent"]!.GetValue<string>());
        Assert.Equal("webhook me", payload["issue"]!["fields"]!["summary"]!.GetValue<string>());
    }

    private static int FreePort()
    {
        var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        int port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }
}
