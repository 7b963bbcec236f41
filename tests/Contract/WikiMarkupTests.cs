using System.Text.Json.Nodes;
using JiraConnector.Tests.Contract.Infrastructure;

namespace JiraConnector.Tests.Contract;

/// <summary>
/// Wiki markup written through /rest/api/2 on Cloud and read through /rest/api/3 comes back as the document Jira's
/// converter makes of it: headings, strong and em marks, bullet and ordered lists (nested), paragraphs at blank lines
/// and hard breaks within them; a document written through v3 reads back through v2 as the same markup.
/// </summary>
[Collection(CloudWriters.Name)]
public sealed class WikiMarkupTests(CloudJira cloud)
{
    private async Task<JsonNode> V3DescriptionAsync(string wiki)
    {
        var client = cloud.Client();
        string body = new JsonObject
        {
            ["fields"] = new JsonObject
            {
                ["project"] = new JsonObject { ["key"] = "OPS" }, ["issuetype"] = new JsonObject { ["name"] = "Task" },
                ["summary"] = "Wiki markup", ["description"] = wiki,
            },
        }.ToJsonString();
        var created = await client.SendAsync("POST", "rest/api/2/issue", body);
        Assert.Equal(201, created.Status);
        var issue = await client.CallAsync("getIssue", "GET", $"rest/api/3/issue/{created.Json["key"]}?fields=description", null, 200);
        var doc = issue.Json["fields"]!["description"]!;
        Assert.Equal("doc", doc["type"]!.GetValue<string>());
        return doc;
    }

    /// <summary>A node as a compact outline, e.g. heading(2)[text"Title"] or paragraph[text"a"(strong),hardBreak].</summary>
    private static string Outline(JsonNode node)
    {
        string type = node["type"]!.GetValue<string>();
        if (type == "text")
        {
            var marks = node["marks"]?.AsArray().Select(m => m!["type"]!.GetValue<string>()).ToArray() ?? [];
            return $"text\"{node["text"]!.GetValue<string>()}\"" + (marks.Length > 0 ? $"({string.Join(",", marks)})" : "");
        }
        string level = node["attrs"]?["level"] is { } l ? $"({l})" : "";
        var content = node["content"]?.AsArray().Select(c => Outline(c!)).ToArray();
        return type + level + (content is null ? "" : $"[{string.Join(",", content)}]");
    }

    private static string[] Blocks(JsonNode doc) => doc["content"]!.AsArray().Select(b => Outline(b!)).ToArray();

    [Fact]
    public async Task Headings_h1_to_h6_become_heading_nodes_with_their_level()
    {
        var doc = await V3DescriptionAsync("h1. Title\nh3. Part *two*\nh6. Small");
        Assert.Equal(["heading(1)[text\"Title\"]", "heading(3)[text\"Part \",text\"two\"(strong)]", "heading(6)[text\"Small\"]"], Blocks(doc));
    }

    [Fact]
    public async Task Bold_and_italic_become_marks_at_word_edges_only()
    {
        var doc = await V3DescriptionAsync("A *bold* and _italic_ word, *_both_*, but snake_case_name and 2*3*4 stay plain.");
        Assert.Equal(
            ["paragraph[text\"A \",text\"bold\"(strong),text\" and \",text\"italic\"(em),text\" word, \",text\"both\"(strong,em),text\", but snake_case_name and 2*3*4 stay plain.\"]"],
            Blocks(doc));
    }

    [Fact]
    public async Task Line_breaks_are_hard_breaks_and_blank_lines_separate_paragraphs()
    {
        var doc = await V3DescriptionAsync("first line\nsecond line\n\nnext paragraph");
        Assert.Equal(["paragraph[text\"first line\",hardBreak,text\"second line\"]", "paragraph[text\"next paragraph\"]"], Blocks(doc));
    }

    [Fact]
    public async Task Star_and_hash_lines_become_bullet_and_ordered_lists_nested_by_depth()
    {
        var doc = await V3DescriptionAsync("Steps:\n* one\n** one.a\n* two\n\n# first\n# second");
        Assert.Equal(
        [
            "paragraph[text\"Steps:\"]",
            "bulletList[listItem[paragraph[text\"one\"],bulletList[listItem[paragraph[text\"one.a\"]]]],listItem[paragraph[text\"two\"]]]",
            "orderedList[listItem[paragraph[text\"first\"]],listItem[paragraph[text\"second\"]]]",
        ], Blocks(doc));
    }

    [Fact]
    public async Task A_document_written_through_v3_reads_back_through_v2_as_markup_and_through_v3_as_the_same_document()
    {
        var client = cloud.Client();
        const string doc = """
            {"type":"doc","version":1,"content":[
              {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Plan"}]},
              {"type":"paragraph","content":[{"type":"text","text":"Do "},{"type":"text","text":"this","marks":[{"type":"strong"}]},{"type":"hardBreak"},{"type":"text","text":"then that"}]},
              {"type":"bulletList","content":[{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"item"}]}]}]}]}
            """;
        string key = await client.NewIssueAsync(extraFields: $",\"description\":{doc}");
        var v2 = (await client.GetAsync($"rest/api/2/issue/{key}?fields=description")).Json["fields"]!["description"]!.GetValue<string>();
        Assert.Equal("h2. Plan\nDo *this*\nthen that\n* item", v2);
        var v3 = (await client.GetAsync($"rest/api/3/issue/{key}?fields=description")).Json["fields"]!["description"]!;
        Assert.Equal(Blocks(JsonNode.Parse(doc)!), Blocks(v3));
    }

    [Fact]
    public async Task Comments_written_as_markup_through_v2_read_as_documents_through_v3()
    {
        var client = cloud.Client();
        string key = await client.NewIssueAsync();
        Assert.Equal(201, (await client.SendAsync("POST", $"rest/api/2/issue/{key}/comment", """{"body":"*Done*, see\n# the log"}""")).Status);
        var comments = await client.CallAsync("getComments", "GET", $"rest/api/3/issue/{key}/comment", null, 200);
        Assert.Equal(["paragraph[text\"Done\"(strong),text\", see\"]", "orderedList[listItem[paragraph[text\"the log\"]]]"],
            Blocks(comments.Json["comments"]![0]!["body"]!));
    }
}
