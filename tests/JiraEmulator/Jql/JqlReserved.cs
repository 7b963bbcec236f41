namespace JiraEmulator.Jql;

/// <summary>
/// Words and characters that Jira refuses unquoted in a value. Keeping the same rule here means a
/// client that forgets to quote fails against the emulator exactly as it would against Jira.
/// </summary>
public static class JqlReserved
{
    public static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "abort", "access", "add", "after", "alias", "all", "alter", "and", "any", "are", "as", "asc", "at", "audit", "avg",
        "be", "before", "begin", "between", "boolean", "break", "but", "by", "byte", "catch", "cf", "char", "character", "check",
        "checkpoint", "collate", "collation", "column", "commit", "connect", "continue", "count", "create", "current", "date",
        "decimal", "declare", "decrement", "default", "defaults", "define", "delete", "delimiter", "desc", "difference", "distinct",
        "divide", "do", "double", "drop", "else", "empty", "encoding", "end", "equals", "escape", "exclusive", "exec", "execute",
        "exists", "explain", "false", "fetch", "file", "field", "first", "float", "for", "from", "function", "go", "goto", "grant",
        "greater", "group", "having", "identified", "if", "immediate", "in", "increment", "index", "initial", "inner", "inout",
        "input", "insert", "int", "integer", "intersect", "intersection", "into", "is", "isempty", "isnull", "it", "join", "last",
        "left", "less", "like", "limit", "lock", "long", "max", "min", "minus", "mode", "modify", "modulo", "more", "multiply",
        "next", "no", "noaudit", "not", "notin", "nowait", "null", "number", "object", "of", "on", "option", "or", "order", "outer",
        "output", "power", "previous", "prior", "privileges", "public", "raise", "raw", "remainder", "rename", "resource",
        "return", "returns", "right", "row", "rowid", "rownum", "rows", "select", "session", "set", "share", "size", "sqrt",
        "start", "strict", "string", "subtract", "such", "sum", "synonym", "table", "that", "the", "their", "then", "there",
        "these", "they", "this", "to", "trans", "transaction", "trigger", "true", "uid", "union", "unique", "update", "user",
        "validate", "values", "view", "was", "when", "whenever", "where", "while", "will", "with",
    };

    /// <summary>Characters that must be quoted in a value. '.', '/' and '-' stay allowed so dates, decimals and keys work.</summary>
    public static readonly char[] Characters = ['+', ';', '?', '|', '*', '%', '^', '$', '#', '@', '[', ']', '{', '}'];
}
