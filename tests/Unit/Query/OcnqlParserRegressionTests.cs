using JiraConnector.Query;

namespace JiraConnector.Tests.Unit.Query;

/// <summary>Inputs that once escaped as exceptions without a position, printed trees that did not
/// parse back, and the vendor's limit-before-where form.</summary>
public sealed class OcnqlParserRegressionTests
{
    [Theory]
    [InlineData("id = 99999999999999999999999999999999", 5, "a number")]
    [InlineData("id = \u0663", 5, "a field, a value or an operator")]
    [InlineData("created > 2026-01-02", 10, "dates go in single quotes: '2026-01-02'")]
    [InlineData("created > 2026-01-02T10:30:00Z", 10, "dates go in single quotes: '2026-01-02T10:30:00Z'")]
    public void Bad_numbers_are_syntax_errors_with_a_position(string text, int position, string expected)
    {
        var error = Assert.Throws<OcnqlSyntaxException>(() => OcnqlParser.ParseWhere(text));

        Assert.Equal(position, error.Position);
        Assert.Contains(expected, error.Expected);
    }

    [Theory]
    [InlineData("`order` = 1", "`order` = 1")]
    [InlineData("`desc` IS NULL AND `Story Points` > 2", "`desc` IS NULL AND `Story Points` > 2")]
    [InlineData("`1st` = 'a'", "`1st` = 'a'")]
    [InlineData("project.key = 'OPS'", "`project.key` = 'OPS'")]
    public void Names_that_need_back_ticks_are_printed_with_them(string text, string printed)
    {
        var tree = OcnqlParser.ParseWhere(text);

        Assert.Equal(printed, tree.ToString());
        Assert.Equal(printed, OcnqlParser.ParseWhere(tree.ToString()!).ToString());
    }

    [Fact]
    public void A_statement_with_keyword_names_prints_back_to_itself()
    {
        var statement = OcnqlParser.ParseStatement("select `from`, key from incidents where `limit` = 1 order by `desc` desc limit 5");

        Assert.Equal("SELECT `from`, key FROM incidents WHERE `limit` = 1 ORDER BY `desc` DESC LIMIT 5", statement.ToString());
        Assert.Equal(statement.ToString(), OcnqlParser.ParseStatement(statement.ToString()).ToString());
    }

    [Fact]
    public void The_limit_may_come_before_the_where_clause_as_in_the_vendor_tests()
    {
        var statement = OcnqlParser.ParseStatement("select * from contacts limit 100 where id = 12");

        Assert.Equal(100, statement.Limit);
        Assert.Equal("id = 12", statement.Where!.ToString());
        Assert.Equal("SELECT * FROM contacts WHERE id = 12 LIMIT 100", statement.ToString());
    }

    [Fact]
    public void A_second_limit_is_refused()
    {
        var error = Assert.Throws<OcnqlSyntaxException>(() => OcnqlParser.ParseStatement("select * from contacts limit 1 where id = 12 limit 2"));

        Assert.Equal(45, error.Position);
    }

    [Fact]
    public void Custom_field_ids_take_only_ascii_digits()
    {
        Assert.Throws<OcnqlTranslationException>(() => new JqlTranslator().Translate(OcnqlParser.ParseWhere("`customfield_\u0661\u0662` = 1")));
    }

    /// <summary>Whatever tree the parser can build, its printed form parses to a tree that prints
    /// the same: ConvertTo-JiraJql and error messages show OCNQL that users can paste back.</summary>
    [Fact]
    public void Printed_trees_parse_back_to_the_same_text()
    {
        var random = new Random(20261129);
        string[] fields = ["status", "order", "Story Points", "project.key", "_x", "desc", "a1", "LIMIT", "by", "NULL"];
        string[] values = ["'Done'", "'it''s'", "'%a_b%'", "''", "0", "-1.5", "12345678901234567890", "true", "FALSE", "'2026-01-02'"];
        for (var i = 0; i < 500; i++)
        {
            var text = Clause(random, fields, values, depth: 4);
            var printed = OcnqlParser.ParseWhere(text).ToString()!;
            Assert.Equal(printed, OcnqlParser.ParseWhere(printed).ToString());
        }
    }

    private static string Clause(Random random, string[] fields, string[] values, int depth)
    {
        if (depth > 0)
        {
            switch (random.Next(5))
            {
                case 0: return Clause(random, fields, values, depth - 1) + " AND " + Clause(random, fields, values, depth - 1);
                case 1: return Clause(random, fields, values, depth - 1) + " or " + Clause(random, fields, values, depth - 1);
                case 2: return "NOT " + Clause(random, fields, values, depth - 1);
                case 3: return "(" + Clause(random, fields, values, depth - 1) + ")";
            }
        }
        var field = "`" + fields[random.Next(fields.Length)] + "`";
        var value = values[random.Next(values.Length)];
        switch (random.Next(7))
        {
            case 0: return field + " IS NULL";
            case 1: return field + " IS NOT NULL";
            case 2: return field + " IN (" + value + ", " + values[random.Next(values.Length)] + ")";
            case 3: return field + " NOT IN (" + value + ")";
            case 4: return field + " LIKE '%x'";
            case 5: return field + " NOT LIKE 'x%'";
            default: return field + " " + new[] { "=", "!=", "<", "<=", ">", ">=", "<>" }[random.Next(7)] + " " + value;
        }
    }
}
