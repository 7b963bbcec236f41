namespace JiraEmulator.Data;

/// <summary>A Jira Software board over one project (its filter is "project = KEY ORDER BY Rank"). Type is scrum or
/// kanban; only scrum boards have sprints.</summary>
public sealed class Board : INumbered
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
    public required Project Project { get; init; }

    public bool HasSprints => Type == "scrum";
}

/// <summary>A sprint of a scrum board: future, then active (with start and end dates), then closed (with a complete
/// date). Issues name their sprints in the sprint field; an issue is in at most one sprint that is not closed.</summary>
public sealed class Sprint : INumbered
{
    public static readonly IReadOnlyList<string> States = ["future", "active", "closed"];

    public required long Id { get; init; }
    public required Board Board { get; init; }
    public required string Name { get; set; }
    public string State { get; set; } = "future";
    public DateTimeOffset? StartDate { get; set; }
    public DateTimeOffset? EndDate { get; set; }
    public DateTimeOffset? CompleteDate { get; set; }
    public required DateTimeOffset CreatedDate { get; init; }
    public string? Goal { get; set; }

    public bool IsOpen => State != "closed";
}
