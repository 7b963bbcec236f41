using JiraEmulator.Http;

namespace JiraEmulator.Endpoints;

/// <summary>GET groups/picker: Data Center's way to list groups (it has no group/bulk).
/// {header, total, groups:[{name, html, labels}]}, names containing "query", at most maxResults (default 20).</summary>
public static class GroupPickerEndpoints
{
    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        api.MapGet("/groups/picker", (HttpContext context) =>
        {
            string query = context.Request.Query["query"].ToString();
            int maxResults = Math.Max(0, context.Request.GetInt("maxResults", 20));
            var matching = state.Groups.Where(g => g.Name.Contains(query, StringComparison.OrdinalIgnoreCase)).ToList();
            var shown = matching.Take(maxResults).ToList();
            return JsonResponse.Ok(w =>
            {
                w.WriteStartObject();
                w.WriteString("header", $"Showing {shown.Count} of {matching.Count} matching groups");
                w.WriteNumber("total", matching.Count);
                w.WriteStartArray("groups");
                foreach (var group in shown)
                {
                    w.WriteStartObject();
                    w.WriteString("name", group.Name);
                    w.WriteString("html", group.Name);
                    w.WriteStartArray("labels");
                    w.WriteEndArray();
                    if (state.IsCloud) w.WriteString("groupId", group.GroupId);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });
    }
}
