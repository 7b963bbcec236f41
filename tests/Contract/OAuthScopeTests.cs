using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JiraConnector.Tests.Contract.Infrastructure;
using JiraConnector.Tests.Contract.OpenApi;
using JiraEmulator.Auth;

namespace JiraConnector.Tests.Contract;

/// <summary>
/// OAuth 2.0 (3LO) as Cloud enforces it: an access token works only through the api.atlassian.com gateway path, and
/// only for the operations its scopes cover (401 "scope does not match" otherwise, from the gateway); Cloud has no
/// personal access tokens. The scope each operation needs is the one the spec's security gives it.
/// </summary>
[Collection(CloudWriters.Name)]
public sealed class OAuthScopeTests(CloudJira cloud, DataCenterJira dataCenter)
{
    private const string Gateway = $"ex/jira/{OAuthFlow.CloudId}/";

    private async Task<JiraClient> AppAsync(string scope)
    {
        var tokens = await OAuthFlow.AuthorizeAsync(cloud.Client(authenticated: false), scope);
        return cloud.Client(authenticated: false).WithAuth(JiraClient.Bearer(tokens["access_token"]!.GetValue<string>()));
    }

    private static void AssertScopeMismatch(Reply reply)
    {
        Assert.Equal(401, reply.Status);
        Assert.Equal("""{"code":401,"message":"Unauthorized; scope does not match"}""", reply.Body);
    }

    private async Task<int> CommentCountAsync(string key) =>
        (await cloud.Client().GetAsync($"rest/api/3/issue/{key}/comment")).Json["total"]!.GetValue<int>();

    [Fact]
    public async Task A_token_granted_only_read_jira_user_cannot_create_a_comment()
    {
        string key = await cloud.Client().NewIssueAsync();
        var app = await AppAsync("read:jira-user");
        Assert.Equal(200, (await app.GetAsync($"{Gateway}rest/api/3/myself")).Status);
        AssertScopeMismatch(await app.SendAsync("POST", $"{Gateway}rest/api/3/issue/{key}/comment", $$"""{"body":{{Adf.Doc("not allowed")}}}"""));
        AssertScopeMismatch(await app.GetAsync($"{Gateway}rest/api/3/issue/{key}"));
        Assert.Equal(0, await CommentCountAsync(key));
    }

    [Fact]
    public async Task Read_scopes_read_and_only_write_jira_work_writes()
    {
        string key = await cloud.Client().NewIssueAsync();
        var reader = await AppAsync("read:jira-work read:jira-user offline_access");
        Assert.Equal(200, (await reader.GetAsync($"{Gateway}rest/api/3/issue/{key}")).Status);
        Assert.Equal(200, (await reader.SendAsync("POST", $"{Gateway}rest/api/3/search/jql", $$"""{"jql":"key = {{key}}"}""")).Status);
        AssertScopeMismatch(await reader.SendAsync("POST", $"{Gateway}rest/api/3/issue/{key}/comment", $$"""{"body":{{Adf.Doc("not allowed")}}}"""));
        AssertScopeMismatch(await reader.SendAsync("PUT", $"{Gateway}rest/api/3/issue/{key}", """{"fields":{"summary":"changed"}}"""));

        var writer = await AppAsync("write:jira-work");
        Assert.Equal(201, (await writer.SendAsync("POST", $"{Gateway}rest/api/3/issue/{key}/comment", $$"""{"body":{{Adf.Doc("allowed")}}}""")).Status);
        Assert.Equal(1, await CommentCountAsync(key));
        // Administration needs manage:jira-configuration, which no token here has.
        AssertScopeMismatch(await writer.SendAsync("POST", $"{Gateway}rest/api/3/group", """{"name":"app-made"}"""));
    }

    [Fact]
    public async Task A_3LO_token_is_refused_on_the_site_URL_and_Cloud_takes_no_personal_access_token()
    {
        var app = await AppAsync("read:jira-work read:jira-user");
        Assert.Equal(200, (await app.GetAsync($"{Gateway}rest/api/3/myself")).Status);
        var site = await app.GetAsync("rest/api/3/myself");
        Assert.Equal(401, site.Status);
        Assert.Equal("You are not authenticated. Authentication required to perform this operation.", site.Json["errorMessages"]![0]!.GetValue<string>());

        var pat = cloud.Client().WithAuth(JiraClient.Bearer("emu-pat-admin"));
        Assert.Equal(401, (await pat.GetAsync("rest/api/3/myself")).Status);
        Assert.Equal(401, (await pat.GetAsync($"{Gateway}rest/api/3/myself")).Status);
        Assert.Equal(200, (await dataCenter.Client().WithAuth(JiraClient.Bearer("emu-pat-admin")).GetAsync("rest/api/2/myself")).Status);
    }

    [Fact]
    public async Task The_Agile_API_takes_the_classic_scope_or_the_granular_ones_its_spec_lists()
    {
        var classic = await AppAsync("read:jira-work");
        Assert.Equal(200, (await classic.GetAsync($"{Gateway}rest/agile/1.0/board/1")).Status);
        var granular = await AppAsync("read:sprint:jira-software");
        Assert.Equal(200, (await granular.GetAsync($"{Gateway}rest/agile/1.0/sprint/1")).Status);
        AssertScopeMismatch(await granular.GetAsync($"{Gateway}rest/agile/1.0/board/1"));
        AssertScopeMismatch(await granular.SendAsync("POST", $"{Gateway}rest/agile/1.0/backlog/issue", """{"issues":["OPS-1"]}"""));
    }

    /// <summary>Every operation the emulator serves under /rest/api/3 and /rest/agile/1.0 is one of the spec's, and needs
    /// the OAuth scopes the spec's security names (for the Agile API, its granular set beside the classic scope).</summary>
    [Fact]
    public void Each_operation_needs_the_scopes_the_spec_gives_it()
    {
        static string Normal(string path) => Regex.Replace(path, @"\{[^}]*\}", "{}");
        var checkedRoutes = 0;
        foreach (var (method, template) in cloud.Server.Routes.Where(r => r.Template.StartsWith("/rest/api/3/", StringComparison.Ordinal) || r.Template.StartsWith("/rest/agile/1.0/", StringComparison.Ordinal)))
        {
            bool agile = template.StartsWith("/rest/agile", StringComparison.Ordinal);
            var spec = agile ? OpenApiDocument.Agile : OpenApiDocument.Instance;
            var operation = spec.Root["paths"]!.AsObject()
                .Where(p => Normal(p.Key) == Normal(template))
                .Select(p => p.Value?[method.ToLowerInvariant()])
                .SingleOrDefault(o => o is not null);
            Assert.True(operation is not null, $"{method} {template} is not an operation of the spec.");
            var scopes = (operation!["security"] as JsonArray)?.OfType<JsonObject>().Select(s => s["OAuth2"]).OfType<JsonArray>().FirstOrDefault()
                ?.Select(s => s!.GetValue<string>()).Order().ToArray() ?? [];
            var required = OAuthScopes.Required(method, template);
            var emulator = (agile ? required[^1] : required[0]).Order().ToArray();
            Assert.True(scopes.SequenceEqual(emulator), $"{method} {template}: the spec says [{string.Join(", ", scopes)}], the emulator [{string.Join(", ", emulator)}].");
            checkedRoutes++;
        }
        Assert.True(checkedRoutes > 100, $"only {checkedRoutes} routes were checked");
    }
}
