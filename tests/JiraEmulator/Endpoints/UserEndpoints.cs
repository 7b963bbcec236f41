using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>
/// Users (style D: bare arrays): users/search (all, including inactive; Cloud), user/search, user/assignable/search,
/// GET user and user/groups. Data Center takes "username" where Cloud takes "accountId".
/// </summary>
public static class UserEndpoints
{
    public const int MaxPage = 1000;

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        if (state.IsCloud)
        {
            foreach (var path in new[] { "/users/search", "/users" })
            {
                api.MapGet(path, (HttpContext context) => Page(context, version, state, state.Data.Users));
            }
        }

        api.MapGet("/user/search", (HttpContext context) =>
        {
            var request = context.Request;
            string? query = state.IsCloud ? request.Query["query"] : request.Query["username"].ToString() is { Length: > 0 } u ? u : request.Query["query"];
            string? accountId = request.Query["accountId"];
            if (string.IsNullOrEmpty(query) && string.IsNullOrEmpty(accountId) && string.IsNullOrEmpty(request.Query["property"]))
                throw JiraErrorException.BadRequest(state.IsCloud ? "One of 'query' or 'accountId' parameters must be provided." : "The username query parameter was not provided");
            var users = state.Data.Users.Where(u => Matches(u, query, accountId));
            // Data Center hides inactive users unless includeInactive=true; Cloud's findUsers returns active users.
            if (!request.GetBool("includeInactive", false)) users = users.Where(u => u.Active);
            return Page(context, version, state, users.ToList());
        });

        api.MapGet("/user/assignable/search", (HttpContext context) =>
        {
            var request = context.Request;
            string? project = request.Query["project"], issueKey = request.Query["issueKey"], issueId = request.Query["issueId"];
            if (string.IsNullOrEmpty(project) && string.IsNullOrEmpty(issueKey) && string.IsNullOrEmpty(issueId))
                throw JiraErrorException.BadRequest("One of the following parameters must be provided: project, issueKey, issueId.");
            if (!string.IsNullOrEmpty(project)) Lookup.Project(state, project);
            if (!string.IsNullOrEmpty(issueKey ?? issueId)) Lookup.Issue(state, (issueKey ?? issueId)!);
            string? query = state.IsCloud ? request.Query["query"] : request.Query["username"].ToString() is { Length: > 0 } u ? u : request.Query["query"];
            var users = state.Data.Users.Where(u => u.Active && Matches(u, query, request.Query["accountId"])).ToList();
            return Page(context, version, state, users);
        });

        api.MapGet("/user", (HttpContext context) =>
        {
            var user = Find(context, state) ?? throw JiraErrorException.NotFound("The user with the given identifier does not exist.");
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            return JsonResponse.Ok(w => UserRenderer.Write(w, user, ctx, withGroups: context.Request.GetList("expand").Contains("groups"), full: true));
        });

        api.MapGet("/user/groups", (HttpContext context) =>
        {
            var user = Find(context, state) ?? throw JiraErrorException.NotFound("The user with the given identifier does not exist.");
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var groups = state.Groups.Where(g => user.Groups.Contains(g.Name)).ToList();
            return JsonResponse.Ok(w =>
            {
                w.WriteStartArray();
                foreach (var group in groups)
                {
                    w.WriteStartObject();
                    w.WriteString("name", group.Name);
                    if (state.IsCloud) w.WriteString("groupId", group.GroupId);
                    w.WriteString("self", $"{ctx.ApiRoot}/group?groupname={Uri.EscapeDataString(group.Name)}");
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
        });
    }

    private static User? Find(HttpContext context, EmulatorState state)
    {
        string? accountId = context.Request.Query["accountId"], name = context.Request.Query["username"], key = context.Request.Query["key"];
        if (string.IsNullOrEmpty(accountId) && string.IsNullOrEmpty(name) && string.IsNullOrEmpty(key))
            throw JiraErrorException.BadRequest(state.IsCloud ? "The accountId parameter is required." : "Either the 'username' or the 'key' parameter is required.");
        return state.Data.Users.FirstOrDefault(u =>
            (!string.IsNullOrEmpty(accountId) && u.AccountId == accountId)
            || (!string.IsNullOrEmpty(name) && string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase))
            || (!string.IsNullOrEmpty(key) && u.Key == key));
    }

    /// <summary>Query matches the start of the display name, a word in it, the email address or (Data Center) the user name.</summary>
    private static bool Matches(User user, string? query, string? accountId)
    {
        if (!string.IsNullOrEmpty(accountId) && user.AccountId != accountId) return false;
        // Data Center's user/search treats "." as "everyone": the usual way to list all users there.
        if (string.IsNullOrEmpty(query) || query == ".") return true;
        return user.DisplayName.Split(' ').Any(part => part.StartsWith(query, StringComparison.OrdinalIgnoreCase))
            || user.DisplayName.StartsWith(query, StringComparison.OrdinalIgnoreCase)
            || user.EmailAddress.StartsWith(query, StringComparison.OrdinalIgnoreCase)
            || user.Name.StartsWith(query, StringComparison.OrdinalIgnoreCase);
    }

    private static IResult Page(HttpContext context, int version, EmulatorState state, IReadOnlyList<User> users)
    {
        var request = context.Request;
        var ctx = ApiContext.From(context, version, state.Options.Deployment);
        int startAt = Math.Max(0, request.GetInt("startAt", 0));
        int maxResults = Paging.Clamp(request.GetInt("maxResults", 50), MaxPage);
        return JsonResponse.Ok(w =>
        {
            w.WriteStartArray();
            foreach (var user in users.Skip(startAt).Take(maxResults)) UserRenderer.Write(w, user, ctx, full: true);
            w.WriteEndArray();
        });
    }
}
