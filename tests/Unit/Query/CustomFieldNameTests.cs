using System.Management.Automation;
using JiraConnector.Query;
using JiraConnector.Tests.Unit.Support;

namespace JiraConnector.Tests.Unit.Query;

/// <summary>Custom fields in OCNQL: by name in square brackets (the form that survives a
/// double-quoted PowerShell string) and as JQL's cf[N]; and the warning when the JQL sent has no
/// filter left.</summary>
public sealed class CustomFieldNameTests(CloudEmulator cloud) : IClassFixture<CloudEmulator>, IDisposable
{
    private readonly ModuleHost _host = new();

    [Theory]
    [InlineData("[Story point estimate] > 5", "Story point estimate")]
    [InlineData("[ Story point estimate ] > 5", "Story point estimate")]
    [InlineData("cf[10016] > 5", "cf[10016]")]
    [InlineData("CF[10016] > 5", "cf[10016]")]
    public void Bracketed_names_and_cf_numbers_parse_as_field_names(string text, string field)
    {
        var comparison = Assert.IsType<ComparisonExpression>(OcnqlParser.ParseWhere(text));

        Assert.Equal(field, comparison.Field);
        Assert.Equal(ComparisonOperator.Greater, comparison.Operator);
    }

    [Fact]
    public void Cf_numbers_and_named_custom_fields_become_exact_jql()
    {
        var translator = new JqlTranslator(name => name == "Story point estimate" ? "customfield_10016" : null);

        Assert.Equal("cf[10016] >= 3 ORDER BY key ASC", translator.Translate(OcnqlParser.ParseWhere("cf[10016] >= 3")).Jql);
        Assert.Equal("cf[10016] > 5 ORDER BY key ASC", translator.Translate(OcnqlParser.ParseWhere("[Story point estimate] > 5")).Jql);
        var statement = OcnqlParser.ParseStatement("select key, [Story point estimate], cf[10016] from incidents where cf[10016] > 1");
        Assert.Equal(new[] { "key", "Story point estimate", "cf[10016]" }, statement.Fields);
    }

    [Theory]
    [InlineData("select key, 'Story point estimate' from incidents", "[Story point estimate]")]
    [InlineData("cf[abc] > 1", "cf[10016]")]
    [InlineData("[Story point estimate > 1", "closing ]")]
    public void A_name_in_the_wrong_form_says_which_form_works(string text, string hint)
    {
        var error = Assert.Throws<OcnqlSyntaxException>(() =>
        {
            if (text.StartsWith("select", StringComparison.Ordinal)) OcnqlParser.ParseStatement(text);
            else OcnqlParser.ParseWhere(text);
        });

        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_custom_field_in_a_double_quoted_PowerShell_string_selects_and_filters()
    {
        _host.ConnectTo(cloud, "cloud");

        // The script text is what a user types at the prompt, double quotes and all.
        var rows = _host.Run("Invoke-JiraQuery -Query \"select key, [Story point estimate] from incidents where [Story point estimate] > 3 limit 5\"");
        var cf = _host.Run("Invoke-JiraQuery incidents \"cf[10016] > 3\" -First 5");

        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.True(Convert.ToDouble(r.Properties["Story point estimate"].Value, System.Globalization.CultureInfo.InvariantCulture) > 3));
        Assert.Equal(rows.Select(r => r.Properties["key"].Value), cf.Select(r => r.Properties["Key"].Value));
    }

    [Fact]
    public void A_query_whose_jql_has_no_filter_left_warns_and_prints_the_client_filter_in_parentheses()
    {
        _host.ConnectTo(cloud, "cloud");

        using var scan = _host.Create("Invoke-JiraQuery incidents \"summary LIKE '%isk%' OR status = 'Done'\" -First 1");
        scan.Invoke();
        using var convert = _host.Create("ConvertTo-JiraJql \"summary LIKE '%isk%' OR status = 'Done'\"");
        convert.Invoke();
        using var narrowed = _host.Create("Invoke-JiraQuery incidents \"project = 'OPS' AND (summary LIKE '%isk%' OR status = 'Done')\" -First 1 -Verbose");
        narrowed.Invoke();

        foreach (var shell in new[] { scan, convert })
        {
            var warning = Assert.Single(shell.Streams.Warning).Message;
            Assert.Contains("has no filter left", warning, StringComparison.Ordinal);
            Assert.Contains("(summary LIKE '%isk%' OR status = 'Done')", warning, StringComparison.Ordinal);
        }
        Assert.Empty(narrowed.Streams.Warning);
        Assert.Contains(narrowed.Streams.Verbose, v => v.Message.Contains("checks (project = 'OPS' AND (summary LIKE '%isk%' OR status = 'Done'))", StringComparison.Ordinal));
    }

    public void Dispose() => _host.Dispose();
}
