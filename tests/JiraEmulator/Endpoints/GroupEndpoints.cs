using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>group/bulk (PageBean, Cloud) and group/member (PageBean, maxResults 1 to 50).</summary>
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
            string? name = request.Query["groupname"], id = request.Query["groupId"];
            if (!string.IsNullOrEmpty(name) && !string.IsNullOrEmpty(id))
                throw JiraErrorException.BadRequest("Only one of 'groupname' and 'groupId' can be provided.");
            if (string.IsNullOrEmpty(name) && string.IsNullOrEmpty(id))
                throw JiraErrorException.BadRequest("Either a 'groupname' or a 'groupId' must be provided.");
            var group = state.Groups.FirstOrDefault(g => g.GroupId == id || string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw JiraErrorException.NotFound($"Group not found: {name ?? id}");
            bool inactive = request.GetBool("includeInactiveUsers", false);
            var members = state.Data.Users.Where(u => u.Groups.Contains(group.Name) && (inactive || u.Active)).ToList();
            int startAt = Math.Max(0, request.GetInt("startAt", 0));
            int maxResults = Paging.Clamp(request.GetInt("maxResults", 50), MaxMembersPage, min: 1);
            return JsonResponse.Ok(w => Paging.WritePageBean(w, request, ctx, members, startAt, maxResults, (writer, u) => UserRenderer.Write(writer, u, ctx)));
        });
    }
}
