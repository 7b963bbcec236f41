using JiraConnector.Query;

namespace JiraConnector.Tests.Unit.Query;

public sealed class ClientEvaluatorTests
{
    private static readonly Dictionary<string, object?> Record = new(StringComparer.OrdinalIgnoreCase)
    {
        ["status"] = new FieldAliases(["In Progress", "3"]),
        ["summary"] = "Disk full on db-01",
        ["labels"] = new[] { "ops", "urgent" },
        ["points"] = 5m,
        ["created"] = new DateTimeOffset(2026, 1, 2, 10, 30, 0, TimeSpan.Zero),
        ["assignee"] = null,
        ["empty"] = Array.Empty<string>(),
        ["active"] = true,
    };

    private static bool? Eval(string where) => ClientEvaluator.Evaluate(OcnqlParser.ParseWhere(where), name => Record.GetValueOrDefault(name));

    [Theory]
    [InlineData("status = 'in progress'", true)]
    [InlineData("status = '3'", true)]
    [InlineData("status != 'Done'", true)]
    [InlineData("status IN ('Done', 'In Progress')", true)]
    [InlineData("status NOT IN ('Done', 'In Progress')", false)]
    [InlineData("summary LIKE 'disk%'", true)]
    [InlineData("summary LIKE '%db-0_'", false)]
    [InlineData("summary LIKE '%db-01'", true)]
    [InlineData("summary NOT LIKE '%full%'", false)]
    [InlineData("labels = 'URGENT'", true)]
    [InlineData("labels != 'urgent'", false)]
    [InlineData("labels != 'x'", true)]
    [InlineData("labels IN ('x', 'ops')", true)]
    [InlineData("points > 4 AND points <= 5", true)]
    [InlineData("points = 5.0", true)]
    [InlineData("points < '10'", true)]
    [InlineData("created > '2026-01-02'", true)]
    [InlineData("created < '2026-01-02 10:30'", false)]
    [InlineData("created = '2026-01-02T10:30:00Z'", true)]
    [InlineData("assignee IS NULL AND empty IS NULL", true)]
    [InlineData("summary IS NOT NULL", true)]
    [InlineData("active = true AND active != false", true)]
    public void Definite_answers(string where, bool expected)
    {
        Assert.Equal(expected, Eval(where));
    }

    [Theory]
    [InlineData("assignee = 'x'")]
    [InlineData("assignee != 'x'")]
    [InlineData("NOT assignee = 'x'")]
    [InlineData("empty NOT IN ('x')")]
    [InlineData("assignee = 'x' OR points = 1")]
    public void Conditions_on_empty_fields_are_unknown(string where)
    {
        Assert.Null(Eval(where));
        Assert.False(ClientEvaluator.Matches(OcnqlParser.ParseWhere(where), name => Record.GetValueOrDefault(name)));
    }

    [Theory]
    [InlineData("assignee = 'x' OR points = 5", true)]
    [InlineData("assignee = 'x' AND points = 1", false)]
    public void Unknown_gives_way_to_a_definite_side(string where, bool expected)
    {
        Assert.Equal(expected, Eval(where));
    }

    [Fact]
    public void A_date_field_against_a_word_is_unknown_not_an_error()
    {
        Assert.Null(Eval("created > 'yesterday'"));
    }
}
