using System.Text.Json;
using JiraEmulator.Data;

namespace JiraEmulator.Rendering;

/// <summary>Writes an IssueBean with only the selected fields, straight to the writer (the search hot path).</summary>
public static class IssueRenderer
{
    public const string Expand = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations";

    public static void Write(Utf8JsonWriter writer, Issue issue, FieldSelection fields, ApiContext api)
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
        writer.WriteEndObject();
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
        if (fields.Includes("creator")) UserRenderer.WriteOrNull(writer, "creator", issue.Reporter, api);
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
        foreach (var empty in (ReadOnlySpan<string>)["components", "fixVersions", "versions", "subtasks", "issuelinks"])
        {
            if (!fields.Includes(empty)) continue;
            writer.WriteStartArray(empty);
            writer.WriteEndArray();
        }
        if (fields.Includes("duedate")) writer.WriteNull("duedate");
        if (fields.Includes("watches"))
        {
            writer.WriteStartObject("watches");
            writer.WriteString("self", $"{api.ApiRoot}/issue/{issue.Key}/watchers");
            writer.WriteNumber("watchCount", 0);
            writer.WriteBoolean("isWatching", false);
            writer.WriteEndObject();
        }
        if (fields.Includes(Catalog.StoryPointsField))
        {
            if (issue.StoryPoints is { } points) writer.WriteNumber(Catalog.StoryPointsField, points);
            else writer.WriteNull(Catalog.StoryPointsField);
        }
    }
}
