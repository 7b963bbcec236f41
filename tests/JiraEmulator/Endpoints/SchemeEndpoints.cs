using System.Text.Json;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>
/// One notification scheme and one permission scheme, shared by every project (Jira's defaults).
/// notificationscheme is a PageBean whose startAt/maxResults the spec types as strings; permissionscheme is unpaged.
/// </summary>
public static class SchemeEndpoints
{
    private static readonly (int Id, string Name, string[] Recipients)[] NotificationEvents =
    [
        (1, "Issue Created", ["CurrentAssignee", "Reporter", "AllWatchers"]),
        (2, "Issue Updated", ["CurrentAssignee", "Reporter", "AllWatchers"]),
        (6, "Issue Commented", ["CurrentAssignee", "Reporter", "AllWatchers"]),
        (8, "Issue Deleted", ["CurrentAssignee", "Reporter", "AllWatchers"]),
    ];

    private static readonly (long Id, string Permission, string HolderType, string? Parameter)[] Grants =
    [
        (10000, "BROWSE_PROJECTS", "applicationRole", null),
        (10001, "CREATE_ISSUES", "applicationRole", null),
        (10002, "EDIT_ISSUES", "applicationRole", null),
        (10003, "ASSIGNABLE_USER", "applicationRole", null),
        (10004, "ADD_COMMENTS", "applicationRole", null),
        (10005, "WORK_ON_ISSUES", "applicationRole", null),
        (10006, "DELETE_ISSUES", "projectRole", "10002"),
        (10007, "ADMINISTER_PROJECTS", "projectRole", "10002"),
    ];

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        api.MapGet("/notificationscheme", (HttpContext context) =>
        {
            var request = context.Request;
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            int startAt = Math.Max(0, request.GetInt("startAt", 0));
            int maxResults = Paging.Clamp(request.GetInt("maxResults", 50), 50);
            var ids = request.GetList("id");
            var schemes = ids.Count == 0 || ids.Contains("10000") ? new[] { 10000 } : [];
            bool all = request.GetList("expand").Any(e => e is "all" or "notificationSchemeEvents");
            return JsonResponse.Ok(w => Paging.WritePageBean(w, request, ctx, schemes, startAt, maxResults,
                (writer, _) => WriteNotificationScheme(writer, ctx, state, all)));
        });

        api.MapGet("/notificationscheme/{id}", (HttpContext context, string id) =>
        {
            if (id != "10000") throw JiraErrorException.NotFound($"No notification scheme found for id {id}.");
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            return JsonResponse.Ok(w => WriteNotificationScheme(w, ctx, state, events: true));
        });

        api.MapGet("/project/{projectKeyOrId}/notificationscheme", (HttpContext context, string projectKeyOrId) =>
        {
            Lookup.Project(state, projectKeyOrId);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            return JsonResponse.Ok(w => WriteNotificationScheme(w, ctx, state, events: true));
        });

        api.MapGet("/permissionscheme", (HttpContext context) =>
        {
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            bool permissions = context.Request.GetList("expand").Any(e => e is "all" or "permissions");
            return JsonResponse.Ok(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("permissionSchemes");
                WritePermissionScheme(w, ctx, permissions);
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });

        api.MapGet("/permissionscheme/{schemeId}", (HttpContext context, string schemeId) =>
        {
            if (schemeId != "0") throw JiraErrorException.NotFound($"No permission scheme found for id {schemeId}.");
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            return JsonResponse.Ok(w => WritePermissionScheme(w, ctx, permissions: true));
        });

        api.MapGet("/project/{projectKeyOrId}/permissionscheme", (HttpContext context, string projectKeyOrId) =>
        {
            Lookup.Project(state, projectKeyOrId);
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            return JsonResponse.Ok(w => WritePermissionScheme(w, ctx, permissions: false));
        });
    }

    private static void WriteNotificationScheme(Utf8JsonWriter w, ApiContext ctx, EmulatorState state, bool events)
    {
        w.WriteStartObject();
        w.WriteString("expand", "notificationSchemeEvents,user,group,projectRole,field,all");
        w.WriteNumber("id", 10000);
        w.WriteString("self", $"{ctx.ApiRoot}/notificationscheme/10000");
        w.WriteString("name", "Default Notification Scheme");
        w.WriteString("description", "The scheme every project uses.");
        if (events)
        {
            w.WriteStartArray("notificationSchemeEvents");
            long notificationId = 10100;
            foreach (var (id, name, recipients) in NotificationEvents)
            {
                w.WriteStartObject();
                w.WriteStartObject("event");
                w.WriteNumber("id", id);
                w.WriteString("name", name);
                w.WriteString("description", $"Sent when: {name.ToLowerInvariant()}.");
                w.WriteEndObject();
                w.WriteStartArray("notifications");
                foreach (var recipient in recipients)
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", notificationId++);
                    w.WriteString("notificationType", recipient);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteStartArray("projects");
        foreach (var project in state.Data.Projects) w.WriteNumberValue(long.Parse(project.Id, System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WritePermissionScheme(Utf8JsonWriter w, ApiContext ctx, bool permissions)
    {
        w.WriteStartObject();
        w.WriteString("expand", "permissions,user,group,projectRole,field,all");
        w.WriteNumber("id", 0);
        w.WriteString("self", $"{ctx.ApiRoot}/permissionscheme/0");
        w.WriteString("name", "Default Permission Scheme");
        w.WriteString("description", "The scheme every project uses.");
        if (permissions)
        {
            w.WriteStartArray("permissions");
            foreach (var (id, permission, holderType, parameter) in Grants)
            {
                w.WriteStartObject();
                w.WriteNumber("id", id);
                w.WriteString("self", $"{ctx.ApiRoot}/permissionscheme/0/permission/{id}");
                w.WriteStartObject("holder");
                w.WriteString("type", holderType);
                if (parameter is not null)
                {
                    w.WriteString("parameter", parameter);
                    w.WriteString("value", parameter);
                }
                w.WriteString("expand", holderType);
                w.WriteEndObject();
                w.WriteString("permission", permission);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
