using System.Text.Json;
using JiraEmulator.Data;

namespace JiraEmulator.Rendering;

/// <summary>
/// Filters as Jira gives them: the Filter of the filter resources (Cloud: favouritedCount and editPermissions; Data
/// Center 8.4.3: editable, and view/edit on each share), the FilterDetails of filter/search (id, name and self, the
/// rest only when expanded), and share permissions.
/// </summary>
public static class FilterRenderer
{
    public static void Write(Utf8JsonWriter w, Filter filter, User caller, ApiContext api) =>
        WriteMembers(w, filter, caller, api, expand: null);

    /// <summary>FilterDetails: expand names the members beyond id, name and self.</summary>
    public static void WriteDetails(Utf8JsonWriter w, Filter filter, User caller, ApiContext api, ISet<string> expand) =>
        WriteMembers(w, filter, caller, api, expand);

    private static void WriteMembers(Utf8JsonWriter w, Filter filter, User caller, ApiContext api, ISet<string>? expand)
    {
        bool Has(string member) => expand is null || expand.Contains(member);
        SharePermission[] shares, edits;
        int favourites;
        bool favourite;
        lock (filter.Gate)
        {
            shares = filter.SharePermissions.ToArray();
            edits = filter.EditPermissions.ToArray();
            favourites = filter.Favourites.Count;
            favourite = filter.Favourites.Contains(caller);
        }
        w.WriteStartObject();
        if (expand is not null) w.WriteString("expand", "description,owner,jql,searchUrl,viewUrl,favourite,favouritedCount,sharePermissions,editPermissions,subscriptions");
        w.WriteString("self", $"{api.ApiRoot}/filter/{filter.Id}");
        w.WriteString("id", filter.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("name", filter.Name);
        if (Has("description") && filter.Description is not null) w.WriteString("description", filter.Description);
        if (Has("owner")) UserRenderer.WriteOrNull(w, "owner", filter.Owner, api);
        if (Has("jql")) w.WriteString("jql", filter.Jql);
        if (Has("viewUrl")) w.WriteString("viewUrl", $"{api.SiteUrl}/issues/?filter={filter.Id}");
        if (Has("searchUrl")) w.WriteString("searchUrl", $"{api.ApiRoot}/search?jql={Uri.EscapeDataString(filter.Jql)}");
        if (Has("favourite")) w.WriteBoolean("favourite", favourite);
        if (api.IsCloud && Has("favouritedCount")) w.WriteNumber("favouritedCount", favourites);
        if (Has("sharePermissions")) WritePermissions(w, "sharePermissions", shares, edits, api);
        if (api.IsCloud && Has("editPermissions")) WritePermissions(w, "editPermissions", edits, edits, api);
        if (expand is null)
        {
            // The emulator keeps no subscriptions and does not list shared users: both empty lists, as on a new site.
            WriteEmptyList(w, "sharedUsers");
            WriteEmptyList(w, "subscriptions");
            if (!api.IsCloud) w.WriteBoolean("editable", filter.IsEditableBy(caller));
        }
        else if (Has("subscriptions"))
        {
            w.WriteStartArray("subscriptions");
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteEmptyList(Utf8JsonWriter w, string name)
    {
        w.WriteStartObject(name);
        w.WriteNumber("size", 0);
        w.WriteStartArray("items");
        w.WriteEndArray();
        w.WriteNumber("max-results", 1000);
        w.WriteNumber("start-index", 0);
        w.WriteNumber("end-index", 0);
        w.WriteEndObject();
    }

    private static void WritePermissions(Utf8JsonWriter w, string name, IEnumerable<SharePermission> permissions, SharePermission[] edits, ApiContext api)
    {
        w.WriteStartArray(name);
        foreach (var permission in permissions) WritePermission(w, permission, edits.Contains(permission), api);
        w.WriteEndArray();
    }

    /// <summary>SharePermission: its type (Data Center says loggedin for authenticated) and the group, project, role or
    /// user; Data Center adds view (always) and edit (whether the share also lets its members change the filter).</summary>
    public static void WritePermission(Utf8JsonWriter w, SharePermission permission, bool edit, ApiContext api)
    {
        w.WriteStartObject();
        w.WriteNumber("id", permission.Id);
        w.WriteString("type", permission.Type == "authenticated" && !api.IsCloud ? "loggedin" : permission.Type);
        if (permission.Project is { } project)
        {
            w.WritePropertyName("project");
            ProjectRenderer.WriteReference(w, project, api);
        }
        if (permission.Role is { } role)
        {
            w.WriteStartObject("role");
            w.WriteString("self", $"{api.ApiRoot}/project/{permission.Project!.Id}/role/{role.Id}");
            w.WriteString("name", role.Name);
            w.WriteNumber("id", role.Id);
            w.WriteEndObject();
        }
        if (permission.Group is { } group)
        {
            w.WriteStartObject("group");
            w.WriteString("name", group.Name);
            if (api.IsCloud) w.WriteString("groupId", group.GroupId);
            w.WriteString("self", $"{api.ApiRoot}/group?groupname={Uri.EscapeDataString(group.Name)}");
            w.WriteEndObject();
        }
        if (permission.User is { } user)
        {
            w.WritePropertyName("user");
            UserRenderer.WriteBean(w, user, api);
        }
        if (!api.IsCloud)
        {
            w.WriteBoolean("view", true);
            w.WriteBoolean("edit", edit);
        }
        w.WriteEndObject();
    }
}
