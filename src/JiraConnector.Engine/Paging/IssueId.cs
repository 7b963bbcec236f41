using System.Text.Json;

namespace JiraConnector.Paging
{
    /// <summary>An issue's id as the parallel reads compare it: Jira writes it as a string; a number is taken as written.</summary>
    internal static class IssueId
    {
        public static string Of(JsonElement issue) =>
            issue.ValueKind == JsonValueKind.Object && issue.TryGetProperty("id", out var id)
                ? (id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText())
                : string.Empty;
    }
}
