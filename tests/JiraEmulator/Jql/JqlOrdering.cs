using JiraEmulator.Data;

namespace JiraEmulator.Jql;

/// <summary>
/// ORDER BY as one comparison. Key order is project key, then issue number (so OPS-2 before OPS-10),
/// as Jira sorts keys. Empty values sort last ascending. Ties always fall back to the issue id, so
/// paging through any order is stable.
/// </summary>
public static class JqlOrdering
{
    public static Comparison<Issue> Build(IReadOnlyList<JqlSort> sorts)
    {
        var parts = sorts.Select(s =>
        {
            var compare = ForField(s.Field);
            return s.Descending ? (a, b) => compare(b, a) : compare;
        }).ToArray();

        return (a, b) =>
        {
            foreach (var part in parts)
            {
                int c = part(a, b);
                if (c != 0) return c;
            }
            return a.Id.CompareTo(b.Id);
        };
    }

    public static int CompareKeys(Issue a, Issue b)
    {
        int c = string.CompareOrdinal(a.Project.Key, b.Project.Key);
        return c != 0 ? c : a.Number.CompareTo(b.Number);
    }

    private static Comparison<Issue> ForField(string field)
    {
        string lower = field.Trim().ToLowerInvariant();
        return lower switch
        {
            "key" or "issuekey" or "issue" => CompareKeys,
            "id" => (a, b) => a.Id.CompareTo(b.Id),
            "created" or "createddate" => (a, b) => a.Created.CompareTo(b.Created),
            "updated" or "updateddate" => (a, b) => a.Updated.CompareTo(b.Updated),
            "resolved" or "resolutiondate" => (a, b) => NullsLast(a.ResolutionDate, b.ResolutionDate),
            "summary" => (a, b) => string.Compare(a.Summary, b.Summary, StringComparison.OrdinalIgnoreCase),
            "description" => (a, b) => NullsLast(a.Description, b.Description),
            "priority" => (a, b) => a.Priority.Rank.CompareTo(b.Priority.Rank),
            "status" => (a, b) => IndexOf(Catalog.Statuses, a.Status).CompareTo(IndexOf(Catalog.Statuses, b.Status)),
            "statuscategory" => (a, b) => CategoryRank(a.Status.Category).CompareTo(CategoryRank(b.Status.Category)),
            "issuetype" or "type" => (a, b) => string.Compare(a.IssueType.Name, b.IssueType.Name, StringComparison.OrdinalIgnoreCase),
            "project" => (a, b) => string.CompareOrdinal(a.Project.Key, b.Project.Key),
            "assignee" => (a, b) => NullsLast(a.Assignee?.DisplayName, b.Assignee?.DisplayName),
            "reporter" => (a, b) => NullsLast(a.Reporter.DisplayName, b.Reporter.DisplayName),
            "creator" => (a, b) => NullsLast(a.Creator.DisplayName, b.Creator.DisplayName),
            "resolution" => (a, b) => NullsLast(a.Resolution?.Name, b.Resolution?.Name),
            "labels" => (a, b) => NullsLast(a.Labels.Length == 0 ? null : string.Join(",", a.Labels), b.Labels.Length == 0 ? null : string.Join(",", b.Labels)),
            "cf[10016]" or "customfield_10016" or "story points" or "story point estimate" => (a, b) => NullsLast(a.StoryPoints, b.StoryPoints),
            _ => throw JqlErrors.Semantic($"Field '{field}' does not exist or you do not have permission to view it."),
        };
    }

    private static int IndexOf<T>(IReadOnlyList<T> list, T item) where T : class
    {
        for (int i = 0; i < list.Count; i++) if (ReferenceEquals(list[i], item)) return i;
        return list.Count;
    }

    private static int CategoryRank(StatusCategory category) => category.Key switch { "new" => 0, "indeterminate" => 1, "done" => 2, _ => 3 };

    private static int NullsLast(string? a, string? b) =>
        a is null ? (b is null ? 0 : 1) : b is null ? -1 : string.Compare(a, b, StringComparison.OrdinalIgnoreCase);

    private static int NullsLast<T>(T? a, T? b) where T : struct, IComparable<T> =>
        a is null ? (b is null ? 0 : 1) : b is null ? -1 : a.Value.CompareTo(b.Value);
}
