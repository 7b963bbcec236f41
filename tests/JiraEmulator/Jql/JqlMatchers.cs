using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraEmulator.Data;

namespace JiraEmulator.Jql;

/// <summary>
/// One matcher per kind of field. Jira's rule for negative operators is kept throughout:
/// != and NOT IN never match an empty field (use IS EMPTY for that).
/// </summary>
public static class JqlMatchers
{
    private static readonly string[] EqualityOperators = ["=", "!=", "IN", "NOT IN", "IS", "IS NOT"];
    private static readonly string[] OrderedOperators = ["=", "!=", "IN", "NOT IN", "IS", "IS NOT", "<", "<=", ">", ">="];

    private static bool IsNegative(string op) => op is "!=" or "NOT IN";

    private static void Require(JqlClause clause, string field, IEnumerable<string> allowed)
    {
        if (!allowed.Contains(clause.Operator))
            throw JqlErrors.Semantic($"The operator '{clause.Operator.ToLowerInvariant()}' is not supported by the '{field}' field.");
    }

    private static IReadOnlyList<JqlOperand> Items(JqlClause clause) =>
        clause.Operand is JqlList list ? list.Items : [clause.Operand];

    private static Exception NoSuchValue(string value, string field) => JqlErrors.UnknownValue(value, field);

    private static Exception UnknownFunction(JqlFunction function) =>
        JqlErrors.Semantic($"Unable to find JQL function '{function.Name}({string.Join(",", function.Arguments)})'.");

    /// <summary>Fields whose values are catalog objects: project, status, issuetype, priority, resolution, statusCategory.</summary>
    public static Func<Issue, bool> Reference<T>(JqlClause clause, string field, Func<Issue, T?> get, Func<string, T?> resolve, string? emptyAlias = null, Func<T, int>? rank = null)
        where T : class
    {
        if (rank is not null && clause.Operator is "<" or "<=" or ">" or ">=")
        {
            // Ordered catalog fields (priority): compare by rank, so "priority > Medium" means High and Highest.
            if (clause.Operand is not JqlValue value) throw JqlErrors.Semantic($"The operator '{clause.Operator}' needs a single value for the '{field}' field.");
            var target = resolve(value.Text) ?? throw NoSuchValue(value.Text, field);
            int targetRank = rank(target);
            var compare = Comparer(clause.Operator);
            return issue => get(issue) is { } v && compare(rank(v).CompareTo(targetRank));
        }
        return ReferenceCore(clause, field, get, operand => operand switch
        {
            JqlValue v when emptyAlias is not null && string.Equals(v.Text, emptyAlias, StringComparison.OrdinalIgnoreCase) => null,
            JqlValue v => resolve(v.Text) ?? throw NoSuchValue(v.Text, field),
            JqlFunction f => throw UnknownFunction(f),
            _ => null,
        });
    }

    public static Func<Issue, bool> UserField(JqlClause clause, string field, Func<Issue, User?> get, JqlContext context)
    {
        return ReferenceCore(clause, field, get, operand => operand switch
        {
            JqlValue v => context.Data.FindUser(v.Text) ?? throw NoSuchValue(v.Text, field),
            JqlFunction f when string.Equals(f.Name, "currentUser", StringComparison.OrdinalIgnoreCase) => context.Caller,
            JqlFunction f => throw UnknownFunction(f),
            _ => null,
        });
    }

    /// <summary>Shared by reference fields: resolve returns null for EMPTY.</summary>
    private static Func<Issue, bool> ReferenceCore<T>(JqlClause clause, string field, Func<Issue, T?> get, Func<JqlOperand, T?> resolve)
        where T : class
    {
        Require(clause, field, EqualityOperators);
        if (clause.Operator == "IS") return issue => get(issue) is null;
        if (clause.Operator == "IS NOT") return issue => get(issue) is not null;

        var set = new HashSet<T>(ReferenceEqualityComparer.Instance);
        bool includesEmpty = false;
        foreach (var operand in Items(clause))
        {
            var value = operand is JqlEmpty ? null : resolve(operand);
            if (value is null) includesEmpty = true;
            else set.Add(value);
        }
        if (IsNegative(clause.Operator))
            return issue => get(issue) is { } value && !set.Contains(value);
        return issue => get(issue) is { } value ? set.Contains(value) : includesEmpty;
    }

