using JiraEmulator.Data;

namespace JiraEmulator.Jql;

/// <summary>What a JQL query may depend on besides the issue: currentUser(), now(), and whether the
/// site indexes issue properties (on Jira only those an installed app declares are searchable).</summary>
public sealed record JqlContext(JiraData Data, User Caller, DateTimeOffset Now, bool PropertiesIndexed = true);

/// <summary>A query turned into a predicate (null: every issue) and a sort order. Bounded: the query has a WHERE part.</summary>
public sealed record CompiledJql(Func<Issue, bool>? Filter, Comparison<Issue> Order, bool Bounded, bool HasOrderBy);

/// <summary>
/// Turns parsed JQL into delegates once per query. Values are resolved at compile time (names to the
/// catalog objects, dates to instants), so a bad value fails with Jira's 400 before any issue is read,
/// and the per-issue work is reference and number comparisons.
/// </summary>
public static class JqlCompiler
{
    public static CompiledJql Compile(string jql, JqlContext context)
    {
        var query = JqlParser.Parse(jql);
        var filter = query.Where is null ? null : CompileNode(query.Where, context);
        return new CompiledJql(filter, JqlOrdering.Build(query.OrderBy), query.Where is not null, query.OrderBy.Count > 0);
    }

    private static Func<Issue, bool> CompileNode(JqlNode node, JqlContext context)
    {
        switch (node)
        {
            case JqlAnd and:
            {
                var left = CompileNode(and.Left, context);
                var right = CompileNode(and.Right, context);
                return issue => left(issue) && right(issue);
            }
            case JqlOr or:
            {
                var left = CompileNode(or.Left, context);
                var right = CompileNode(or.Right, context);
                return issue => left(issue) || right(issue);
            }
            case JqlNot not:
            {
                var inner = CompileNode(not.Inner, context);
                return issue => !inner(issue);
            }
            case JqlClause clause:
                return JqlFields.Compile(clause, context);
            default:
                throw new InvalidOperationException($"Unknown JQL node {node.GetType().Name}.");
        }
    }
}
