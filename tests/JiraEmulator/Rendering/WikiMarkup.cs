using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JiraEmulator.Http;

namespace JiraEmulator.Rendering;

/// <summary>
/// Jira's wiki markup, the form text fields are kept in (what /rest/api/2 and Data Center send and read), to and from
/// the Atlassian Document Format that /rest/api/3 speaks, for the markup Jira's converter is most often fed:
/// headings (h1. to h6.), *bold* and _italic_ (at word edges, so snake_case_names stay plain), bullet (*) and
/// numbered (#) lists nested by repeating the marker (** or #*), paragraphs separated by a blank line, and single line
/// breaks within a paragraph (hardBreak). Anything else is text.
/// </summary>
public static partial class WikiMarkup
{
    [GeneratedRegex(@"^h([1-6])\.\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^([*#]+)\s+(.*)$")]
    private static partial Regex ListItem();

    /// <summary>*bold* and _italic_: the marker at a word edge, the text not starting or ending with a space.</summary>
    [GeneratedRegex(@"(?<![\w*])\*(?![\s*])(?<bold>.+?)(?<![\s*])\*(?![\w*])|(?<![\w_])_(?![\s_])(?<italic>.+?)(?<![\s_])_(?![\w_])")]
    private static partial Regex Emphasis();

    private abstract record Block;
    private sealed record HeadingBlock(int Level, string Text) : Block;
    private sealed record ParagraphBlock(List<string> Lines) : Block;
    private sealed record ListBlock(List<(string Markers, string Text)> Items) : Block;

    /// <summary>The text as an ADF document. Text with no blocks at all (empty) is one empty paragraph.</summary>
    public static void WriteDocument(Utf8JsonWriter w, string text)
    {
        w.WriteStartObject();
        w.WriteString("type", "doc");
        w.WriteNumber("version", 1);
        w.WriteStartArray("content");
        var blocks = Parse(text);
        if (blocks.Count == 0) blocks.Add(new ParagraphBlock([""]));
        foreach (var block in blocks) WriteBlock(w, block);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The text's blocks: a blank line closes the paragraph or list open before it, a heading stands alone, a
    /// list runs while its lines carry markers.</summary>
    private static List<Block> Parse(string text)
    {
        var blocks = new List<Block>();
        Block? open = null;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            string line = raw.TrimEnd();
            if (line.Length == 0)
            {
                open = null;
            }
            else if (Heading().Match(line) is { Success: true } heading)
            {
                blocks.Add(new HeadingBlock(heading.Groups[1].Value[0] - '0', heading.Groups[2].Value));
                open = null;
            }
            else if (ListItem().Match(line) is { Success: true } item)
            {
                if (open is ListBlock list) list.Items.Add((item.Groups[1].Value, item.Groups[2].Value));
                else blocks.Add(open = new ListBlock([(item.Groups[1].Value, item.Groups[2].Value)]));
            }
            else if (open is ParagraphBlock paragraph)
            {
                paragraph.Lines.Add(line);
            }
            else
            {
                blocks.Add(open = new ParagraphBlock([line]));
            }
        }
        return blocks;
    }

    private static void WriteBlock(Utf8JsonWriter w, Block block)
    {
        switch (block)
        {
            case HeadingBlock heading:
                w.WriteStartObject();
                w.WriteString("type", "heading");
                w.WriteStartObject("attrs");
                w.WriteNumber("level", heading.Level);
                w.WriteEndObject();
                w.WriteStartArray("content");
                WriteInline(w, heading.Text, []);
                w.WriteEndArray();
                w.WriteEndObject();
                break;
            case ParagraphBlock paragraph:
                WriteParagraph(w, paragraph.Lines);
                break;
            case ListBlock list:
                for (int i = 0; i < list.Items.Count;) i = WriteList(w, list.Items, i, 1);
                break;
        }
    }

