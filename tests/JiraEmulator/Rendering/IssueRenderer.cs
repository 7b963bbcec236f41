using System.Text.Json;
using JiraEmulator.Data;
using JiraEmulator.Issues;

namespace JiraEmulator.Rendering;

/// <summary>What GET issue and the searches may add beside fields: expand (names, changelog, transitions) and properties.</summary>
public sealed record IssueExtras(ISet<string> Expand, ISet<string> Properties)
{
    public static IssueExtras From(IEnumerable<string> expand, IEnumerable<string> properties) =>
        new(expand.ToHashSet(StringComparer.OrdinalIgnoreCase), properties.ToHashSet(StringComparer.Ordinal));
}

/// <summary>Writes an IssueBean with only the selected fields, straight to the writer (the search hot path).</summary>
public static class IssueRenderer
{
    public const string Expand = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations";

    public static void Write(Utf8JsonWriter writer, Issue issue, FieldSelection fields, ApiContext api, IssueExtras? extras = null)
    {
        writer.WriteStartObject();
        if (fields.HasAnyField) writer.WriteString("expand", Expand);
        writer.WriteString("id", IdText(issue));
        if (fields.WantsKey)
        {
            writer.WriteString("self", $"{api.ApiRoot}/issue/{issue.Id}");
            writer.WriteString("key", issue.Key);
        }
        if (fields.HasAnyField)
        {
            writer.WriteStartObject("fields");
            WriteFields(writer, issue, fields, api);
            writer.WriteEndObject();
        }
        if (extras is not null) WriteExtras(writer, issue, fields, api, extras);
        writer.WriteEndObject();
    }

