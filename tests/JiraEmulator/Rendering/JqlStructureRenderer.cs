using System.Text.Json;
using JiraEmulator.Jql;

namespace JiraEmulator.Rendering;

/// <summary>
/// A parsed query as jql/parse's JqlQuery: where (compound clauses with their operator in lower case, field-value
/// clauses) and orderBy. A run of the same operator is one compound clause, as Jira groups "a AND b AND c". Each
/// name and value also comes encoded, as it would be written back into JQL (quoted when it has to be).
/// </summary>
public static class JqlStructureRenderer
{
    public static void Write(Utf8JsonWriter w, JqlQuery query)
    {
        w.WriteStartObject();
        if (query.Where is not null)
        {
            w.WritePropertyName("where");
            WriteClause(w, query.Where);
        }
        if (query.OrderBy.Count > 0)
        {
            w.WriteStartObject("orderBy");
            w.WriteStartArray("fields");
            foreach (var sort in query.OrderBy)
            {
                w.WriteStartObject();
                WriteField(w, sort.Field);
                w.WriteString("direction", sort.Descending ? "desc" : "asc");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteClause(Utf8JsonWriter w, JqlNode node)
    {
        w.WriteStartObject();
        switch (node)
        {
            case JqlClause clause:
                WriteField(w, clause.Field);
                w.WriteString("operator", clause.Operator.ToLowerInvariant());
                w.WritePropertyName("operand");
                WriteOperand(w, clause.Operand);
                break;
            case JqlNot not:
                w.WriteString("operator", "not");
                w.WriteStartArray("clauses");
                WriteClause(w, not.Inner);
                w.WriteEndArray();
                break;
            default:
                w.WriteString("operator", node is JqlAnd ? "and" : "or");
                w.WriteStartArray("clauses");
                foreach (var part in Flatten(node, node.GetType())) WriteClause(w, part);
                w.WriteEndArray();
                break;
        }
        w.WriteEndObject();
    }

    private static IEnumerable<JqlNode> Flatten(JqlNode node, Type kind) => node switch
    {
        JqlAnd both when kind == typeof(JqlAnd) => Flatten(both.Left, kind).Concat(Flatten(both.Right, kind)),
        JqlOr either when kind == typeof(JqlOr) => Flatten(either.Left, kind).Concat(Flatten(either.Right, kind)),
        _ => [node],
    };

    /// <summary>{name, encodedName}, and for issue.property[key].path the entity property it reads.</summary>
    private static void WriteField(Utf8JsonWriter w, string name)
    {
        w.WriteStartObject("field");
        w.WriteString("name", name);
        w.WriteString("encodedName", EncodeName(name));
        int open = name.IndexOf('[', StringComparison.Ordinal), close = name.IndexOf(']', StringComparison.Ordinal);
        if (name.StartsWith("issue.property[", StringComparison.OrdinalIgnoreCase) && close > open)
        {
            w.WriteStartArray("property");
            w.WriteStartObject();
            w.WriteString("entity", "issue");
            w.WriteString("key", name[(open + 1)..close].Trim('"', '\''));
            w.WriteString("path", name[(close + 1)..].TrimStart('.'));
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteOperand(Utf8JsonWriter w, JqlOperand operand)
    {
        w.WriteStartObject();
        switch (operand)
        {
            case JqlValue value:
                w.WriteString("value", value.Text);
                w.WriteString("encodedValue", Encode(value.Text, value.Quoted));
                break;
            case JqlList list:
                w.WriteStartArray("values");
                foreach (var item in list.Items) WriteOperand(w, item);
                w.WriteEndArray();
                w.WriteString("encodedOperand", "(" + string.Join(", ", list.Items.Select(EncodeOperand)) + ")");
                break;
            case JqlFunction function:
                w.WriteString("function", function.Name);
                w.WriteStartArray("arguments");
                foreach (var argument in function.Arguments) w.WriteStringValue(argument);
                w.WriteEndArray();
                w.WriteString("encodedOperand", EncodeOperand(function));
                break;
            default:
                w.WriteString("keyword", "empty");
                break;
        }
        w.WriteEndObject();
    }

    private static string EncodeOperand(JqlOperand operand) => operand switch
    {
        JqlValue v => Encode(v.Text, v.Quoted),
        JqlFunction f => $"{f.Name}({string.Join(", ", f.Arguments.Select(a => Encode(a)))})",
        _ => "EMPTY",
    };

    /// <summary>The text as JQL would need it: as it is when the tokenizer reads it back as one plain word, else in
    /// double quotes with backslash escapes. A value that was quoted stays quoted (so "EMPTY" is not the keyword).</summary>
    private static string Encode(string text, bool quoted = false) =>
        !quoted && IsPlainWord(text)
            ? text
            : "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>Field names with brackets (cf[10016], issue.property[key].path) are written as they were given.</summary>
    private static string EncodeName(string name) => name.Contains('[') ? name : Encode(name);

    private static bool IsPlainWord(string text) =>
        text.Length > 0 && !JqlReserved.Words.Contains(text) && text.IndexOfAny(JqlReserved.Characters) < 0
        && text.All(c => !char.IsWhiteSpace(c) && c is not ('=' or '!' or '<' or '>' or '~' or '(' or ')' or ',' or '"' or '\'' or '\\'));
}
