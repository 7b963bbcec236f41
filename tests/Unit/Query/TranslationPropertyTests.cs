using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using JiraConnector.Http;
using JiraConnector.Paging;
using JiraConnector.Query;
using JiraConnector.Resources;
using JiraConnector.Tests.Unit.Support;
using JiraConnector.Json;
using JiraConnector.Errors;

namespace JiraConnector.Tests.Unit.Query;

/// <summary>For many generated OCNQL clauses, the JQL the translator sends returns from the emulator
/// exactly the incidents that the client-side evaluator selects from the full data set (after the
/// client filter, where the translation is not exact), and never fewer before it.</summary>
public sealed class TranslationPropertyTests(CloudEmulator emulator) : IClassFixture<CloudEmulator>
{
    private const int Cases = 250;

    [Fact]
    public async Task Generated_queries_return_exactly_what_the_evaluator_selects()
    {
        using var client = emulator.CreateClient();
        var all = await SearchAsync(client, JqlTranslator.EveryIssue + " ORDER BY key ASC");
        var generator = new ClauseGenerator(all, new Random(20261129));
        var translator = new JqlTranslator(name => name.Equals("Story Points", StringComparison.OrdinalIgnoreCase) ? "customfield_10016" : null);
        var exact = 0;

        for (var i = 0; i < Cases; i++)
        {
            var clause = generator.Clause(depth: 3);
            var where = OcnqlParser.ParseWhere(clause);
            var translation = translator.Translate(where);
            var expected = all.Where(issue => ClientEvaluator.Matches(where, translator.Fields.ReaderFor(issue))).Select(Key).ToList();

            var fromJira = await SearchAsync(client, translation.Jql);
            var actual = fromJira
                .Where(issue => translation.ClientFilter == null || ClientEvaluator.Matches(translation.ClientFilter, translator.Fields.ReaderFor(issue)))
                .Select(Key).ToList();

            var context = $"case {i}: {clause}\nJQL: {translation.Jql}";
            Assert.True(expected.All(fromJira.Select(Key).ToHashSet().Contains), "the JQL lost incidents. " + context);
            Assert.True(expected.SequenceEqual(actual), $"expected {expected.Count} incidents, got {actual.Count}. {context}");
            if (translation.IsExact) exact++;
        }
        // The generator must exercise both paths, or the property says little.
        Assert.InRange(exact, Cases / 5, Cases - Cases / 10);
    }

    [Theory]
    [InlineData("labels = 'a\" OR labels != \"zzz'")]
    [InlineData("status = 'Done\" OR status != \"Done'")]
    [InlineData("summary LIKE '%\" OR project IS NOT EMPTY OR summary ~ \"%'")]
    [InlineData("assignee = 'admin@example.com\\'' OR assignee IS EMPTY OR assignee = ''x'")]
    [InlineData("labels IN ('ORDER BY key', 'EMPTY', 'null', 'AND', ')')")]
    public async Task Injection_attempts_select_nothing_more_than_their_literal_meaning(string clause)
    {
        using var client = emulator.CreateClient();
        var where = OcnqlParser.ParseWhere(clause);
        var translator = new JqlTranslator();
        var translation = translator.Translate(where);

        List<JsonElement> found;
        try
        {
            found = await SearchAsync(client, translation.Jql);
        }
        catch (JiraApiException ex) when (ex.ErrorId == ErrorIds.InvalidArgument.JiraBadRequest)
        {
            // Jira refusing a value it does not know (no such status or user) is fine: it did not run
            // a different query.
            Assert.DoesNotContain("yntax", ex.Message);
            return;
        }
        var selected = found.Where(i => translation.ClientFilter == null || ClientEvaluator.Matches(translation.ClientFilter, translator.Fields.ReaderFor(i)));
        Assert.Empty(selected);
    }

    private static string Key(JsonElement issue) => issue.GetProperty("key").GetString()!;

    private static async Task<List<JsonElement>> SearchAsync(JiraHttpClient client, string jql)
    {
        var style = new TokenPaging(token => new JiraRequest(HttpMethod.Get, new QueryString()
            .Add("jql", jql).Add("maxResults", 100).Add("fields", "*navigable").Add("nextPageToken", token)
            .AppendTo("rest/api/3/search/jql")));
        var items = new List<JsonElement>();
        await foreach (var item in new PagedReader(client, null).ReadAsync(PageCursor.Start(style), TestContext.Current.CancellationToken)) items.Add(item);
        return items;
    }

