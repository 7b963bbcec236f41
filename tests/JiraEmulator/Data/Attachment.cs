namespace JiraEmulator.Data;

/// <summary>A file attached to an issue. The bytes live in memory: seeded files are a few hundred bytes each.</summary>
public sealed class Attachment
{
    public required long Id { get; init; }
    public required Issue Issue { get; init; }
    public required User Author { get; init; }
    public required string Filename { get; init; }
    public required string MimeType { get; init; }
    public required byte[] Content { get; init; }
    public required DateTimeOffset Created { get; init; }
}
