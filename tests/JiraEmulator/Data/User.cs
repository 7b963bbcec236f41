namespace JiraEmulator.Data;

/// <summary>
/// A Jira user. Cloud identifies users by AccountId; Data Center by Name (login) and Key,
/// so both are kept and the renderer picks per deployment.
/// </summary>
public sealed class User
{
    public required int Index { get; init; }
    public required string AccountId { get; init; }
    public required string DisplayName { get; init; }
    public required string EmailAddress { get; init; }
    public required bool Active { get; init; }
    public required string Name { get; init; }
    public required string Key { get; init; }
    public string AccountType { get; init; } = "atlassian";
    public string TimeZone { get; init; } = "Etc/UTC";
    public string Locale { get; init; } = "en_US";
    public bool IsAdmin { get; init; }
    /// <summary>The names of the user's groups. Replaced whole (under JiraData's lock) when a membership changes.</summary>
    public IReadOnlyList<string> Groups { get; set; } = [];
}
