using System.Text.RegularExpressions;

namespace JiraEmulator.Auth;

/// <summary>
/// The OAuth 2.0 (3LO) scopes each operation needs. Platform operations take the classic scope the spec's security
/// names (most reads read:jira-work, most writes write:jira-work; the exceptions are listed here, checked against the
/// spec by a contract test); the Granular (beta) alternatives of x-atlassian-oauth2-scopes are not offered. Agile
/// operations take either the classic scope of their method or the granular jira-software scopes the Jira Software
/// spec lists. A token passes when it holds every scope of one alternative; an empty alternative needs none.
/// </summary>
public static partial class OAuthScopes
{
    public const string ReadWork = "read:jira-work", WriteWork = "write:jira-work", ReadUser = "read:jira-user";
    public const string ManageProject = "manage:jira-project", ManageConfiguration = "manage:jira-configuration", ManageWebhook = "manage:jira-webhook";

    private static readonly Dictionary<string, string[]> Platform = new(StringComparer.Ordinal)
    {
        ["GET /serverInfo"] = [],
        ["GET /myself"] = [ReadUser],
        ["GET /users/search"] = [ReadUser],
        ["GET /users"] = [ReadUser],
        ["GET /user"] = [ReadUser],
        ["GET /user/search"] = [ReadUser],
        ["GET /user/assignable/search"] = [ReadUser],
        ["GET /user/groups"] = [ReadUser],
        ["GET /user/bulk"] = [ReadUser],
        ["GET /group/bulk"] = [ReadUser],
        ["GET /groups/picker"] = [ReadUser],
        // Reads that POST their query.
        ["POST /search/jql"] = [ReadWork],
        ["POST /search/approximate-count"] = [ReadWork],
        ["POST /search"] = [ReadWork],
        ["POST /issue/bulkfetch"] = [ReadWork],
        ["POST /comment/list"] = [ReadWork],
        ["POST /worklog/list"] = [ReadWork],
        ["POST /issue/{}/changelog/list"] = [ReadWork],
        ["POST /jql/parse"] = [ReadWork],
        ["POST /version"] = [ManageProject],
        ["PUT /version/{}"] = [ManageProject],
        ["DELETE /version/{}"] = [ManageProject],
        ["POST /component"] = [ManageProject],
        ["PUT /component/{}"] = [ManageProject],
        ["DELETE /component/{}"] = [ManageProject],
        ["PUT /project/{}"] = [ManageProject],
        ["GET /issuesecurityschemes"] = [ManageProject],
        ["POST /project"] = [ManageConfiguration],
        ["DELETE /project/{}"] = [ManageConfiguration],
        ["POST /user"] = [ManageConfiguration],
        ["DELETE /user"] = [ManageConfiguration],
        ["GET /group/member"] = [ManageConfiguration],
        ["POST /group"] = [ManageConfiguration],
        ["DELETE /group"] = [ManageConfiguration],
        ["POST /group/user"] = [ManageConfiguration],
        ["DELETE /group/user"] = [ManageConfiguration],
        ["GET /statuses/search"] = [ManageConfiguration],
        ["GET /priority/search"] = [ManageConfiguration],
        ["POST /issueLinkType"] = [ManageConfiguration],
        ["PUT /issueLinkType/{}"] = [ManageConfiguration],
        ["DELETE /issueLinkType/{}"] = [ManageConfiguration],
        ["GET /notificationscheme"] = [ManageConfiguration],
        ["GET /notificationscheme/{}"] = [ManageConfiguration],
        ["POST /webhook"] = [ReadWork, ManageWebhook],
        ["GET /webhook"] = [ReadWork, ManageWebhook],
        ["DELETE /webhook"] = [ReadWork, ManageWebhook],
        ["PUT /webhook/refresh"] = [ReadWork, ManageWebhook],
        ["GET /webhook/failed"] = [ReadWork, ManageWebhook],
    };

    private static readonly Dictionary<string, string[]> Agile = new(StringComparer.Ordinal)
    {
        ["GET /board"] = [],
        ["POST /board"] = ["write:board-scope:jira-software"],
        ["DELETE /board/{}"] = ["write:board-scope:jira-software"],
        ["GET /board/{}"] = ["read:board-scope:jira-software", "read:issue-details:jira"],
        ["GET /board/{}/issue"] = ["read:board-scope:jira-software", "read:issue-details:jira"],
        ["GET /board/{}/sprint"] = ["read:sprint:jira-software"],
        ["POST /sprint"] = ["write:sprint:jira-software"],
        ["GET /sprint/{}"] = ["read:sprint:jira-software"],
        ["PUT /sprint/{}"] = ["write:sprint:jira-software"],
        ["POST /sprint/{}"] = ["write:sprint:jira-software"],
        ["DELETE /sprint/{}"] = ["delete:sprint:jira-software"],
        ["GET /sprint/{}/issue"] = ["read:sprint:jira-software", "read:issue-details:jira", "read:jql:jira"],
        ["POST /sprint/{}/issue"] = ["write:sprint:jira-software"],
        ["POST /backlog/issue"] = ["write:board-scope:jira-software"],
    };

    [GeneratedRegex(@"^/rest/(?:api/(?:\d+|latest)|(?<agile>agile/1\.0))(?<path>/.*)?$")]
    private static partial Regex Root();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();

    /// <summary>The alternatives for a request to a route template (e.g. "/rest/api/3/issue/{issueIdOrKey}/comment").</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Required(string method, string template)
    {
        var root = Root().Match(template);
        string path = Parameter().Replace(root.Success ? root.Groups["path"].Value : template, "{}");
        string key = $"{method} {(path.Length == 0 ? "/" : path)}";
        string[] classic = method == "GET" ? [ReadWork] : [WriteWork];
        if (root.Success && root.Groups["agile"].Success)
            return Agile.TryGetValue(key, out var granular) ? [classic, granular] : [classic];
        return [Platform.TryGetValue(key, out var scopes) ? scopes : classic];
    }

    public static bool Allows(IReadOnlySet<string> granted, string method, string template) =>
        Required(method, template).Any(alternative => alternative.All(granted.Contains));
}
