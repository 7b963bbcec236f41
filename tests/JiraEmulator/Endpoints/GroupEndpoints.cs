using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>
/// group/bulk (PageBean, Cloud) and group/member (PageBean, maxResults 1 to 50); and an administrator's group writes:
/// POST group (201 Group), DELETE group (200, members moving to swapGroup when given), POST group/user (201 Group,
/// the user by accountId on Cloud, name on Data Center) and DELETE group/user (200). A group is named by exactly one
/// of groupname and groupId (Cloud; Data Center knows names only).
/// </summary>
public static class GroupEndpoints
{
    public const int MaxGroupsPage = 1000;
    public const int MaxMembersPage = 50;

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        if (state.IsCloud)
        {
            api.MapGet("/group/bulk", (HttpContext context) =>
            {
                var request = context.Request;
                var ctx = ApiContext.From(context, version, state.Options.Deployment);
                var ids = request.GetList("groupId");
                var names = request.GetList("groupName");
                var groups = state.Groups
                    .Where(g => (ids.Count == 0 && names.Count == 0) || ids.Contains(g.GroupId) || names.Contains(g.Name, StringComparer.OrdinalIgnoreCase))
                    .ToList();
                int startAt = Math.Max(0, request.GetInt("startAt", 0));
                int maxResults = Paging.Clamp(request.GetInt("maxResults", 50), MaxGroupsPage);
                return JsonResponse.Ok(w => Paging.WritePageBean(w, request, ctx, groups, startAt, maxResults, (writer, g) =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("groupId", g.GroupId);
                    writer.WriteString("name", g.Name);
                    writer.WriteEndObject();
                }));
            });
        }

        api.MapGet("/group/member", (HttpContext context) =>
        {
            var request = context.Request;
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var group = FindGroup(request, state, "groupname", "groupId");
            bool inactive = request.GetBool("includeInactiveUsers", false);
            var members = state.Data.Users.Where(u => u.Groups.Contains(group.Name) && (inactive || u.Active)).ToList();
            int startAt = Math.Max(0, request.GetInt("startAt", 0));
            int maxResults = Paging.Clamp(request.GetInt("maxResults", 50), MaxMembersPage, min: 1);
            return JsonResponse.Ok(w => Paging.WritePageBean(w, request, ctx, members, startAt, maxResults, (writer, u) => UserRenderer.Write(writer, u, ctx)));
        });
    
        api.MapPost("/group", async (HttpContext context) =>
        {
            Permissions.RequireAdmin(context, "You do not have the permission to create groups.");
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            string name = (await context.Request.ReadJsonObjectAsync()).GetString("name")?.Trim() ?? "";
            if (name.Length == 0) throw JiraErrorException.Field("name", "You must specify a group name.");
            var group = state.Data.AddGroup(name) ?? throw JiraErrorException.BadRequest("A group with this name already exists.");
            return JsonResponse.Status(StatusCodes.Status201Created, w => WriteGroup(w, group, state, ctx));
        });

        api.MapDelete("/group", (HttpContext context) =>
        {
            Permissions.RequireAdmin(context, "You do not have the permission to delete groups.");
            var group = FindGroup(context.Request, state, "groupname", "groupId");
            var request = context.Request;
            // swapGroup (or swapGroupId): who was in the deleted group is put in this one.
            var swap = string.IsNullOrEmpty(request.Query["swapGroup"]) && string.IsNullOrEmpty(request.Query["swapGroupId"])
                ? null : FindGroup(request, state, "swapGroup", "swapGroupId");
            if (swap == group) throw JiraErrorException.BadRequest("You cannot swap a group for itself.");
            var members = state.Data.Users.Where(u => u.Groups.Contains(group.Name)).ToList();
            state.Data.RemoveGroup(group);
            if (swap is not null) foreach (var user in members) state.Data.SetMember(user, swap, member: true);
            return Results.Ok();
        });

        api.MapPost("/group/user", async (HttpContext context) =>
        {
            Permissions.RequireAdmin(context, "You do not have the permission to change group memberships.");
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var group = FindGroup(context.Request, state, "groupname", "groupId");
            var body = await context.Request.ReadJsonObjectAsync();
            var user = Member(state, body.GetString(state.IsCloud ? "accountId" : "name"));
            if (!state.Data.SetMember(user, group, member: true))
                throw JiraErrorException.BadRequest($"Cannot add user. User is already a member of '{group.Name}'.");
            return JsonResponse.Status(StatusCodes.Status201Created, w => WriteGroup(w, group, state, ctx));
        });

        api.MapDelete("/group/user", (HttpContext context) =>
        {
            Permissions.RequireAdmin(context, "You do not have the permission to change group memberships.");
            var group = FindGroup(context.Request, state, "groupname", "groupId");
            var user = Member(state, context.Request.Query[state.IsCloud ? "accountId" : "username"]);
            if (!state.Data.SetMember(user, group, member: false))
                throw JiraErrorException.BadRequest($"Cannot remove user. User is not a member of '{group.Name}'.");
            return Results.Ok();
        });
    }

    /// <summary>The group a request names by exactly one of a name and (Cloud) an id; 404 when there is none.</summary>
    private static Group FindGroup(HttpRequest request, EmulatorState state, string nameParameter, string idParameter)
    {
        string? name = request.Query[nameParameter], id = state.IsCloud ? request.Query[idParameter].ToString() : null;
        if (!string.IsNullOrEmpty(name) && !string.IsNullOrEmpty(id))
            throw JiraErrorException.BadRequest($"Only one of '{nameParameter}' and '{idParameter}' can be provided.");
        if (string.IsNullOrEmpty(name) && string.IsNullOrEmpty(id))
            throw JiraErrorException.BadRequest(state.IsCloud ? $"Either a '{nameParameter}' or a '{idParameter}' must be provided." : $"The '{nameParameter}' must be provided.");
        return state.Groups.FirstOrDefault(g => g.GroupId == id || string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw JiraErrorException.NotFound($"Group not found: {name ?? id}");
    }

    private static User Member(EmulatorState state, string? id) =>
        string.IsNullOrEmpty(id)
            ? throw JiraErrorException.BadRequest(state.IsCloud ? "The accountId of the user is required." : "The name of the user is required.")
            : Lookup.UserNamed(state, id) ?? throw JiraErrorException.NotFound($"The user '{id}' does not exist.");

    /// <summary>Group: name, groupId (Cloud), self, and its active and inactive members as a paged list (the first 50).</summary>
    private static void WriteGroup(System.Text.Json.Utf8JsonWriter w, Group group, EmulatorState state, ApiContext ctx)
    {
        var members = state.Data.Users.Where(u => u.Groups.Contains(group.Name)).ToList();
        w.WriteStartObject();
        w.WriteString("name", group.Name);
        if (ctx.IsCloud) w.WriteString("groupId", group.GroupId);
        w.WriteString("self", $"{ctx.ApiRoot}/group?groupname={Uri.EscapeDataString(group.Name)}");
        w.WriteStartObject("users");
        w.WriteNumber("size", members.Count);
        w.WriteStartArray("items");
        foreach (var user in members.Take(MaxMembersPage)) UserRenderer.Write(w, user, ctx);
        w.WriteEndArray();
        w.WriteNumber("max-results", MaxMembersPage);
        w.WriteNumber("start-index", 0);
        w.WriteNumber("end-index", Math.Max(0, Math.Min(members.Count, MaxMembersPage) - 1));
        w.WriteEndObject();
        w.WriteString("expand", "users");
        w.WriteEndObject();
    }
}
