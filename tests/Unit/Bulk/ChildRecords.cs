using System.Text;
using System.Text.Json;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>Comment and worklog sources for one incident, each row's text naming it ("{tag} row 3"),
/// and what the emulator holds of them afterwards.</summary>
internal static class ChildRecords
{
    public static string Csv(BulkFiles files, string objectName, string issue, int rows, string tag)
    {
        var text = new StringBuilder(objectName == "comments" ? "issue,body\n" : "issue,timeSpent,started,comment\n");
        for (var row = 1; row <= rows; row++)
        {
            text.Append(objectName == "comments" ? $"{issue},{tag} row {row}\n" : $"{issue},1h,2026-01-05T09:00:00.000+0000,{tag} row {row}\n");
        }
        return files.Write($"{tag}-{objectName}.csv", text.ToString());
    }

    /// <summary>The texts of the incident's comments (bodies) or worklogs (comments), one a record,
    /// read on REST v2 where they are plain strings.</summary>
    public static async Task<List<string>> TextsAsync(BulkHost host, string objectName, string issue)
    {
        var comments = objectName == "comments";
        using var list = await host.GetAsync2(comments ? $"issue/{issue}/comment?maxResults=5000" : $"issue/{issue}/worklog");
        return list.RootElement.GetProperty(comments ? "comments" : "worklogs").EnumerateArray()
            .Select(item => item.TryGetProperty(comments ? "body" : "comment", out var text) ? text.GetString() ?? "" : "")
            .ToList();
    }

    /// <summary>The rows a tag names, as TextsAsync finds them for a job that made rows 1..n.</summary>
    public static IEnumerable<string> Expected(string tag, IEnumerable<int> rows) => rows.Select(r => $"{tag} row {r}").Order();

    /// <summary>The journal as a process killed mid-job leaves it: rows up to <paramref name="answered"/>
    /// done, rows up to <paramref name="sent"/> sent without an answer, the rest never sent, and a
    /// torn last line. Returns the ids the complete run gave each row.</summary>
    public static Dictionary<long, string> Kill(string journal, int answered, int sent)
    {
        var file = Path.Combine(journal, "journal.jsonl");
        var lines = File.ReadAllLines(file);
        var ids = lines.Where(l => l.Contains("\"e\":\"ok\"")).Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("row").GetInt64(), e => e.GetProperty("id").GetString()!);
        var kept = lines.Where(l => l.Contains("\"e\":\"start\"") || l.Contains("\"e\":\"count\"") ||
            (l.Contains("\"e\":\"ok\"") && JsonDocument.Parse(l).RootElement.GetProperty("row").GetInt64() <= answered)).ToList();
        kept.Insert(2, "{\"e\":\"sent\",\"rows\":[" + string.Join(",", Enumerable.Range(1, sent)) + "]}");
        File.WriteAllLines(file, kept.Append("{\"e\":\"ok\",\"row\":"));
        return ids;
    }
}
