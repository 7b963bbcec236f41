using System.Text.Json;
using JiraEmulator.Data;

namespace JiraEmulator.Rendering;

/// <summary>Comments, worklogs and changelog entries as Jira returns them.</summary>
public static class RecordRenderer
{
    /// <param name="expand">"renderedBody" adds the body as HTML; "properties" lists the entity properties (only
    /// comment/list takes it: the issue's comment list and the single comment never show properties).</param>
    public static void WriteComment(Utf8JsonWriter writer, Comment comment, ApiContext api, ISet<string>? expand = null)
    {
        writer.WriteStartObject();
        writer.WriteString("self", $"{api.ApiRoot}/issue/{comment.Issue.Id}/comment/{comment.Id}");
        writer.WriteString("id", comment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        UserRenderer.WriteOrNull(writer, "author", comment.Author, api);
        Adf.WriteText(writer, "body", comment.Body, api);
        UserRenderer.WriteOrNull(writer, "updateAuthor", comment.UpdateAuthor, api);
        writer.WriteString("created", JiraTime.Format(comment.Created));
        writer.WriteString("updated", JiraTime.Format(comment.Updated));
        if (api.IsCloud) writer.WriteBoolean("jsdPublic", true);
        if (expand?.Contains("renderedBody") == true) writer.WriteString("renderedBody", HtmlText.Render(comment.Body));
        WriteVisibility(writer, comment.Visibility, api);
        if (expand?.Contains("properties") == true) WriteProperties(writer, comment.Properties);
        writer.WriteEndObject();
    }

    /// <param name="expand">"properties" adds the entity properties, as Cloud's worklog expand does. Data Center 8.4.3
    /// has neither the expand nor worklog properties, so it never shows them.</param>
    public static void WriteWorklog(Utf8JsonWriter writer, Worklog worklog, ApiContext api, ISet<string>? expand = null)
    {
        writer.WriteStartObject();
        writer.WriteString("self", $"{api.ApiRoot}/issue/{worklog.Issue.Id}/worklog/{worklog.Id}");
        UserRenderer.WriteOrNull(writer, "author", worklog.Author, api);
        UserRenderer.WriteOrNull(writer, "updateAuthor", worklog.UpdateAuthor, api);
        if (worklog.Comment is not null) Adf.WriteText(writer, "comment", worklog.Comment, api);
        writer.WriteString("created", JiraTime.Format(worklog.Created));
        writer.WriteString("updated", JiraTime.Format(worklog.Updated));
        writer.WriteString("started", JiraTime.Format(worklog.Started));
        writer.WriteString("timeSpent", JiraDuration.Format(worklog.TimeSpentSeconds));
        writer.WriteNumber("timeSpentSeconds", worklog.TimeSpentSeconds);
        writer.WriteString("id", worklog.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("issueId", worklog.Issue.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        WriteVisibility(writer, worklog.Visibility, api);
        if (api.IsCloud && expand?.Contains("properties") == true) WriteProperties(writer, worklog.Properties);
        writer.WriteEndObject();
    }

    /// <summary>{type, value} and, on Cloud, the group's identifier; nothing when the record is visible to all.</summary>
    private static void WriteVisibility(Utf8JsonWriter writer, Visibility? visibility, ApiContext api)
    {
        if (visibility is null) return;
        writer.WriteStartObject("visibility");
        writer.WriteString("type", visibility.Type);
        writer.WriteString("value", visibility.Value);
        if (api.IsCloud && visibility.Identifier is not null) writer.WriteString("identifier", visibility.Identifier);
        writer.WriteEndObject();
    }

    /// <summary>EntityProperty list: [{key, value}].</summary>
    private static void WriteProperties(Utf8JsonWriter writer, Dictionary<string, System.Text.Json.Nodes.JsonNode?>? properties)
    {
        writer.WriteStartArray("properties");
        foreach (var (key, value) in properties ?? []) EntityPropertyRenderer.WriteProperty(writer, key, value);
        writer.WriteEndArray();
    }

    public static void WriteHistory(Utf8JsonWriter writer, ChangeHistory history, ApiContext api)
    {
        writer.WriteStartObject();
        writer.WriteString("id", history.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        UserRenderer.WriteOrNull(writer, "author", history.Author, api);
        writer.WriteString("created", JiraTime.Format(history.Created));
        writer.WriteStartArray("items");
        foreach (var item in history.Items)
        {
            writer.WriteStartObject();
            writer.WriteString("field", item.Field);
            writer.WriteString("fieldtype", item.FieldType);
            if (api.IsCloud) writer.WriteString("fieldId", item.FieldId);
            // The spec types these as plain strings, so an empty side is left out rather than null.
            if (item.From is not null) writer.WriteString("from", item.From);
            if (item.FromString is not null) writer.WriteString("fromString", item.FromString);
            if (item.To is not null) writer.WriteString("to", item.To);
            if (item.ToText is not null) writer.WriteString("toString", item.ToText);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
