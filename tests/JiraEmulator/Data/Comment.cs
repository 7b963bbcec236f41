namespace JiraEmulator.Data;

/// <summary>An issue comment. The body is stored as plain text and rendered as ADF on /rest/api/3.</summary>
public sealed class Comment
{
    public required long Id { get; init; }
    public required Issue Issue { get; init; }
    public required User Author { get; init; }
    public required User UpdateAuthor { get; set; }
    public required string Body { get; set; }
    public required DateTimeOffset Created { get; init; }
    public required DateTimeOffset Updated { get; set; }
}
