using System.Text.Json.Nodes;
using JiraEmulator.Auth;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>
/// Filters: POST filter (200, as the spec says), GET/PUT/DELETE filter/{id}, filter/favourite, and on Cloud
/// filter/search (PageBean of FilterDetails, default 50, at most 100) and filter/my; share permissions under
/// filter/{id}/permission (GET the list, POST one: 201 with the whole list, a global or authenticated share replacing
/// the others as the spec says; GET and DELETE one by id). A filter someone may not see answers as one that does not
/// exist: 400 (the only error the spec gives filter/{id}); its permissions 404. Only the owner may change shares.
/// </summary>
public static class FilterEndpoints
{
    public const int DefaultPage = 50, MaxPage = 100;
    public const string NotAvailable = "The selected filter is not available to you, perhaps it has been deleted or had its permissions changed.";

    private static readonly string[] ShareTypes = ["user", "group", "project", "projectRole", "global", "authenticated"];

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        api.MapPost("/filter", async (HttpContext context) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var caller = context.CurrentUser();
            var body = await context.Request.ReadJsonObjectAsync();
            var filter = new Filter { Id = state.Data.Filters.NewId(), Owner = caller, Name = "" };
            Update(filter, body, state, caller, creating: true);
            state.Data.Filters.Add(filter);
            return JsonResponse.Ok(w => FilterRenderer.Write(w, filter, caller, ctx));
        });

        api.MapGet("/filter/{id:long}", (HttpContext context, string id) =>
        {
            var caller = context.CurrentUser();
            var filter = Visible(state, id, caller);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            return JsonResponse.Ok(w => FilterRenderer.Write(w, filter, caller, ctx));
        });

        api.MapPut("/filter/{id:long}", async (HttpContext context, string id) =>
        {
            var caller = context.CurrentUser();
            var filter = Visible(state, id, caller);
            if (!filter.IsEditableBy(caller)) throw JiraErrorException.BadRequest("You do not have permission to edit this filter.");
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            Update(filter, await context.Request.ReadJsonObjectAsync(), state, caller, creating: false);
            return JsonResponse.Ok(w => FilterRenderer.Write(w, filter, caller, ctx));
        });

        api.MapDelete("/filter/{id:long}", (HttpContext context, string id) =>
        {
            var caller = context.CurrentUser();
            var filter = Visible(state, id, caller);
            if (filter.Owner != caller && !caller.IsAdmin) throw JiraErrorException.BadRequest("Only the owner of a filter can delete it.");
            state.Data.Filters.Remove(filter);
            return Results.NoContent();
        });

        api.MapGet("/filter/favourite", (HttpContext context) => List(context, version, state, f => f.Favourites.Contains(context.CurrentUser())));

        if (state.IsCloud)
        {
            api.MapGet("/filter/my", (HttpContext context) =>
            {
                var caller = context.CurrentUser();
                bool favourites = context.Request.GetBool("includeFavourites", false);
                return List(context, version, state, f => f.Owner == caller || (favourites && f.Favourites.Contains(caller)));
            });

            api.MapGet("/filter/search", (HttpContext context) => Search(context, version, state));
        }

        api.MapGet("/filter/{id:long}/permission", (HttpContext context, string id) =>
        {
            var filter = Shared(state, id, context.CurrentUser());
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            SharePermission[] permissions;
            lock (filter.Gate) permissions = filter.SharePermissions.ToArray();
            return JsonResponse.Ok(w => WritePermissions(w, filter, permissions, ctx));
        });

        api.MapPost("/filter/{id:long}/permission", async (HttpContext context, string id) =>
        {
            var caller = context.CurrentUser();
            var filter = Shared(state, id, caller);
            if (filter.Owner != caller) throw JiraErrorException.NotFound("Only the owner of a filter can share it.");
            var body = await context.Request.ReadJsonObjectAsync();
            var permission = ReadPermission(body, state);
            SharePermission[] permissions;
            lock (filter.Gate)
            {
                // A share with everyone makes the narrower ones pointless: Jira replaces them.
                if (permission.Type is "global" or "authenticated") filter.SharePermissions.Clear();
                filter.SharePermissions.Add(permission);
                // Data Center's input carries view and edit; edit also lets the share's members change the filter.
                if (!state.IsCloud && body["edit"] is JsonValue edit && edit.TryGetValue(out bool canEdit) && canEdit) filter.EditPermissions.Add(permission);
                permissions = filter.SharePermissions.ToArray();
            }
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            return JsonResponse.Status(StatusCodes.Status201Created, w => WritePermissions(w, filter, permissions, ctx));
        });

        api.MapGet("/filter/{id:long}/permission/{permissionId}", (HttpContext context, string id, string permissionId) =>
        {
            var filter = Shared(state, id, context.CurrentUser());
            var permission = FindPermission(filter, permissionId);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            return JsonResponse.Ok(w => FilterRenderer.WritePermission(w, permission, CanEdit(filter, permission), ctx));
        });

        api.MapDelete("/filter/{id:long}/permission/{permissionId}", (HttpContext context, string id, string permissionId) =>
        {
            var caller = context.CurrentUser();
            var filter = Shared(state, id, caller);
            var permission = FindPermission(filter, permissionId);
            if (filter.Owner != caller) throw JiraErrorException.NotFound("Only the owner of a filter can change its shares.");
            lock (filter.Gate)
            {
                filter.SharePermissions.Remove(permission);
                filter.EditPermissions.Remove(permission);
            }
            return Results.NoContent();
        });
    }

    private static bool CanEdit(Filter filter, SharePermission permission)
    {
        lock (filter.Gate) return filter.EditPermissions.Contains(permission);
    }

    private static void WritePermissions(System.Text.Json.Utf8JsonWriter w, Filter filter, SharePermission[] permissions, ApiContext ctx)
    {
        w.WriteStartArray();
        foreach (var p in permissions) FilterRenderer.WritePermission(w, p, CanEdit(filter, p), ctx);
        w.WriteEndArray();
    }

    private static Filter Visible(EmulatorState state, string id, User caller) =>
        state.Data.Filters.Find(id) is { } filter && filter.IsVisibleTo(caller) ? filter : throw JiraErrorException.BadRequest(NotAvailable);

    /// <summary>The permission resources answer 404 for a filter that is not there (or not for the caller).</summary>
    private static Filter Shared(EmulatorState state, string id, User caller) =>
        state.Data.Filters.Find(id) is { } filter && filter.IsVisibleTo(caller) ? filter : throw JiraErrorException.NotFound(NotAvailable);

    private static SharePermission FindPermission(Filter filter, string permissionId)
    {
        lock (filter.Gate)
            return filter.SharePermissions.FirstOrDefault(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == permissionId)
                ?? throw JiraErrorException.NotFound($"Share permission with id {permissionId} does not exist for the filter.");
    }

    private static IResult List(HttpContext context, int version, EmulatorState state, Func<Filter, bool> wanted)
    {
        var caller = context.CurrentUser();
        var ctx = ApiContext.From(context, version, state.Options.Deployment);
        var filters = state.Data.Filters.All().Where(f => f.IsVisibleTo(caller) && Locked(f, wanted)).ToList();
        return JsonResponse.Array(filters, (w, f) => FilterRenderer.Write(w, f, caller, ctx));
    }

    /// <summary>Reads favourites or shares under the filter's lock.</summary>
    private static T Locked<T>(Filter filter, Func<Filter, T> read)
    {
        lock (filter.Gate) return read(filter);
    }

    /// <summary>filter/search: the visible filters that match every criterion given (filterName: words of the name
    /// starting with it, or anywhere with isSubstringMatch; accountId: the owner; groupname, groupId, projectId: a share).</summary>
    private static IResult Search(HttpContext context, int version, EmulatorState state)
    {
        var request = context.Request;
        var caller = context.CurrentUser();
        var ctx = ApiContext.From(context, version, state.Options.Deployment);
        string name = request.Query["filterName"].ToString();
        bool substring = request.GetBool("isSubstringMatch", false);
        string owner = request.Query["accountId"].ToString();
        string groupName = request.Query["groupname"].ToString(), groupId = request.Query["groupId"].ToString();
        string projectId = request.Query["projectId"].ToString();
        var ids = request.GetList("id");
        bool SharedWith(Filter f, Func<SharePermission, bool> test) => Locked(f, x => x.SharePermissions.Any(test));
        var filters = state.Data.Filters.All().Where(f => f.IsVisibleTo(caller))
            .Where(f => name.Length == 0 || (substring
                ? f.Name.Contains(name, StringComparison.OrdinalIgnoreCase)
                : f.Name.Split(' ').Any(word => word.StartsWith(name, StringComparison.OrdinalIgnoreCase)) || f.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase)))
            .Where(f => owner.Length == 0 || f.Owner.AccountId == owner)
            .Where(f => groupName.Length == 0 || SharedWith(f, p => string.Equals(p.Group?.Name, groupName, StringComparison.OrdinalIgnoreCase)))
            .Where(f => groupId.Length == 0 || SharedWith(f, p => p.Group?.GroupId == groupId))
            .Where(f => projectId.Length == 0 || SharedWith(f, p => p.Project?.Id == projectId))
            .Where(f => ids.Count == 0 || ids.Contains(f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        string orderBy = request.Query["orderBy"].ToString() is { Length: > 0 } o ? o : "name";
        Func<Filter, IComparable?> key = orderBy.TrimStart('+', '-') switch
        {
            "id" => f => f.Id,
            "description" => f => f.Description,
            "owner" => f => f.Owner.DisplayName,
            "favourite_count" => f => Locked(f, x => x.Favourites.Count),
            "is_favourite" => f => Locked(f, x => x.Favourites.Contains(caller)),
            "is_shared" => f => Locked(f, x => x.SharePermissions.Count > 0),
            "name" => f => f.Name,
            _ => throw JiraErrorException.BadRequest($"The orderBy value '{orderBy}' is not valid."),
        };
        var ordered = (orderBy.StartsWith('-') ? filters.OrderByDescending(key) : filters.OrderBy(key)).ThenBy(f => f.Id).ToList();
        var expand = request.GetList("expand").ToHashSet(StringComparer.Ordinal);
        int startAt = Math.Max(0, request.GetInt("startAt", 0));
        int maxResults = Paging.Clamp(request.GetInt("maxResults", DefaultPage), MaxPage);
        return JsonResponse.Ok(w => Paging.WritePageBean(w, request, ctx, ordered, startAt, maxResults,
            (writer, f) => FilterRenderer.WriteDetails(writer, f, caller, ctx, expand)));
    }

    /// <summary>Name (required, unique among the owner's filters), description, jql (checked as a search would run it),
    /// favourite, and on create the share permissions given in the body.</summary>
    private static void Update(Filter filter, JsonObject body, EmulatorState state, User caller, bool creating)
    {
        var errors = new Dictionary<string, string>();
        string? name = ItemNames.Check(body.GetString("name"), creating,
            state.Data.Filters.All().Where(f => f.Owner == filter.Owner && f != filter).Select(f => f.Name), errors,
            "You must specify a name for the filter.", "Filter with same name already exists.");
        if (errors.Remove("name", out var nameError)) errors["filterName"] = nameError;
        string? jql = body.GetString("jql");
        if (jql is not null)
        {
            try
            {
                state.Search.Compile(jql, caller);
            }
            catch (JiraErrorException error)
            {
                errors["jql"] = string.Join(" ", error.Messages);
            }
        }
        var shares = body["sharePermissions"] is JsonArray given ? given.OfType<JsonObject>().Select(p => ReadPermission(p, state)).ToList() : null;
        var edits = body["editPermissions"] is JsonArray editable ? editable.OfType<JsonObject>().Select(p => ReadPermission(p, state)).ToList() : null;
        if (errors.Count > 0) throw new JiraErrorException(StatusCodes.Status400BadRequest, [], errors);

        if (name is not null) filter.Name = name;
        if (body.ContainsKey("description")) filter.Description = body.GetString("description");
        if (jql is not null) filter.Jql = jql;
        lock (filter.Gate)
        {
            if (body["favourite"] is JsonValue favourite && favourite.TryGetValue(out bool isFavourite))
            {
                if (isFavourite) filter.Favourites.Add(caller);
                else filter.Favourites.Remove(caller);
            }
            if (shares is not null) Replace(filter.SharePermissions, shares);
            if (edits is not null) Replace(filter.EditPermissions, edits);
        }
    }

    private static void Replace(List<SharePermission> target, List<SharePermission> values)
    {
        target.Clear();
        target.AddRange(values);
    }

    /// <summary>
    /// A share: SharePermissionInputBean on the permission resource ({type, groupname|groupId, projectId, projectRoleId,
    /// accountId}), or the SharePermission objects a filter body holds ({type, group, project, role, user}). Data
    /// Center's "loggedin" is its name for authenticated.
    /// </summary>
    private static SharePermission ReadPermission(JsonObject body, EmulatorState state)
    {
        string type = body.GetString("type") switch { "loggedin" => "authenticated", var t => t ?? "" };
        if (!ShareTypes.Contains(type))
            throw JiraErrorException.Field("type", $"The share type '{type}' is not valid: use {string.Join(", ", ShareTypes)}.");
        long id = state.Data.NewSharePermissionId();
        string? Member(string flat, string nested, string inner) => body.GetString(flat) ?? (body[nested] as JsonObject)?[inner]?.ToString();
        Project ProjectOf() => Member("projectId", "project", "id") is { } projectId
            ? state.Data.FindProject(projectId) ?? throw JiraErrorException.Field("projectId", $"The project with id '{projectId}' does not exist.")
            : throw JiraErrorException.Field("projectId", "A project share needs the projectId.");
        switch (type)
        {
            case "group":
                string? groupId = Member("groupId", "group", "groupId"), groupName = Member("groupname", "group", "name");
                var group = state.Groups.FirstOrDefault(g => g.GroupId == groupId || string.Equals(g.Name, groupName, StringComparison.OrdinalIgnoreCase))
                    ?? throw JiraErrorException.Field("groupname", $"Group '{groupName ?? groupId}' does not exist.");
                return new SharePermission(id, type, Group: group);
            case "project":
                return new SharePermission(id, type, Project: ProjectOf());
            case "projectRole":
                var project = ProjectOf();
                string? roleId = Member("projectRoleId", "role", "id");
                var role = Catalog.ProjectRoles.FirstOrDefault(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == roleId)
                    ?? throw JiraErrorException.Field("projectRoleId", $"The project role with id '{roleId}' does not exist.");
                return new SharePermission(id, type, Project: project, Role: role);
            case "user":
                // Cloud names the user by accountId, Data Center by userKey.
                string? who = state.IsCloud ? Member("accountId", "user", "accountId") : Member("userKey", "user", "key");
                var user = state.Data.Users.FirstOrDefault(u => state.IsCloud ? u.AccountId == who : u.Key == who)
                    ?? throw JiraErrorException.Field(state.IsCloud ? "accountId" : "userKey", $"The user '{who}' does not exist.");
                return new SharePermission(id, type, User: user);
            default:
                return new SharePermission(id, type);
        }
    }
}
