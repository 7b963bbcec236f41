using System.Text;

namespace JiraConnector.Tests.Unit.Bulk;

/// <summary>Source files for bulk tests, written to a temporary folder the test owns.</summary>
internal sealed class BulkFiles : IDisposable
{
    public BulkFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "jc-bulk-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public string Write(string name, string content, bool bom = false)
    {
        var path = PathOf(name);
        File.WriteAllText(path, content, new UTF8Encoding(bom));
        return path;
    }

    /// <summary>A CSV of incidents in <paramref name="project"/>; each summary names its row
    /// ("{tag} row 17") so a test can count rows in the emulator. Rows in <paramref name="bad"/>
    /// are broken in the way the dictionary says.</summary>
    public string IncidentCsv(string name, int rows, string tag, string project = "OPS", IReadOnlyDictionary<int, string>? bad = null)
    {
        var text = new StringBuilder("project.key,issuetype.name,summary,priority.name,labels\n");
        for (var row = 1; row <= rows; row++)
        {
            var summary = $"{tag} row {row}";
            var line = (bad != null && bad.TryGetValue(row, out var kind) ? kind : null) switch
            {
                "columns" => $"{project},Task,{summary}\n",
                "quote" => $"{project},Task,{summary} \"quoted\" here,High,a\n",
                "type" => $"{project},NoSuchType,{summary},High,a\n",
                "label" => $"{project},Task,{summary},High,has space\n",
                "project" => $"NOPE,Task,{summary},High,a\n",
                _ => $"{project},Task,{summary},{(row % 2 == 0 ? "High" : "Low")},l{row % 3};shared\n",
            };
            text.Append(line);
        }
        return Write(name, text.ToString());
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
