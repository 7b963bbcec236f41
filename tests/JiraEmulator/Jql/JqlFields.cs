using System.Globalization;
using JiraEmulator.Data;

namespace JiraEmulator.Jql;

/// <summary>Maps a JQL field name to the matcher for its type, with the names and aliases Jira accepts.</summary>
public static class JqlFields
{
    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    public static Func<Issue, bool> Compile(JqlClause clause, JqlContext context)
    {
        string name = clause.Field.Trim();
        string lower = name.ToLowerInvariant();
        if (lower.StartsWith("issue.property[", StringComparison.Ordinal))
        {
            // Jira answers an unindexed property exactly as a field that does not exist.
            if (!context.PropertiesIndexed) throw UnknownField(name);
            return JqlMatchers.Property(clause, name);
        }

        return lower switch
        {
            "project" => JqlMatchers.Reference(clause, "project", i => i.Project, v => context.Data.FindProject(v)),
            "key" or "issuekey" or "issue" => JqlMatchers.Key(clause, context.Data),
            "id" => JqlMatchers.Number(clause, "id", i => i.Id),
            "summary" => JqlMatchers.Text(clause, "summary", i => i.Summary),
            "description" => JqlMatchers.Text(clause, "description", i => i.Description),
            "text" => JqlMatchers.Text(clause, "text", i => i.Description is null ? i.Summary : i.Summary + "\n" + i.Description),
            "status" => JqlMatchers.Reference(clause, "status", i => i.Status,
                v => Catalog.Statuses.FirstOrDefault(s => s.Id == v || Same(s.Name, v))),
            "statuscategory" => JqlMatchers.Reference(clause, "statusCategory", i => i.Status.Category,
                v => Catalog.StatusCategories.FirstOrDefault(c => c.Id.ToString(CultureInfo.InvariantCulture) == v || Same(c.Name, v) || Same(c.Key, v))),
            "issuetype" or "type" => JqlMatchers.Reference(clause, "issuetype", i => i.IssueType,
                v => Catalog.IssueTypes.FirstOrDefault(t => t.Id == v || Same(t.Name, v) || (Same(v, "Sub-task") && t.Subtask))),
            "priority" => JqlMatchers.Reference(clause, "priority", i => i.Priority,
                v => Catalog.Priorities.FirstOrDefault(p => p.Id == v || Same(p.Name, v)), rank: p => p.Rank),
            "resolution" => JqlMatchers.Reference(clause, "resolution", i => i.Resolution,
                v => Catalog.Resolutions.FirstOrDefault(r => r.Id == v || Same(r.Name, v)), emptyAlias: "Unresolved"),
            "assignee" => JqlMatchers.UserField(clause, "assignee", i => i.Assignee, context),
            "reporter" => JqlMatchers.UserField(clause, lower, i => i.Reporter, context),
            "creator" => JqlMatchers.UserField(clause, lower, i => i.Creator, context),
            "labels" or "label" => JqlMatchers.Labels(clause),
            "component" => JqlMatchers.ProjectItems(clause, "component", i => i.Components, context.Data.Components.All(), c => c.Id, c => c.Name),
            "fixversion" => JqlMatchers.ProjectItems(clause, "fixVersion", i => i.FixVersions, context.Data.Versions.All(), v => v.Id, v => v.Name),
            "affectedversion" => JqlMatchers.ProjectItems(clause, "affectedVersion", i => i.AffectsVersions, context.Data.Versions.All(), v => v.Id, v => v.Name),
            "created" or "createddate" => JqlMatchers.Date(clause, "created", i => i.Created, context.Now),
            "updated" or "updateddate" => JqlMatchers.Date(clause, "updated", i => i.Updated, context.Now),
            "resolved" or "resolutiondate" => JqlMatchers.Date(clause, "resolved", i => i.ResolutionDate, context.Now),
            // A due date is a day: it compares as that day's start (UTC), as the site's time zone is UTC.
            "due" or "duedate" => JqlMatchers.Date(clause, "due", i => i.DueDate is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null, context.Now),
            "sprint" or "cf[10020]" or "customfield_10020" => JqlMatchers.Sprints(clause, context.Data.Sprints.All()),
            "cf[10016]" or "customfield_10016" or "story points" or "story point estimate" =>
                JqlMatchers.Number(clause, "cf[10016]", i => i.StoryPoints),
            _ => throw UnknownField(name),
        };
    }

    private static Exception UnknownField(string name) =>
        JqlErrors.Semantic($"Field '{name}' does not exist or you do not have permission to view it.");
}