    /// <summary>key / issuekey: equality by identity; comparisons within the same project by number.</summary>
    public static Func<Issue, bool> Key(JqlClause clause, JiraData data)
    {
        Require(clause, "key", OrderedOperators);
        if (clause.Operator == "IS") return _ => false;
        if (clause.Operator == "IS NOT") return _ => true;

        var targets = new List<(Project Project, int Number)>();
        foreach (var operand in Items(clause))
        {
            if (operand is not JqlValue value) throw JqlErrors.Semantic("The field 'key' only accepts issue keys or ids as values.");
            targets.Add(ResolveKey(value.Text, data));
        }
        switch (clause.Operator)
        {
            case "=" or "IN":
            {
                var set = targets.Select(t => (t.Project.Id, t.Number)).ToHashSet();
                return issue => set.Contains((issue.Project.Id, issue.Number));
            }
            case "!=" or "NOT IN":
            {
                var set = targets.Select(t => (t.Project.Id, t.Number)).ToHashSet();
                return issue => !set.Contains((issue.Project.Id, issue.Number));
            }
            default:
            {
                var (project, number) = targets[0];
                var compare = Comparer(clause.Operator);
                return issue => ReferenceEquals(issue.Project, project) && compare(issue.Number.CompareTo(number));
            }
        }
    }

