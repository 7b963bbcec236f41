using JiraConnector.Query;

namespace JiraConnector.Tests.Unit.Query;

/// <summary>The words a text condition sends to Jira's ~ must be whole tokens of Jira's index, or
/// real Jira loses issues the client would keep. Lucene keeps "node.js", "don't", "1,000" and
/// "10:30" as one token each, so no word is cut out of them. (The emulator's ~ is a substring
/// test and cannot show this, hence these exact strings.)</summary>
public sealed class JqlTextSearchTests
{
    [Theory]
    [InlineData("summary = 'Upgrade node.js now'", "summary ~ \"Upgrade now\" ORDER BY key ASC")]
    [InlineData("summary = 'Don''t crash on 1,000 rows'", "summary ~ \"crash rows\" ORDER BY key ASC")]
    [InlineData("summary = 'Error: disk, full.'", "summary ~ \"Error disk full\" ORDER BY key ASC")]
    [InlineData("summary LIKE '%backup at 10:30 today%'", "summary ~ \"tod*\" ORDER BY key ASC")]
    [InlineData("summary LIKE 'Disk full.%'", "summary ~ \"Disk ful*\" ORDER BY key ASC")]
    [InlineData("description LIKE '(urgent) \"prod\" down!%'", "description ~ \"urgent prod down\" ORDER BY key ASC")]
    [InlineData("summary = 'v2.1.0 foo_bar a-b x@y.com'", "project IS NOT EMPTY ORDER BY key ASC")]
    public void Only_whole_index_tokens_become_search_terms(string where, string jql)
    {
        var translation = new JqlTranslator().Translate(OcnqlParser.ParseWhere(where));

        Assert.Equal(jql, translation.Jql);
        Assert.False(translation.IsExact);
    }

    /// <summary>A stand-in for Lucene's tokenizer on the characters that matter here: a soft break
    /// (. , ; : ') between two letters or digits does not end a token. Every term sent for a
    /// pattern must be such a token (or a token prefix, for term*) of every text that matches it.</summary>
    [Fact]
    public void Every_term_is_a_token_of_every_text_the_pattern_matches()
    {
        var random = new Random(7);
        string[] pieces = ["node", ".", "js", " ", "don", "'", "t", ",", "1", "000", ":", "30", "disk", "full", "(", ")", "%", "%", "abc"];
        for (var i = 0; i < 2000; i++)
        {
            var pattern = string.Concat(Enumerable.Range(0, random.Next(1, 9)).Select(_ => pieces[random.Next(pieces.Length)]));
            // A text the pattern matches: each % replaced by a random filler.
            var text = string.Concat(pattern.Split('%').Select((part, n) => (n == 0 ? string.Empty : pieces[random.Next(pieces.Length - 2)]) + part));
            var tokens = Tokens(text);
            foreach (var term in LikePattern.SearchTerms(pattern))
            {
                var found = term.EndsWith('*')
                    ? tokens.Any(t => t.StartsWith(term.TrimEnd('*'), StringComparison.OrdinalIgnoreCase))
                    : tokens.Contains(term, StringComparer.OrdinalIgnoreCase);
                Assert.True(found, $"pattern '{pattern}', text '{text}': term '{term}' is not a token of [{string.Join("|", tokens)}]");
            }
        }
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var joins = ".,;:'".Contains(c) && current.Length > 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
            if (char.IsLetterOrDigit(c) || joins) { current.Append(c); continue; }
            if (current.Length > 0) tokens.Add(current.ToString());
            current.Clear();
        }
        if (current.Length > 0) tokens.Add(current.ToString());
        return tokens;
    }
}
