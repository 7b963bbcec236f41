using System.Collections.Generic;
using System.IO;
using System.Text;

// The rows both parts of the bulk benchmark upload, made in C# so that making them (between timed
// runs) runs no PowerShell loop, whose compilation would spill into the next timed run.
public static class BulkBenchInputs
{
    public const string Header = "project.key,issuetype.name,summary,priority.name,labels";

    public static void WriteCsv(string path, int rows, string tag)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine(Header);
        for (var row = 1; row <= rows; row++) writer.WriteLine($"OPS,Task,{tag} row {row},High,bench;l{row % 7}");
    }

    // The same rows as the module sends them, 50 to a body: the fields, and the marker property
    // every created issue carries.
    public static List<string> Bodies(int rows, string tag)
    {
        var bodies = new List<string>();
        var body = new StringBuilder();
        for (var start = 1; start <= rows; start += 50)
        {
            body.Clear().Append("{\"issueUpdates\":[");
            for (var row = start; row < start + 50 && row <= rows; row++)
            {
                if (row > start) body.Append(',');
                body.Append("{\"fields\":{\"project\":{\"key\":\"OPS\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"").Append(tag).Append(" row ").Append(row)
                    .Append("\",\"priority\":{\"name\":\"High\"},\"labels\":[\"bench\",\"l").Append(row % 7).Append("\"]},")
                    .Append("\"properties\":[{\"key\":\"jiraconnector.bulk\",\"value\":{\"job\":\"").Append(tag).Append("\",\"row\":").Append(row).Append("}}]}");
            }
            bodies.Add(body.Append("]}").ToString());
        }
        return bodies;
    }
}
