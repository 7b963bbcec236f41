namespace JiraEmulator.Data;

/// <summary>A version of a project (what issues' fixVersions and versions name). Dates are days, as Jira keeps them.</summary>
public sealed class ProjectVersion : INumbered
{
    public required long Id { get; init; }
    public required Project Project { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public bool Archived { get; set; }
    public bool Released { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? ReleaseDate { get; set; }
}

/// <summary>A component of a project, with who is assigned issues created in it (assigneeType).</summary>
public sealed class ProjectComponent : INumbered
{
    public static readonly IReadOnlyList<string> AssigneeTypes = ["PROJECT_DEFAULT", "COMPONENT_LEAD", "PROJECT_LEAD", "UNASSIGNED"];

    public required long Id { get; init; }
    public required Project Project { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public User? Lead { get; set; }
    public string AssigneeType { get; set; } = "PROJECT_DEFAULT";

    /// <summary>Who an issue in this component goes to: the project default and PROJECT_LEAD both mean the project lead
    /// on the emulated site; COMPONENT_LEAD without a lead is not valid, and falls back to the project lead.</summary>
    public (string Type, User? Assignee, bool Valid) RealAssignee() => AssigneeType switch
    {
        "COMPONENT_LEAD" when Lead is not null => ("COMPONENT_LEAD", Lead, true),
        "COMPONENT_LEAD" => ("PROJECT_LEAD", Project.Lead, false),
        "UNASSIGNED" => ("UNASSIGNED", null, true),
        _ => ("PROJECT_LEAD", Project.Lead, true),
    };
}
