using System.Net;
using System.Text.Json;
using JiraEmulator.Auth;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Jql;
using JiraEmulator.Rendering;

namespace JiraEmulator.Endpoints;

/// <summary>
/// GET issue/picker: suggestions for a typed string, in two sections as the spec describes them. "History Search"
/// (hs) holds the caller's issues, those they created or changed (the emulator keeps no views), most recent first;
/// "Current Search" (cs) the issues currentJQL finds, in its order. An issue matches when its key starts with the
/// query or its summary or description has every word of it; currentIssueKey is left out, currentProjectId and
/// showSubTasks=false narrow. Each section shows at most 20. Data Center 8.4.3's suggestions have no numeric id.
/// </summary>
public static class IssuePickerEndpoints
{
    public const int SectionSize = 20;

    public static void Map(RouteGroupBuilder api, int version, EmulatorState state)
    {
        api.MapGet("/issue/picker", (HttpContext context) =>
        {
            var request = context.Request;
            var ctx = ApiContext.From(context, version, state.Options.Deployment);
            var caller = context.CurrentUser();
            string query = request.Query["query"].ToString().Trim();
            var project = request.Query["currentProjectId"].ToString() is { Length: > 0 } p ? Lookup.Project(state, p) : null;
            string exclude = request.Query["currentIssueKey"].ToString();
            bool subtasks = request.GetBool("showSubTasks", true);
            var text = query.Length == 0 ? (_ => true) : TextMatcher.Compile(query);
            bool Matches(Issue issue) =>
                (project is null || issue.Project == project) && (subtasks || !issue.IssueType.Subtask)
                && !string.Equals(issue.Key, exclude, StringComparison.OrdinalIgnoreCase)
                && (issue.Key.StartsWith(query, StringComparison.OrdinalIgnoreCase) || text(issue.Summary) || text(issue.Description));

            var history = state.Data.Issues.Snapshot().Where(Matches).Where(i => Touched(i, caller)).OrderByDescending(i => i.Updated).ToList();
            var current = state.Search.Run(request.Query["currentJQL"].ToString(), caller).Where(Matches).ToList();
            return JsonResponse.Ok(w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("sections");
                WriteSection(w, "History Search", "hs", history, query, ctx);
                WriteSection(w, "Current Search", "cs", current, query, ctx);
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });
    }

    private static bool Touched(Issue issue, User caller)
    {
        if (issue.CreatedBy == caller) return true;
        lock (issue.Gate) return issue.History.Any(h => h.Author == caller);
    }

    private static void WriteSection(Utf8JsonWriter w, string label, string id, List<Issue> issues, string query, ApiContext api)
    {
        var shown = issues.Take(SectionSize).ToList();
        w.WriteStartObject();
        w.WriteString("label", label);
        w.WriteString("sub", $"Showing {shown.Count} of {issues.Count} matching issues");
        w.WriteString("id", id);
        w.WriteStartArray("issues");
        foreach (var issue in shown)
        {
            w.WriteStartObject();
            if (api.IsCloud) w.WriteNumber("id", issue.Id);
            w.WriteString("key", issue.Key);
            w.WriteString("keyHtml", Bold(issue.Key, query, prefixOnly: true));
            w.WriteString("img", $"/rest/api/2/universal_avatar/view/type/issuetype/avatar/{issue.IssueType.AvatarId}?size=medium");
            w.WriteString("summary", Bold(issue.Summary, query, prefixOnly: false));
            w.WriteString("summaryText", issue.Summary);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The text as HTML with the matched query in bold, as the picker highlights it.</summary>
    private static string Bold(string text, string query, bool prefixOnly)
    {
        int at = query.Length == 0 ? -1 : text.IndexOf(query, StringComparison.OrdinalIgnoreCase);
        if (at < 0 || (prefixOnly && at > 0)) return WebUtility.HtmlEncode(text);
        return WebUtility.HtmlEncode(text[..at]) + "<b>" + WebUtility.HtmlEncode(text.Substring(at, query.Length)) + "</b>"
            + WebUtility.HtmlEncode(text[(at + query.Length)..]);
    }
}
