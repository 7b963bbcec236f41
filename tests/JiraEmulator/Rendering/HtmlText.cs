using System.Net;

namespace JiraEmulator.Rendering;

/// <summary>
/// A simple stand-in for Jira's wiki renderer, for renderedFields and renderedBody: text is HTML-escaped, blank lines
/// separate paragraphs and single line breaks become &lt;br/&gt;. No wiki markup is interpreted.
/// </summary>
public static class HtmlText
{
    public static string Render(string text)
    {
        var paragraphs = text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(paragraphs.Select(p => "<p>" + string.Join("<br/>\n", p.Split('\n').Select(WebUtility.HtmlEncode)) + "</p>"));
    }

    /// <summary>Jira's rendered dates ("08/Jan/24 9:15 AM", the site's default format).</summary>
    public static string Date(DateTimeOffset value) =>
        value.ToString("dd/MMM/yy h:mm tt", System.Globalization.CultureInfo.InvariantCulture);
}
