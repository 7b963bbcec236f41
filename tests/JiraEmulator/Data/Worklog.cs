using System.Text.Json.Nodes;

namespace JiraEmulator.Data;

public sealed class Worklog
{
    public required long Id { get; init; }
    public required Issue Issue { get; init; }
    public required User Author { get; init; }
    public required User UpdateAuthor { get; set; }
    public string? Comment { get; set; }
    public required DateTimeOffset Started { get; set; }
    public required long TimeSpentSeconds { get; set; }
    public required DateTimeOffset Created { get; init; }
    public required DateTimeOffset Updated { get; set; }

    public Visibility? Visibility { get; set; }

    /// <summary>Entity properties sent with the record (key to JSON value); null when there are none, as for nearly every seeded one.</summary>
    public Dictionary<string, JsonNode?>? Properties { get; set; }
}
