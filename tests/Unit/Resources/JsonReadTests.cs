using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector.Tests.Unit.Resources;

public sealed class JsonReadTests
{
    [Theory]
    [InlineData("2026-09-25T22:42:39.399-0300", "2026-09-26T01:42:39.399Z")]
    [InlineData("2026-09-25T22:42:39.399+0000", "2026-09-25T22:42:39.399Z")]
    [InlineData("2026-09-25T22:42:39.399+02:00", "2026-09-25T20:42:39.399Z")]
    public void Jira_timestamps_with_colon_less_offsets_parse(string text, string utc)
    {
        using var doc = JsonDocument.Parse($$"""{"created":"{{text}}"}""");

        var date = JsonRead.Date(doc.RootElement, "created");

        Assert.Equal(DateTimeOffset.Parse(utc), date);
    }

    [Fact]
    public void Missing_or_null_values_read_as_null()
    {
        using var doc = JsonDocument.Parse("""{"assignee":null,"labels":null}""");

        Assert.Null(JsonRead.Name(doc.RootElement, "assignee", "displayName"));
        Assert.Null(JsonRead.Date(doc.RootElement, "created"));
        Assert.Empty(JsonRead.Strings(doc.RootElement, "labels"));
    }

    [Fact]
    public void Adf_becomes_plain_text_with_a_line_per_block()
    {
        using var doc = JsonDocument.Parse("""
            {"type":"doc","version":1,"content":[
              {"type":"paragraph","content":[{"type":"text","text":"First "},{"type":"text","text":"line"}]},
              {"type":"paragraph","content":[{"type":"text","text":"Second"},{"type":"hardBreak"},{"type":"text","text":"third"}]}]}
            """);

        Assert.Equal("First line\nSecond\nthird", AdfText.ToPlainText(doc.RootElement));
    }

    [Fact]
    public void Plain_strings_pass_through_unchanged()
    {
        using var doc = JsonDocument.Parse("\"wiki *markup*\"");
        Assert.Equal("wiki *markup*", AdfText.ToPlainText(doc.RootElement));
    }
}
