using JiraConnector.Query;

namespace JiraConnector.Tests.Unit.Query;

public sealed class JqlTranslatorTests
{
    private static JqlTranslation Translate(string where, string? orderBy = null) =>
        new JqlTranslator(name => name == "Story Points" ? "customfield_10016" : null)
            .Translate(OcnqlParser.ParseWhere(where), orderBy == null ? null : OcnqlParser.ParseOrderBy(orderBy));

    [Theory]
    [InlineData("status = 'Done'", "status = \"Done\" ORDER BY key ASC")]
    [InlineData("status != 'Done' AND project IN ('OPS', 'WEB')", "status != \"Done\" AND project IN (\"OPS\", \"WEB\") ORDER BY key ASC")]
    [InlineData("NOT (status = 'Done' OR labels = 'x')", "status != \"Done\" AND labels != \"x\" ORDER BY key ASC")]
    [InlineData("NOT assignee IS NULL", "assignee IS NOT EMPTY ORDER BY key ASC")]
    [InlineData("labels NOT IN ('a', 'b')", "labels NOT IN (\"a\", \"b\") ORDER BY key ASC")]
    [InlineData("id >= 10010 AND id < 10020", "id >= 10010 AND id < 10020 ORDER BY key ASC")]
    [InlineData("`Story Points` > 3", "cf[10016] > 3 ORDER BY key ASC")]
    [InlineData("customfield_10016 IN (1, 2)", "cf[10016] IN (1, 2) ORDER BY key ASC")]
    [InlineData("key = 'OPS-1' OR type = 'Bug'", "(key = \"OPS-1\" OR issuetype = \"Bug\") ORDER BY key ASC")]
    public void Exact_translations(string where, string jql)
    {
        var translation = Translate(where);

        Assert.Equal(jql, translation.Jql);
        Assert.True(translation.IsExact);
    }

    [Theory]
    [InlineData("summary LIKE 'Disk full%'", "summary ~ \"Disk ful*\" ORDER BY key ASC")]
    [InlineData("summary LIKE '%disk full%'", "summary ~ \"ful*\" ORDER BY key ASC")]
    [InlineData("summary = 'Disk full'", "summary ~ \"Disk full\" ORDER BY key ASC")]
    [InlineData("created > '2026-01-02'", "created >= \"2026-01-01 00:00\" ORDER BY key ASC")]
    [InlineData("created = '2026-01-02 10:30'", "(created >= \"2026-01-01 10:30\" AND created <= \"2026-01-03 10:30\") ORDER BY key ASC")]
    [InlineData("status = 'Done' AND summary LIKE '%x%'", "status = \"Done\" ORDER BY key ASC")]
    [InlineData("summary NOT LIKE 'x%'", "summary IS NOT EMPTY ORDER BY key ASC")]
    public void Narrowed_translations_keep_the_whole_clause_for_the_client(string where, string jql)
    {
        var translation = Translate(where);

        Assert.Equal(jql, translation.Jql);
        Assert.False(translation.IsExact);
        Assert.Equal(OcnqlParser.ParseWhere(where).ToString(), translation.ClientFilter!.ToString());
    }

    [Fact]
    public void An_OR_with_a_side_the_server_cannot_narrow_is_not_narrowed_at_all()
    {
        var translation = Translate("status = 'Done' OR summary LIKE '%a%'");

        Assert.Equal(JqlTranslator.EveryIssue + " ORDER BY key ASC", translation.Jql);
        Assert.False(translation.IsExact);
    }

    [Theory]
    [InlineData("status = 'x\" OR project = \"OPS'")]
    [InlineData("labels = 'a\" OR labels != \"zzz'")]
    [InlineData("status = 'Done\\\" OR status != \\\"x'")]
    [InlineData("labels IN ('ORDER BY key', 'EMPTY', 'null', 'AND', ')')")]
    public void Quotes_backslashes_and_keywords_in_values_stay_inside_one_literal(string where)
    {
        var jql = Translate(where).Jql;
        var comparison = (ComparisonExpression)OcnqlParser.ParseWhere(where);

        foreach (var value in comparison.Values)
        {
            var escaped = value.Text.Replace("\\", "\\\\").Replace("\"", "\\\"");
            Assert.Contains("\"" + escaped + "\"", jql);
        }
        // Outside the literals only the translator's own words remain.
        var outside = System.Text.RegularExpressions.Regex.Replace(jql, "\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        Assert.DoesNotContain(" OR ", outside);
        Assert.EndsWith(" ORDER BY key ASC", outside);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(outside, "ORDER BY"));
    }

    [Theory]
    [InlineData("created > 'yesterday'", "created is a date")]
    [InlineData("id = 'OPS-1'", "id is a number")]
    [InlineData("nonsense = 1", "'nonsense' is not an incident field")]
    [InlineData("`Sprint Goal` = 'x'", "'Sprint Goal' is not an incident field")]
    public void Bad_fields_and_values_are_named(string where, string message)
    {
        var error = Assert.Throws<OcnqlTranslationException>(() => Translate(where));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Order_by_translates_and_breaks_ties_by_key()
    {
        Assert.Equal("project IS NOT EMPTY ORDER BY created DESC, priority ASC, key ASC", new JqlTranslator().Translate(null, OcnqlParser.ParseOrderBy("created desc, priority")).Jql);
    }

    [Fact]
    public void A_control_character_in_a_value_is_refused()
    {
        Assert.Throws<OcnqlTranslationException>(() => Translate("labels = 'a\u0001b'"));
    }
}
