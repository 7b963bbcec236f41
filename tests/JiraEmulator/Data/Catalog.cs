namespace JiraEmulator.Data;

public sealed record StatusCategory(int Id, string Key, string Name, string ColorName);

public sealed record Status(string Id, string Name, string Description, StatusCategory Category);

public sealed record IssueType(string Id, string Name, string Description, bool Subtask, int HierarchyLevel, int AvatarId);

/// <summary>Rank orders priorities for ORDER BY priority (Highest has the largest rank).</summary>
public sealed record Priority(string Id, string Name, string Description, string StatusColor, int Rank);

public sealed record ProjectCategory(string Id, string Name, string Description);

public sealed record Resolution(string Id, string Name, string Description);

public sealed record ProjectRole(long Id, string Name);

/// <summary>
/// The fixed reference data of a default Jira site. Ids follow Jira's usual defaults so that
/// anything a client hard-codes from real Jira documentation still lines up.
/// </summary>
public static class Catalog
{
    public static readonly StatusCategory NoCategory = new(1, "undefined", "No Category", "medium-gray");
    public static readonly StatusCategory ToDoCategory = new(2, "new", "To Do", "blue-gray");
    public static readonly StatusCategory DoneCategory = new(3, "done", "Done", "green");
    public static readonly StatusCategory InProgressCategory = new(4, "indeterminate", "In Progress", "yellow");

    public static readonly IReadOnlyList<StatusCategory> StatusCategories = [NoCategory, ToDoCategory, DoneCategory, InProgressCategory];

    public static readonly Status Backlog = new("10003", "Backlog", "Not yet planned.", ToDoCategory);
    public static readonly Status ToDo = new("10000", "To Do", "Work that has not been started.", ToDoCategory);
    public static readonly Status InProgress = new("3", "In Progress", "This issue is being actively worked on.", InProgressCategory);
    public static readonly Status InReview = new("10002", "In Review", "Waiting for review.", InProgressCategory);
    public static readonly Status Done = new("10001", "Done", "Work has been completed.", DoneCategory);

    /// <summary>Workflow order: used for ORDER BY status and for the transitions list.</summary>
    public static readonly IReadOnlyList<Status> Statuses = [Backlog, ToDo, InProgress, InReview, Done];

    public static readonly IReadOnlyList<IssueType> IssueTypes =
    [
        new("10000", "Epic", "A big user story that needs to be broken down.", false, 1, 10307),
        new("10001", "Task", "A small, distinct piece of work.", false, 0, 10318),
        new("10002", "Story", "Functionality or a feature expressed as a user goal.", false, 0, 10315),
        new("10004", "Bug", "A problem or error.", false, 0, 10303),
        new("10003", "Subtask", "A small piece of work that's part of a larger task.", true, -1, 10316),
    ];

    public static readonly IReadOnlyList<Priority> Priorities =
    [
        new("1", "Highest", "This problem will block progress.", "#d04437", 5),
        new("2", "High", "Serious problem that could block progress.", "#f15C75", 4),
        new("3", "Medium", "Has the potential to affect progress.", "#f79232", 3),
        new("4", "Low", "Minor problem or easily worked around.", "#707070", 2),
        new("5", "Lowest", "Trivial problem with little or no impact on progress.", "#999999", 1),
    ];

    public static readonly IReadOnlyList<Resolution> Resolutions =
    [
        new("10000", "Done", "Work has been completed on this issue."),
        new("10001", "Won't Do", "This issue won't be actioned."),
        new("10002", "Duplicate", "The problem is a duplicate of an existing issue."),
    ];

    public static readonly IReadOnlyList<ProjectCategory> ProjectCategories =
    [
        new("10000", "Engineering", "Products and platforms."),
        new("10001", "Business", "Teams outside engineering."),
    ];

    /// <summary>Jira Cloud's default project roles (10002, Administrators, is the one the seeded permission scheme names).</summary>
    public static readonly IReadOnlyList<ProjectRole> ProjectRoles = [new(10002, "Administrators"), new(10001, "Developers"), new(10000, "Users")];

    /// <summary>Jira Cloud's default link types, made anew for each site (an admin can change them).</summary>
    public static IEnumerable<IssueLinkType> DefaultLinkTypes() =>
    [
        new(10000, "Blocks", "is blocked by", "blocks"),
        new(10001, "Cloners", "is cloned by", "clones"),
        new(10002, "Duplicate", "is duplicated by", "duplicates"),
        new(10003, "Relates", "relates to", "relates to"),
    ];

    public static readonly IReadOnlyList<string> Labels = ["backend", "frontend", "urgent", "customer", "tech-debt", "security", "infra", "ux"];

    /// <summary>The custom field seeded on issues: story points, as Jira Cloud numbers it.</summary>
    public const string StoryPointsField = Fields.StoryPoints;
}