    /// <summary>Random clauses over the fields and the values that really occur in the data, so
    /// that most conditions select something and many select a part.</summary>
    private sealed class ClauseGenerator(IReadOnlyList<JsonElement> issues, Random random)
    {
        private readonly string[] _statuses = Distinct(issues, i => Name(i, "status"));
        private readonly string[] _priorities = Distinct(issues, i => Name(i, "priority"));
        private readonly string[] _types = Distinct(issues, i => Name(i, "issuetype"));
        private readonly string[] _projects = Distinct(issues, i => Name(i, "project", "key"));
        private readonly string[] _labels = issues.SelectMany(i => Fields(i).GetProperty("labels").EnumerateArray().Select(l => l.GetString()!)).Distinct().ToArray();
        private readonly string[] _users = Distinct(issues, i => Name(i, "assignee", "emailAddress")).Concat(Distinct(issues, i => Name(i, "assignee", "accountId"))).ToArray();
        private readonly string[] _words = issues.SelectMany(i => Fields(i).GetProperty("summary").GetString()!.Split(' ')).Where(w => w.Length > 3 && w.All(char.IsLetterOrDigit)).Distinct().ToArray();
        private readonly DateTimeOffset[] _created = issues.Select(i => JsonRead.Date(Fields(i), "created")!.Value).ToArray();

        public string Clause(int depth)
        {
            if (depth == 0 || random.Next(3) == 0) return Leaf();
            switch (random.Next(5))
            {
                case 0: return "NOT (" + Clause(depth - 1) + ")";
                case 1: case 2: return "(" + Clause(depth - 1) + " AND " + Clause(depth - 1) + ")";
                default: return "(" + Clause(depth - 1) + " OR " + Clause(depth - 1) + ")";
            }
        }

        private string Leaf()
        {
            switch (random.Next(14))
            {
                case 0: return Equality("status", _statuses);
                case 1: return Equality("priority", _priorities);
                case 2: return Equality(random.Next(2) == 0 ? "type" : "issuetype", _types);
                case 3: return Equality("project", _projects);
                case 4: return Equality("labels", _labels);
                case 5: return random.Next(3) == 0 ? "assignee IS " + (random.Next(2) == 0 ? "NULL" : "NOT NULL") : Equality("assignee", _users);
                case 6: return "resolution IS " + (random.Next(2) == 0 ? "NULL" : "NOT NULL");
                case 7: return "id " + Pick(new[] { "=", "!=", "<", "<=", ">", ">=" }) + " " + (10000 + random.Next(issues.Count));
                case 8: return "`Story Points` " + Pick(new[] { "=", "!=", "<", ">=" }) + " " + random.Next(1, 14);
                case 9: return "customfield_10016 IS " + (random.Next(2) == 0 ? "NULL" : "NOT NULL");
                case 10:
                {
                    var date = Pick(_created).AddMinutes(random.Next(-90, 90));
                    return Pick(new[] { "created", "updated" }) + " " + Pick(new[] { "<", "<=", ">", ">=", "=", "!=" }) + " '" +
                           date.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "'";
                }
                case 11: return "summary " + (random.Next(4) == 0 ? "NOT LIKE" : "LIKE") + " " + Pattern();
                case 12: return "key " + Pick(new[] { "=", "!=" }) + " '" + Key(Pick(issues.ToArray())) + "'";
                default: return "labels " + (random.Next(2) == 0 ? "IS NULL" : "IS NOT NULL");
            }
        }

        private string Equality(string field, string[] values)
        {
            switch (random.Next(4))
            {
                case 0: return field + " = " + Quote(Pick(values));
                case 1: return field + " != " + Quote(Pick(values));
                case 2: return field + " IN (" + Quote(Pick(values)) + ", " + Quote(Pick(values)) + ")";
                default: return field + " NOT IN (" + Quote(Pick(values)) + ")";
            }
        }

        private string Pattern()
        {
            var word = Pick(_words);
            switch (random.Next(4))
            {
                case 0: return Quote(word + "%");
                case 1: return Quote("%" + word + "%");
                case 2: return Quote("%" + word.Substring(1, word.Length - 2) + "%");
                default: return Quote("%" + word + " %");
            }
        }

        private T Pick<T>(T[] values) => values[random.Next(values.Length)];

        private static string Quote(string value) => "'" + value.Replace("'", "''") + "'";

        private static JsonElement Fields(JsonElement issue) => issue.GetProperty("fields");

        private static string? Name(JsonElement issue, string field, string property = "name") =>
            Fields(issue).TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Object && value.TryGetProperty(property, out var name)
                ? name.GetString()
                : null;

        private static string[] Distinct(IEnumerable<JsonElement> issues, Func<JsonElement, string?> read) =>
            issues.Select(read).Where(v => v != null).Select(v => v!).Distinct().ToArray();
    }
}
