using JiraEmulator.Auth;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>
/// Users (style D: bare arrays): users/search (all, including inactive; Cloud), user/search, user/assignable/search,
/// GET user and user/groups; and an administrator's POST user (201) and DELETE user (204). Data Center takes
/// "username" where Cloud takes "accountId".
/// </summary>
public static class UserEndpoints
{
    public const int MaxPage = 1000;

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        MapWrites(api, version, state);
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

    private static void MapWrites(RouteGroupBuilder api, int version, EmulatorState state)
    {
        api.MapPost("/user", async (HttpContext context) =>
        {
            Permissions.RequireAdmin(context, "You do not have the permission to create users.");
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var body = await context.Request.ReadJsonObjectAsync();
            var (email, name, displayName) = ReadNewUser(body, state);
            // Product access puts the user in the product's default group, as a site does.
            bool software = body.GetStrings(state.IsCloud ? "products" : "applicationKeys").Contains("jira-software");
            var user = state.Data.AddUser(index => new User
            {
                Index = index,
                AccountId = $"712020:00000000-0000-4000-8000-{index + 1:x12}",
                DisplayName = displayName,
                EmailAddress = email,
                Active = true,
                Name = name,
                Key = $"JIRAUSER{10000 + index}",
                Groups = software ? ["jira-software-users"] : [],
            });
            return JsonResponse.Status(StatusCodes.Status201Created, w => UserRenderer.Write(w, user, ctx, full: true));
        });

        api.MapDelete("/user", (HttpContext context) =>
        {
            Permissions.RequireAdmin(context, "You do not have the permission to delete users.");
            var user = Find(context, state) ?? throw JiraErrorException.NotFound("The user with the given identifier does not exist.");
            if (user == context.CurrentUser()) throw JiraErrorException.BadRequest("You cannot delete the currently logged in user.");
            state.Data.RemoveUser(user);
            return Results.NoContent();
        });
    }

    /// <summary>
    /// Cloud makes a user from an email address (the display name defaults to its local part; name and password are
    /// not Cloud's to set); Data Center needs name, emailAddress and displayName. Taken addresses and names are 400s.
    /// </summary>
    private static (string Email, string Name, string DisplayName) ReadNewUser(System.Text.Json.Nodes.JsonObject body, EmulatorState state)
    {
        var errors = new Dictionary<string, string>();
        string email = body.GetString("emailAddress")?.Trim() ?? "";
        if (email.Length == 0 || !email.Contains('@')) errors["emailAddress"] = "You must specify a valid email address.";
        else if (state.Data.Users.Any(u => string.Equals(u.EmailAddress, email, StringComparison.OrdinalIgnoreCase)))
            errors["emailAddress"] = "A user with that email address already exists.";
        string localPart = email.Split('@')[0];
        string name = state.IsCloud ? localPart : body.GetString("name")?.Trim() ?? "";
        string displayName = body.GetString("displayName")?.Trim() is { Length: > 0 } given ? given : state.IsCloud ? localPart : "";
        if (!state.IsCloud)
        {
            if (name.Length == 0) errors["username"] = "You must specify a username.";
            else if (state.Data.Users.Any(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase)))
                errors["username"] = "A user with that username already exists.";
            if (displayName.Length == 0) errors["displayName"] = "You must specify a full name.";
        }
        if (errors.Count > 0) throw new JiraErrorException(StatusCodes.Status400BadRequest, [], errors);
        return (email, name, displayName);
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
