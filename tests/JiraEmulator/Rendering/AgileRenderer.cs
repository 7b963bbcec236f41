using System.Globalization;
using System.Text.Json;
using JiraEmulator.Data;

namespace JiraEmulator.Rendering;

/// <summary>
/// The Agile API's objects (/rest/agile/1.0): boards, sprints (the SprintBean: dates ISO 8601 with the offset written
/// +00:00, as its examples do), and the sprint field of an issue: on Cloud objects {id, name, state, boardId, goal,
/// dates}, on Data Center the strings its greenhopper plugin writes (com.atlassian.greenhopper.service.sprint.Sprint@…[id=1,…]).
/// </summary>
public static class AgileRenderer
{
    public static string AgileRoot(ApiContext api) => $"{api.SiteUrl}/rest/agile/1.0";

    public static void WriteBoard(Utf8JsonWriter w, Board board, ApiContext api)
    {
        w.WriteStartObject();
        w.WriteNumber("id", board.Id);
        w.WriteString("self", $"{AgileRoot(api)}/board/{board.Id}");
        w.WriteString("name", board.Name);
        w.WriteString("type", board.Type);
        w.WriteStartObject("location");
        w.WriteNumber("projectId", long.Parse(board.Project.Id, CultureInfo.InvariantCulture));
        w.WriteString("displayName", $"{board.Project.Name} ({board.Project.Key})");
        w.WriteString("projectName", board.Project.Name);
        w.WriteString("projectKey", board.Project.Key);
        w.WriteString("projectTypeKey", board.Project.ProjectTypeKey);
        w.WriteString("avatarURI", $"{api.SiteUrl}/secure/projectavatar?size=small&pid={board.Project.Id}");
        w.WriteString("name", $"{board.Project.Name} ({board.Project.Key})");
        w.WriteEndObject();
        w.WriteBoolean("isPrivate", false);
        w.WriteEndObject();
    }

    public static void WriteSprint(Utf8JsonWriter w, Sprint sprint, ApiContext api)
    {
        w.WriteStartObject();
        w.WriteNumber("id", sprint.Id);
        w.WriteString("self", $"{AgileRoot(api)}/sprint/{sprint.Id}");
        w.WriteString("state", sprint.State);
        w.WriteString("name", sprint.Name);
        WriteDates(w, sprint);
        w.WriteString("createdDate", Date(sprint.CreatedDate));
        w.WriteNumber("originBoardId", sprint.Board.Id);
        if (sprint.Goal is not null) w.WriteString("goal", sprint.Goal);
        w.WriteEndObject();
    }

    /// <summary>The sprint field (customfield_10020): null when the issue was never in a sprint.</summary>
    public static void WriteSprintField(Utf8JsonWriter w, string name, Sprint[] sprints, ApiContext api)
    {
        if (sprints.Length == 0)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartArray(name);
        foreach (var sprint in sprints)
        {
            if (!api.IsCloud)
            {
                w.WriteStringValue(DataCenterText(sprint));
                continue;
            }
            w.WriteStartObject();
            w.WriteNumber("id", sprint.Id);
            w.WriteString("name", sprint.Name);
            w.WriteString("state", sprint.State);
            w.WriteNumber("boardId", sprint.Board.Id);
            w.WriteString("goal", sprint.Goal ?? "");
            WriteDates(w, sprint);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteDates(Utf8JsonWriter w, Sprint sprint)
    {
        if (sprint.StartDate is { } start) w.WriteString("startDate", Date(start));
        if (sprint.EndDate is { } end) w.WriteString("endDate", Date(end));
        if (sprint.CompleteDate is { } complete) w.WriteString("completeDate", Date(complete));
    }

    public static string Date(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static string DataCenterText(Sprint sprint)
    {
        static string Or(DateTimeOffset? d) => d is { } v ? Date(v) : "<null>";
        return $"com.atlassian.greenhopper.service.sprint.Sprint@{sprint.Id * 7919:x8}[id={sprint.Id},rapidViewId={sprint.Board.Id},state={sprint.State.ToUpperInvariant()},"
            + $"name={sprint.Name},startDate={Or(sprint.StartDate)},endDate={Or(sprint.EndDate)},completeDate={Or(sprint.CompleteDate)},sequence={sprint.Id},goal={sprint.Goal}]";
    }
}
