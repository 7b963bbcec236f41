namespace JiraEmulator.Data;

public sealed class Project
{
    public required string Id { get; init; }
    public required string Key { get; init; }
    public required string Name { get; set; }
    public required string ProjectTypeKey { get; init; }
    public required User Lead { get; set; }
    public string Description { get; set; } = "";
    public ProjectCategory? Category { get; set; }

    private int lastNumber;

    /// <summary>Issue numbers count per project (OPS-1, OPS-2, ...) and are never reused, as in Jira.</summary>
    public int NextIssueNumber() => Interlocked.Increment(ref lastNumber);
}
