using JiraEmulator.Data;

namespace JiraEmulator.Rendering;

/// <summary>
/// The "fields" parameter: names, "*all", "*navigable", and "-name" to exclude. The default differs by
/// endpoint (search/jql: "id"; old search and GET issue: everything navigable / all).
/// </summary>
public sealed class FieldSelection
{
    /// <summary>Fields a search returns for *navigable; *all adds the non-navigable ones (comment, worklog ...). Both come
    /// from the field table, so what GET field calls navigable is what a search returns.</summary>
    public static readonly string[] Navigable = Fields.All.Where(f => f.Navigable && f.Id != "issuekey").Select(f => f.Id).ToArray();

    /// <summary>Returned only for *all or by name, as GET issue does by default.</summary>
    public static readonly string[] NonNavigable = Fields.All.Where(f => !f.Navigable).Select(f => f.Id).ToArray();

    /// <summary>Navigable as a set: the renderer asks about every field of every issue of a page.</summary>
    private static readonly HashSet<string> NavigableSet = new(Navigable, StringComparer.OrdinalIgnoreCase);

    private readonly bool all;
    private readonly bool navigable;
    private readonly HashSet<string> include = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> exclude = new(StringComparer.OrdinalIgnoreCase);

    private FieldSelection(IEnumerable<string> items)
    {
        foreach (var item in items)
        {
            if (item == "*all") all = navigable = true;
            else if (item == "*navigable") navigable = true;
            else if (item.StartsWith('-')) exclude.Add(item[1..]);
            else include.Add(item);
        }
    }

    public static FieldSelection Parse(IReadOnlyCollection<string> requested, string defaultSpec) =>
        new(requested.Count > 0 ? requested : defaultSpec.Split(','));

    public bool Includes(string field) =>
        !exclude.Contains(field) && (include.Contains(field) || navigable && NavigableSet.Contains(field));

    public bool IncludesNonNavigable(string field) => !exclude.Contains(field) && (all || include.Contains(field));

    /// <summary>
    /// True when nothing beyond id and key was asked for: search/jql then allows 5000 per page. The same test as
    /// HasAnyField (names in any case), so the page size follows what the page renders.
    /// </summary>
    public bool OnlyIdOrKey => !HasAnyField;

    public bool WantsKey => include.Contains("key") || HasAnyField;

    /// <summary>True when the issue needs a "fields" object at all.</summary>
    public bool HasAnyField => all || navigable || include.Any(f => !string.Equals(f, "id", StringComparison.OrdinalIgnoreCase) && !string.Equals(f, "key", StringComparison.OrdinalIgnoreCase));
}
