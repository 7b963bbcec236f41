using JiraConnector.Query;

namespace JiraConnector.Tests.Unit.Query;

public sealed class OcnqlParserTests
{
    [Theory]
    [InlineData("a = 1 OR b = 2 AND c = 3", "a = 1 OR b = 2 AND c = 3")]
    [InlineData("(a = 1 OR b = 2) AND c = 3", "(a = 1 OR b = 2) AND c = 3")]
    [InlineData("NOT a = 1 AND b = 2", "NOT a = 1 AND b = 2")]
    [InlineData("not (a = 1 or b = 2)", "NOT (a = 1 OR b = 2)")]
    [InlineData("status != 'Done'", "status != 'Done'")]
    [InlineData("status <> 'Done'", "status != 'Done'")]
    [InlineData("x <= -1.5 and y >= 2 and z < 3 and w > 4", "x <= -1.5 AND y >= 2 AND z < 3 AND w > 4")]
    [InlineData("summary like 'it''s%'", "summary LIKE 'it''s%'")]
    [InlineData("summary NOT LIKE '%x%'", "summary NOT LIKE '%x%'")]
    [InlineData("labels in ('a','b') and labels not in ('c')", "labels IN ('a', 'b') AND labels NOT IN ('c')")]
    [InlineData("assignee is null or reporter IS NOT NULL", "assignee IS NULL OR reporter IS NOT NULL")]
    [InlineData("`Story Points` > 3 AND `project.key` = 'OPS'", "`Story Points` > 3 AND `project.key` = 'OPS'")]
    [InlineData("active = true", "active = true")]
    public void Parses_and_prints_back(string text, string printed)
    {
        Assert.Equal(printed, OcnqlParser.ParseWhere(text).ToString());
    }

    [Fact]
    public void AND_binds_tighter_than_OR()
    {
        var tree = Assert.IsType<OrExpression>(OcnqlParser.ParseWhere("a = 1 OR b = 2 AND c = 3"));
        Assert.IsType<ComparisonExpression>(tree.Left);
        Assert.IsType<AndExpression>(tree.Right);
    }

    [Fact]
    public void A_doubled_quote_is_one_quote_in_the_value()
    {
        var comparison = Assert.IsType<ComparisonExpression>(OcnqlParser.ParseWhere("summary = 'O''Brien'"));
        Assert.Equal("O'Brien", comparison.Value.Value);
    }

    [Fact]
    public void The_whole_statement_parses()
    {
        var statement = OcnqlParser.ParseStatement("SELECT key, `Story Points` FROM incidents WHERE status = 'Done' ORDER BY created DESC, key LIMIT 10");

        Assert.Equal(["key", "Story Points"], statement.Fields);
        Assert.Equal("incidents", statement.ObjectName);
        Assert.Equal("status = 'Done'", statement.Where!.ToString());
        Assert.Equal(["created DESC", "key ASC"], statement.OrderBy.Select(o => o.ToString()));
        Assert.Equal(10, statement.Limit);
    }

    [Fact]
    public void Select_star_and_child_paths_parse()
    {
        var statement = OcnqlParser.ParseStatement("select * from incidents/OPS-1/comments");
        Assert.Null(statement.Fields);
        Assert.Equal("incidents/OPS-1/comments", statement.ObjectName);
        Assert.Null(statement.Where);
    }

    [Theory]
    [InlineData("status = ", 9, "a value")]
    [InlineData("status = 'Done' AND", 19, "a field name")]
    [InlineData("status == 'Done'", 8, "a value")]
    [InlineData("status = Done", 9, "strings and dates go in single quotes")]
    [InlineData("(status = 'Done'", 16, "')'")]
    [InlineData("status = 'Done", 14, "a closing '")]
    [InlineData("status IN 'Done'", 10, "'('")]
    [InlineData("labels IN ('a' 'b')", 15, "',' or ')'")]
    [InlineData("status ~ 'x'", 7, "a field, a value or an operator")]
    [InlineData("status 'Done'", 7, "a comparison operator")]
    [InlineData("assignee IS EMPTY", 12, "NULL")]
    [InlineData("status = 'Done' 'x'", 16, "AND, OR or the end")]
    [InlineData("AND = 1", 0, "a field name")]
    [InlineData("summary LIKE 5", 13, "a quoted pattern")]
    [InlineData("x NOT = 1", 6, "LIKE or IN after NOT")]
    public void A_syntax_error_names_its_position_and_what_was_expected(string text, int position, string expected)
    {
        var error = Assert.Throws<OcnqlSyntaxException>(() => OcnqlParser.ParseWhere(text));

        Assert.Equal(position, error.Position);
        Assert.Contains(expected, error.Expected);
        Assert.StartsWith($"Syntax error at position {position}: expected ", error.Message);
    }

    [Theory]
    [InlineData("select from incidents", 7)]
    [InlineData("select * incidents", 9)]
    [InlineData("select * from incidents limit 0", 30)]
    [InlineData("select * from incidents order key", 30)]
    [InlineData("select * from incidents where", 29)]
    public void Statement_errors_name_their_position(string text, int position)
    {
        Assert.Equal(position, Assert.Throws<OcnqlSyntaxException>(() => OcnqlParser.ParseStatement(text)).Position);
    }
}