    private static void WriteParagraph(Utf8JsonWriter w, IReadOnlyList<string> lines)
    {
        w.WriteStartObject();
        w.WriteString("type", "paragraph");
        w.WriteStartArray("content");
        for (int i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                w.WriteStartObject();
                w.WriteString("type", "hardBreak");
                w.WriteEndObject();
            }
            WriteInline(w, lines[i], []);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// One list at <paramref name="depth"/> from item <paramref name="i"/>: bulletList or orderedList by the marker at that
    /// depth, its items each a paragraph followed by any deeper lists. Returns the first item it did not take (one
    /// shallower, or of the other kind at the same depth, which starts a list of its own).
    /// </summary>
    private static int WriteList(Utf8JsonWriter w, List<(string Markers, string Text)> items, int i, int depth)
    {
        bool ordered = items[i].Markers.Length >= depth && items[i].Markers[depth - 1] == '#';
        w.WriteStartObject();
        w.WriteString("type", ordered ? "orderedList" : "bulletList");
        w.WriteStartArray("content");
        while (i < items.Count && items[i].Markers.Length >= depth)
        {
            var (markers, text) = items[i];
            if (markers.Length == depth && (markers[depth - 1] == '#') != ordered) break;
            w.WriteStartObject();
            w.WriteString("type", "listItem");
            w.WriteStartArray("content");
            if (markers.Length == depth)
            {
                WriteParagraph(w, [text]);
                i++;
            }
            while (i < items.Count && items[i].Markers.Length > depth) i = WriteList(w, items, i, depth + 1);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        return i;
    }

    private static void WriteInline(Utf8JsonWriter w, string text, IReadOnlyList<string> marks)
    {
        int at = 0;
        foreach (Match match in Emphasis().Matches(text))
        {
            WriteText(w, text[at..match.Index], marks);
            bool bold = match.Groups["bold"].Success;
            WriteInline(w, bold ? match.Groups["bold"].Value : match.Groups["italic"].Value, [.. marks, bold ? "strong" : "em"]);
            at = match.Index + match.Length;
        }
        WriteText(w, text[at..], marks);
    }

    private static void WriteText(Utf8JsonWriter w, string text, IReadOnlyList<string> marks)
    {
        if (text.Length == 0) return;
        w.WriteStartObject();
        w.WriteString("type", "text");
        w.WriteString("text", text);
        if (marks.Count > 0)
        {
            w.WriteStartArray("marks");
            foreach (var mark in marks)
            {
                w.WriteStartObject();
                w.WriteString("type", mark);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>An ADF document as wiki markup: blocks one per line (an empty paragraph is an empty line), headings as
    /// hN., strong and em marks as *…* and _…_, list items behind their markers, hard breaks as line breaks.</summary>
    public static string FromAdf(JsonObject document)
    {
        var lines = new List<string>();
        AppendBlocks(document["content"] as JsonArray, lines, "");
        return string.Join("\n", lines).TrimEnd('\n');
    }

    private static void AppendBlocks(JsonArray? content, List<string> lines, string markers)
    {
        foreach (var node in content?.OfType<JsonObject>() ?? [])
        {
            switch (TypeOf(node))
            {
                case "paragraph":
                    lines.Add(Inline(node));
                    break;
                case "heading":
                    int level = node["attrs"]?["level"] is JsonValue l && l.TryGetValue(out int n) ? Math.Clamp(n, 1, 6) : 1;
                    lines.Add($"h{level}. {Inline(node)}");
                    break;
                case "bulletList" or "orderedList":
                    string marker = markers + (TypeOf(node) == "orderedList" ? "#" : "*");
                    foreach (var item in (node["content"] as JsonArray)?.OfType<JsonObject>() ?? [])
                    {
                        var parts = (item["content"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
                        var lead = parts.FirstOrDefault(p => TypeOf(p) == "paragraph");
                        if (lead is not null) lines.Add($"{marker} {Inline(lead)}");
                        AppendBlocks(new JsonArray(parts.Where(p => p != lead).Select(p => p.DeepClone()).ToArray()), lines, marker);
                    }
                    break;
                default:
                    // codeBlock, blockquote, panels ...: their text, as it is.
                    if (node["content"] is JsonArray inner && inner.OfType<JsonObject>().Any(c => TypeOf(c) != "text" && TypeOf(c) != "hardBreak"))
                        AppendBlocks(inner, lines, markers);
                    else
                        lines.Add(Inline(node));
                    break;
            }
        }
    }

    private static string Inline(JsonObject node)
    {
        var text = new StringBuilder();
        foreach (var child in (node["content"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            switch (TypeOf(child))
            {
                case "text":
                    string value = child.GetString("text") ?? "";
                    var marks = (child["marks"] as JsonArray)?.OfType<JsonObject>().Select(TypeOf).ToList() ?? [];
                    if (value.Length > 0 && marks.Contains("em")) value = $"_{value}_";
                    if (value.Length > 0 && marks.Contains("strong")) value = $"*{value}*";
                    text.Append(value);
                    break;
                case "hardBreak":
                    text.Append('\n');
                    break;
                default:
                    // mention, emoji, date ...: the text Jira shows for them.
                    text.Append(child["attrs"]?["text"]?.ToString() ?? Inline(child));
                    break;
            }
        }
        return text.ToString();
    }

    private static string? TypeOf(JsonObject node) => node.GetString("type");
}
