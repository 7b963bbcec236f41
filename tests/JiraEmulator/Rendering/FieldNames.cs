namespace JiraEmulator.Rendering;

/// <summary>Display names for expand=names and the field list.</summary>
public static class FieldNames
{
    public static string DisplayName(string field) => field switch
    {
        "issuetype" => "Issue Type",
        "resolutiondate" => "Resolved",
        "statuscategorychangedate" => "Status Category Changed",
        "fixVersions" => "Fix versions",
        "versions" => "Affects versions",
        "duedate" => "Due date",
        "subtasks" => "Sub-tasks",
        "issuelinks" => "Linked Issues",
        "customfield_10016" => "Story point estimate",
        "comment" => "Comment",
        "worklog" => "Log Work",
        "attachment" => "Attachment",
        _ => char.ToUpperInvariant(field[0]) + field[1..],
    };
}
