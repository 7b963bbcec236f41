using System.Text.Json;
using JiraEmulator.Data;

namespace JiraEmulator.Rendering;

/// <summary>Link types (IssueLinkType), links (IssueLink, both ends) and an issue's issuelinks entries (the other end only).</summary>
public static class IssueLinkRenderer
{
    public static void WriteType(Utf8JsonWriter w, IssueLinkType type, ApiContext api)
    {
        w.WriteStartObject();
        w.WriteString("id", type.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("name", type.Name);
        w.WriteString("inward", type.Inward);
        w.WriteString("outward", type.Outward);
        w.WriteString("self", $"{api.ApiRoot}/issueLinkType/{type.Id}");
        w.WriteEndObject();
    }

    /// <summary>GET issueLink/{id}: both ends, as the link was made.</summary>
    public static void Write(Utf8JsonWriter w, IssueLink link, ApiContext api)
    {
        WriteStart(w, link, api);
        WriteLinkedIssue(w, "inwardIssue", link.Inward, api);
        WriteLinkedIssue(w, "outwardIssue", link.Outward, api);
        w.WriteEndObject();
    }

    /// <summary>One entry of <paramref name="issue"/>'s issuelinks field: the other end, under outwardIssue when
    /// <paramref name="issue"/> is the from issue (read with the type's outward phrase), else under inwardIssue.</summary>
    public static void WriteEntry(Utf8JsonWriter w, IssueLink link, Issue issue, ApiContext api)
    {
        var (other, isFrom) = link.From(issue);
        WriteStart(w, link, api);
        WriteLinkedIssue(w, isFrom ? "outwardIssue" : "inwardIssue", other, api);
        w.WriteEndObject();
    }

    private static void WriteStart(Utf8JsonWriter w, IssueLink link, ApiContext api)
    {
        w.WriteStartObject();
        w.WriteString("id", link.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("self", $"{api.ApiRoot}/issueLink/{link.Id}");
        w.WritePropertyName("type");
        WriteType(w, link.Type, api);
    }

    /// <summary>LinkedIssue: id, key, self and the few fields Jira shows for the other end (summary, status, priority, issuetype).</summary>
    public static void WriteLinkedIssue(Utf8JsonWriter w, string name, Issue issue, ApiContext api)
    {
        w.WriteStartObject(name);
        w.WriteString("id", IssueRenderer.IdText(issue));
        w.WriteString("key", issue.Key);
        w.WriteString("self", $"{api.ApiRoot}/issue/{issue.Id}");
        w.WriteStartObject("fields");
        w.WriteString("summary", issue.Summary);
        w.WritePropertyName("status");
        CatalogRenderer.WriteStatus(w, issue.Status, api);
        w.WritePropertyName("priority");
        CatalogRenderer.WritePriority(w, issue.Priority, api);
        w.WritePropertyName("issuetype");
        CatalogRenderer.WriteIssueType(w, issue.IssueType, api);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
