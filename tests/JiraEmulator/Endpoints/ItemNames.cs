namespace JiraEmulator.Endpoints;

/// <summary>The rule versions, components and the like share for their names: required on create, never blank, and
/// unique (ignoring case) among their siblings, with Jira's wording for each.</summary>
public static class ItemNames
{
    /// <returns>The trimmed name when the body gives one, else null; problems go into <paramref name="errors"/>.</returns>
    public static string? Check(string? name, bool required, IEnumerable<string> siblings, Dictionary<string, string> errors, string blank, string taken)
    {
        if (name is null && !required) return null;
        if (string.IsNullOrWhiteSpace(name)) errors["name"] = blank;
        else if (siblings.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase)) errors["name"] = taken;
        return name?.Trim();
    }
}
