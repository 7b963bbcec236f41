namespace JiraEmulator.Jql;

/// <summary>
/// A small stand-in for Jira's Lucene text search (~): every term must occur in the text, case-insensitively;
/// a trailing * or ? is a wildcard (so it is dropped); a quoted phrase ("\"a b\"") must occur as written.
/// No stemming: "fixed" does not match "fix" here. Good enough for the module's translations.
/// </summary>
public static class TextMatcher
{
    public static Func<string?, bool> Compile(string query)
    {
        string trimmed = query.Trim();
        if (trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"')
        {
            string phrase = trimmed[1..^1];
            return text => text is not null && text.Contains(phrase, StringComparison.OrdinalIgnoreCase);
        }
        var terms = trimmed
            .Split([' ', '\t', '\n', ',', '.', ';', ':', '!', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.TrimEnd('*', '?'))
            .Where(t => t.Length > 0)
            .ToArray();
        if (terms.Length == 0) return _ => false;
        return text => text is not null && terms.All(t => text.Contains(t, StringComparison.OrdinalIgnoreCase));
    }
}