    private static (Project, int) ResolveKey(string text, JiraData data)
    {
        if (data.Issues.Find(text) is { } issue) return (issue.Project, issue.Number);
        int dash = text.LastIndexOf('-');
        if (!long.TryParse(text, out _) && dash > 0
            && int.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int number)
            && data.FindProject(text[..dash]) is { } project)
        {
            // A well-formed key of a deleted or future issue: fine for comparisons, matches nothing for equality.
            return (project, number);
        }
        throw JqlErrors.Semantic($"An issue with key '{text}' does not exist for field 'key'.");
    }

    public static Func<Issue, bool> Text(JqlClause clause, string field, Func<Issue, string?> get)
    {
        Require(clause, field, ["~", "!~", "IS", "IS NOT"]);
        if (clause.Operator == "IS") return issue => string.IsNullOrEmpty(get(issue));
        if (clause.Operator == "IS NOT") return issue => !string.IsNullOrEmpty(get(issue));
        if (clause.Operand is not JqlValue value)
            throw JqlErrors.Semantic($"The field '{field}' only accepts a text value with the '{clause.Operator}' operator.");
        var matches = TextMatcher.Compile(value.Text);
        return clause.Operator == "~" ? issue => matches(get(issue)) : issue => get(issue) is { } text && !matches(text);
    }

    public static Func<Issue, bool> Labels(JqlClause clause) =>
        Members(clause, "labels", i => i.Labels, label => [label], StringComparer.OrdinalIgnoreCase);

    /// <summary>components, fixVersion, affectedVersion: a value is a name (of any project's item, as Jira's site-wide
    /// JQL takes it) or an id; one that names nothing is Jira's "does not exist" 400.</summary>
    public static Func<Issue, bool> ProjectItems<T>(JqlClause clause, string field, Func<Issue, IReadOnlyCollection<T>> get, IReadOnlyList<T> all,
        Func<T, long> id, Func<T, string> name, Func<JqlFunction, IEnumerable<T>?>? function = null) where T : class =>
        Members(clause, field, get, value =>
        {
            var found = all.Where(item => string.Equals(name(item), value, StringComparison.OrdinalIgnoreCase)
                || id(item).ToString(CultureInfo.InvariantCulture) == value).ToList();
            return found.Count > 0 ? found : throw NoSuchValue(value, field);
        }, ReferenceEqualityComparer.Instance as IEqualityComparer<T>, function);

    /// <summary>sprint (also cf[10020]): a sprint's id or name, or openSprints(), closedSprints(), futureSprints().</summary>
    public static Func<Issue, bool> Sprints(JqlClause clause, IReadOnlyList<Sprint> all) =>
        ProjectItems(clause, "sprint", i => i.Sprints, all, s => s.Id, s => s.Name, f => f.Name.ToLowerInvariant() switch
        {
            "opensprints" => all.Where(s => s.IsOpen),
            "closedsprints" => all.Where(s => s.State == "closed"),
            "futuresprints" => all.Where(s => s.State == "future"),
            _ => null,
        });

    /// <summary>
    /// Fields with several values: = and IN match when any value is one named, != and NOT IN when none is (an empty
    /// field matches neither, as Jira's negative operators never match EMPTY).
    /// </summary>
    private static Func<Issue, bool> Members<T>(JqlClause clause, string field, Func<Issue, IReadOnlyCollection<T>> get, Func<string, IEnumerable<T>> resolve,
        IEqualityComparer<T>? comparer, Func<JqlFunction, IEnumerable<T>?>? function = null)
    {
        Require(clause, field, EqualityOperators);
        if (clause.Operator == "IS") return issue => get(issue).Count == 0;
        if (clause.Operator == "IS NOT") return issue => get(issue).Count > 0;
        var set = new HashSet<T>(comparer);
        bool includesEmpty = false;
        foreach (var operand in Items(clause))
        {
            switch (operand)
            {
                case JqlEmpty: includesEmpty = true; break;
                case JqlValue v: set.UnionWith(resolve(v.Text)); break;
                case JqlFunction f: set.UnionWith(function?.Invoke(f) ?? throw UnknownFunction(f)); break;
            }
        }
        if (IsNegative(clause.Operator))
            return issue => get(issue) is { Count: > 0 } values && !values.Any(set.Contains);
        return issue => get(issue) is { Count: > 0 } values ? values.Any(set.Contains) : includesEmpty;
    }

    public static Func<Issue, bool> Date(JqlClause clause, string field, Func<Issue, DateTimeOffset?> get, DateTimeOffset now)
    {
        Require(clause, field, OrderedOperators);
        if (clause.Operator == "IS") return issue => get(issue) is null;
        if (clause.Operator == "IS NOT") return issue => get(issue) is not null;

        var values = new List<DateTimeOffset?>();
        foreach (var operand in Items(clause))
        {
            values.Add(operand switch
            {
                JqlEmpty => null,
                JqlValue v => JqlDates.TryParse(v.Text, now) ?? throw JqlErrors.Semantic(
                    $"Date value '{v.Text}' for field '{field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'."),
                JqlFunction f => JqlDates.Function(f.Name, f.Arguments, now) ?? throw UnknownFunction(f),
                _ => null,
            });
        }
        // Equality works to the minute, like Jira's date pickers.
        static long Minute(DateTimeOffset d) => d.ToUnixTimeSeconds() / 60;
        switch (clause.Operator)
        {
            case "=" or "IN" or "!=" or "NOT IN":
            {
                bool includesEmpty = values.Contains(null);
                var set = values.Where(v => v is not null).Select(v => Minute(v!.Value)).ToHashSet();
                if (IsNegative(clause.Operator)) return issue => get(issue) is { } d && !set.Contains(Minute(d));
                return issue => get(issue) is { } d ? set.Contains(Minute(d)) : includesEmpty;
            }
            default:
            {
                var target = values[0] ?? throw JqlErrors.Semantic($"The operator '{clause.Operator}' cannot be used with EMPTY.");
                var compare = Comparer(clause.Operator);
                return issue => get(issue) is { } d && compare(d.CompareTo(target));
            }
        }
    }

    public static Func<Issue, bool> Number(JqlClause clause, string field, Func<Issue, double?> get)
    {
        Require(clause, field, OrderedOperators);
        if (clause.Operator == "IS") return issue => get(issue) is null;
        if (clause.Operator == "IS NOT") return issue => get(issue) is not null;
        var values = new List<double?>();
        foreach (var operand in Items(clause))
        {
            values.Add(operand switch
            {
                JqlEmpty => null,
                JqlValue v when double.TryParse(v.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
                JqlValue v => throw JqlErrors.Semantic($"The value '{v.Text}' for field '{field}' is invalid: it must be a number."),
                JqlFunction f => throw UnknownFunction(f),
                _ => null,
            });
        }
        switch (clause.Operator)
        {
            case "=" or "IN":
            {
                bool includesEmpty = values.Contains(null);
                var set = values.Where(v => v is not null).Select(v => v!.Value).ToHashSet();
                return issue => get(issue) is { } n ? set.Contains(n) : includesEmpty;
            }
            case "!=" or "NOT IN":
            {
                var set = values.Where(v => v is not null).Select(v => v!.Value).ToHashSet();
                return issue => get(issue) is { } n && !set.Contains(n);
            }
            default:
            {
                double target = values[0] ?? throw JqlErrors.Semantic($"The operator '{clause.Operator}' cannot be used with EMPTY.");
                var compare = Comparer(clause.Operator);
                return issue => get(issue) is { } n && compare(n.CompareTo(target));
            }
        }
    }

    /// <summary>
    /// issue.property[key].path: the property's JSON value at a dotted path. Arrays count as
    /// several values (any may match). Numbers compare numerically, everything else as text.
    /// </summary>
    public static Func<Issue, bool> Property(JqlClause clause, string field)
    {
        int open = field.IndexOf('[', StringComparison.Ordinal), close = field.IndexOf(']', open + 1);
        if (close < 0) throw JqlErrors.Semantic($"Field '{field}' does not exist or you do not have permission to view it.");
        string key = field[(open + 1)..close].Trim().Trim('"', '\'');
        string[] path = field[(close + 1)..].TrimStart('.').Split('.', StringSplitOptions.RemoveEmptyEntries);
        Require(clause, field, OrderedOperators.Append("~").ToArray());

        IEnumerable<JsonValue> Values(Issue issue)
        {
            if (!issue.HasProperties || !issue.Properties.TryGetValue(key, out var node)) yield break;
            foreach (var segment in path)
            {
                node = node is JsonObject obj && obj.TryGetPropertyValue(segment, out var child) ? child : null;
                if (node is null) yield break;
            }
            if (node is JsonValue single) yield return single;
            else if (node is JsonArray array)
                foreach (var item in array) if (item is JsonValue v) yield return v;
        }

        if (clause.Operator == "IS") return issue => !Values(issue).Any();
        if (clause.Operator == "IS NOT") return issue => Values(issue).Any();

        var targets = Items(clause).OfType<JqlValue>().Select(v => v.Text).ToArray();
        static int? CompareValue(JsonValue value, string target)
        {
            if (value.GetValueKind() == JsonValueKind.Number && double.TryParse(target, NumberStyles.Float, CultureInfo.InvariantCulture, out double t))
                return value.GetValue<double>().CompareTo(t);
            string text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            return string.Compare(text, target, StringComparison.OrdinalIgnoreCase);
        }
        switch (clause.Operator)
        {
            case "=" or "IN":
                return issue => Values(issue).Any(v => targets.Any(t => CompareValue(v, t) == 0));
            case "!=" or "NOT IN":
            {
                return issue =>
                {
                    var values = Values(issue).ToList();
                    return values.Count > 0 && !values.Any(v => targets.Any(t => CompareValue(v, t) == 0));
                };
            }
            case "~":
            {
                var matches = TextMatcher.Compile(targets.FirstOrDefault() ?? "");
                return issue => Values(issue).Any(v => matches(v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()));
            }
            default:
            {
                var compare = Comparer(clause.Operator);
                string target = targets.FirstOrDefault() ?? throw JqlErrors.Semantic($"The operator '{clause.Operator}' needs a value.");
                return issue => Values(issue).Any(v => CompareValue(v, target) is int c && compare(c));
            }
        }
    }

    private static Func<int, bool> Comparer(string op) => op switch
    {
        "<" => c => c < 0,
        "<=" => c => c <= 0,
        ">" => c => c > 0,
        ">=" => c => c >= 0,
        "=" => c => c == 0,
        _ => c => c != 0,
    };
}