    private static void WriteExtras(Utf8JsonWriter writer, Issue issue, FieldSelection fields, ApiContext api, IssueExtras extras)
    {
        if (extras.Properties.Count > 0)
        {
            writer.WriteStartObject("properties");
            if (issue.HasProperties)
            {
                foreach (var (key, value) in issue.Properties)
                {
                    if (!extras.Properties.Contains("*all") && !extras.Properties.Contains(key)) continue;
                    writer.WritePropertyName(key);
                    if (value is null) writer.WriteNullValue();
                    else value.WriteTo(writer);
                }
            }
            writer.WriteEndObject();
        }
        if (extras.Expand.Contains("renderedFields")) WriteRenderedFields(writer, issue, fields, api);
        if (extras.Expand.Contains("names"))
        {
            writer.WriteStartObject("names");
            foreach (var field in FieldSelection.Navigable.Concat(FieldSelection.NonNavigable))
                if (fields.Includes(field) || fields.IncludesNonNavigable(field)) writer.WriteString(field, FieldNames.DisplayName(field));
            writer.WriteEndObject();
        }
        if (extras.Expand.Contains("transitions"))
        {
            writer.WriteStartArray("transitions");
            foreach (var transition in Workflow.TransitionsFrom(issue.Status)) Workflow.WriteTransition(writer, transition, api);
            writer.WriteEndArray();
        }
        if (extras.Expand.Contains("changelog"))
        {
            ChangeHistory[] histories;
            lock (issue.Gate) histories = issue.History.ToArray();
            writer.WriteStartObject("changelog");
            writer.WriteNumber("startAt", 0);
            writer.WriteNumber("maxResults", histories.Length);
            writer.WriteNumber("total", histories.Length);
            writer.WriteStartArray("histories");
            foreach (var history in histories) RecordRenderer.WriteHistory(writer, history, api);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }

    /// <summary>
    /// expand=renderedFields: every selected field, rendered as Jira's view would show it. Text fields become HTML
    /// (HtmlText), dates Jira's display format, comments keep their shape with an HTML body; fields that have no
    /// rendering are null, as on a real site.
    /// </summary>
    private static void WriteRenderedFields(Utf8JsonWriter writer, Issue issue, FieldSelection fields, ApiContext api)
    {
        writer.WriteStartObject("renderedFields");
        foreach (var field in FieldSelection.Navigable)
        {
            if (!fields.Includes(field)) continue;
            switch (field)
            {
                case "description":
                    if (issue.Description is { } description) writer.WriteString(field, HtmlText.Render(description));
                    else writer.WriteNull(field);
                    break;
                case "created": writer.WriteString(field, HtmlText.Date(issue.Created)); break;
                case "updated": writer.WriteString(field, HtmlText.Date(issue.Updated)); break;
                case "resolutiondate":
                    if (issue.ResolutionDate is { } resolved) writer.WriteString(field, HtmlText.Date(resolved));
                    else writer.WriteNull(field);
                    break;
                default: writer.WriteNull(field); break;
            }
        }
        if (fields.IncludesNonNavigable("comment"))
        {
            Comment[] comments;
            lock (issue.Gate) comments = issue.Comments.ToArray();
            writer.WriteStartObject("comment");
            writer.WriteStartArray("comments");
            foreach (var comment in comments)
            {
                writer.WriteStartObject();
                writer.WriteString("self", $"{api.ApiRoot}/issue/{issue.Id}/comment/{comment.Id}");
                writer.WriteString("id", comment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                UserRenderer.WriteOrNull(writer, "author", comment.Author, api);
                writer.WriteString("body", HtmlText.Render(comment.Body));
                UserRenderer.WriteOrNull(writer, "updateAuthor", comment.UpdateAuthor, api);
                writer.WriteString("created", HtmlText.Date(comment.Created));
                writer.WriteString("updated", HtmlText.Date(comment.Updated));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteNumber("maxResults", comments.Length);
            writer.WriteNumber("total", comments.Length);
            writer.WriteNumber("startAt", 0);
            writer.WriteEndObject();
        }
        foreach (var field in FieldSelection.NonNavigable)
            if (field != "comment" && fields.IncludesNonNavigable(field)) writer.WriteNull(field);
        writer.WriteEndObject();
    }

    private static void WriteVersions(Utf8JsonWriter writer, string field, ProjectVersion[] versions, FieldSelection fields, ApiContext api)
    {
        if (!fields.Includes(field)) return;
        writer.WriteStartArray(field);
        foreach (var version in versions) ProjectRenderer.WriteVersion(writer, version, api, full: false);
        writer.WriteEndArray();
    }

    public static string IdText(Issue issue) => issue.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteFields(Utf8JsonWriter writer, Issue issue, FieldSelection fields, ApiContext api)
    {
        if (fields.Includes("summary")) writer.WriteString("summary", issue.Summary);
        if (fields.Includes("description")) Adf.WriteText(writer, "description", issue.Description, api);
        if (fields.Includes("status"))
        {
            writer.WritePropertyName("status");
            CatalogRenderer.WriteStatus(writer, issue.Status, api);
        }
        if (fields.Includes("issuetype"))
        {
            writer.WritePropertyName("issuetype");
            CatalogRenderer.WriteIssueType(writer, issue.IssueType, api);
        }
        if (fields.Includes("priority"))
        {
            writer.WritePropertyName("priority");
            CatalogRenderer.WritePriority(writer, issue.Priority, api);
        }
        if (fields.Includes("project"))
        {
            writer.WritePropertyName("project");
            ProjectRenderer.WriteReference(writer, issue.Project, api);
        }
        if (fields.Includes("assignee")) UserRenderer.WriteOrNull(writer, "assignee", issue.Assignee, api);
        if (fields.Includes("reporter")) UserRenderer.WriteOrNull(writer, "reporter", issue.Reporter, api);
        if (fields.Includes("creator")) UserRenderer.WriteOrNull(writer, "creator", issue.Creator, api);
        if (fields.Includes("labels"))
        {
            writer.WriteStartArray("labels");
            foreach (var label in issue.Labels) writer.WriteStringValue(label);
            writer.WriteEndArray();
        }
        if (fields.Includes("created")) writer.WriteString("created", JiraTime.Format(issue.Created));
        if (fields.Includes("updated")) writer.WriteString("updated", JiraTime.Format(issue.Updated));
        if (fields.Includes("resolution"))
        {
            writer.WritePropertyName("resolution");
            if (issue.Resolution is null) writer.WriteNullValue();
            else CatalogRenderer.WriteResolution(writer, issue.Resolution, api);
        }
        if (fields.Includes("resolutiondate"))
        {
            if (issue.ResolutionDate is { } resolved) writer.WriteString("resolutiondate", JiraTime.Format(resolved));
            else writer.WriteNull("resolutiondate");
        }
        if (api.IsCloud && fields.Includes("statuscategorychangedate")) writer.WriteString("statuscategorychangedate", JiraTime.Format(issue.Updated));
        if (fields.Includes("components"))
        {
            writer.WriteStartArray("components");
            foreach (var component in issue.Components) ProjectRenderer.WriteComponent(writer, component, api, full: false);
            writer.WriteEndArray();
        }
        WriteVersions(writer, "fixVersions", issue.FixVersions, fields, api);
        WriteVersions(writer, "versions", issue.AffectsVersions, fields, api);
        if (fields.Includes("subtasks"))
        {
            // The emulator has no sub-tasks: Subtask issues stand alone.
            writer.WriteStartArray("subtasks");
            writer.WriteEndArray();
        }
        if (fields.Includes("issuelinks"))
        {
            IssueLink[] links;
            lock (issue.Gate) links = issue.Links.ToArray();
            writer.WriteStartArray("issuelinks");
            foreach (var link in links) IssueLinkRenderer.WriteEntry(writer, link, issue, api);
            writer.WriteEndArray();
        }
        if (fields.Includes("duedate"))
        {
            if (issue.DueDate is { } due) writer.WriteString("duedate", due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            else writer.WriteNull("duedate");
        }
        if (fields.Includes("watches"))
        {
            int count;
            lock (issue.Gate) count = issue.Watchers.Count;
            writer.WriteStartObject("watches");
            writer.WriteString("self", $"{api.ApiRoot}/issue/{issue.Key}/watchers");
            writer.WriteNumber("watchCount", count);
            writer.WriteBoolean("isWatching", false);
            writer.WriteEndObject();
        }
        if (fields.IncludesNonNavigable("comment"))
        {
            Comment[] comments;
            lock (issue.Gate) comments = issue.Comments.ToArray();
            writer.WriteStartObject("comment");
            writer.WriteStartArray("comments");
            foreach (var comment in comments) RecordRenderer.WriteComment(writer, comment, api);
            writer.WriteEndArray();
            writer.WriteString("self", $"{api.ApiRoot}/issue/{issue.Id}/comment");
            writer.WriteNumber("maxResults", comments.Length);
            writer.WriteNumber("total", comments.Length);
            writer.WriteNumber("startAt", 0);
            writer.WriteEndObject();
        }
        if (fields.IncludesNonNavigable("worklog"))
        {
            Worklog[] worklogs;
            lock (issue.Gate) worklogs = issue.Worklogs.ToArray();
            writer.WriteStartObject("worklog");
            writer.WriteNumber("startAt", 0);
            writer.WriteNumber("maxResults", Math.Max(20, worklogs.Length));
            writer.WriteNumber("total", worklogs.Length);
            writer.WriteStartArray("worklogs");
            foreach (var worklog in worklogs) RecordRenderer.WriteWorklog(writer, worklog, api);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        if (fields.IncludesNonNavigable("attachment"))
        {
            Attachment[] attachments;
            lock (issue.Gate) attachments = issue.Attachments.ToArray();
            writer.WriteStartArray("attachment");
            foreach (var attachment in attachments) AttachmentRenderer.Write(writer, attachment, api);
            writer.WriteEndArray();
        }
        if (fields.Includes(Catalog.StoryPointsField))
        {
            if (issue.StoryPoints is { } points) writer.WriteNumber(Catalog.StoryPointsField, points);
            else writer.WriteNull(Catalog.StoryPointsField);
        }
        if (fields.Includes(Fields.Sprint))
        {
            Sprint[] sprints;
            lock (issue.Gate) sprints = issue.Sprints;
            AgileRenderer.WriteSprintField(writer, Fields.Sprint, sprints, api);
        }
        WriteTimeTracking(writer, issue, fields);
    }

    /// <summary>
    /// Time tracking, in seconds: timespent (the worklogs' sum), timeoriginalestimate and timeestimate (what remains),
    /// each also as its aggregate (the same here: the emulator has no sub-tasks), progress {progress, total, percent},
    /// workratio (spent against the original estimate, -1 without one), and the timetracking object (*all) with the
    /// durations both as text and as seconds, members only for what is set.
    /// </summary>
    private static void WriteTimeTracking(Utf8JsonWriter writer, Issue issue, FieldSelection fields)
    {
        long? spent = issue.TimeSpent, original, remaining;
        lock (issue.Gate) (original, remaining) = (issue.OriginalEstimate, issue.RemainingEstimate);
        void Seconds(string name, long? value)
        {
            if (!fields.Includes(name)) return;
            if (value is { } v) writer.WriteNumber(name, v);
            else writer.WriteNull(name);
        }
        Seconds("timespent", spent);
        Seconds("aggregatetimespent", spent);
        Seconds("timeoriginalestimate", original);
        Seconds("aggregatetimeoriginalestimate", original);
        Seconds("timeestimate", remaining);
        Seconds("aggregatetimeestimate", remaining);
        long done = spent ?? 0, total = done + (remaining ?? 0);
        foreach (var name in (ReadOnlySpan<string>)["progress", "aggregateprogress"])
        {
            if (!fields.Includes(name)) continue;
            writer.WriteStartObject(name);
            writer.WriteNumber("progress", done);
            writer.WriteNumber("total", total);
            if (total > 0) writer.WriteNumber("percent", done * 100 / total);
            writer.WriteEndObject();
        }
        if (fields.Includes("workratio")) writer.WriteNumber("workratio", original is > 0 ? done * 100 / original.Value : -1);
        if (fields.IncludesNonNavigable("timetracking"))
        {
            writer.WriteStartObject("timetracking");
            if (original is { } o) writer.WriteString("originalEstimate", JiraDuration.Format(o));
            if (remaining is { } r) writer.WriteString("remainingEstimate", JiraDuration.Format(r));
            if (spent is { } t) writer.WriteString("timeSpent", JiraDuration.Format(t));
            if (original is { } os) writer.WriteNumber("originalEstimateSeconds", os);
            if (remaining is { } rs) writer.WriteNumber("remainingEstimateSeconds", rs);
            if (spent is { } ts) writer.WriteNumber("timeSpentSeconds", ts);
            writer.WriteEndObject();
        }
    }
}
