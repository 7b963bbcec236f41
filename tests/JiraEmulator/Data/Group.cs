namespace JiraEmulator.Data;

/// <summary>A group. Cloud addresses groups by GroupId (a UUID) or name; Data Center by name only.</summary>
public sealed record Group(string GroupId, string Name);

public static class Groups
{
    /// <summary>The groups the seeded users belong to, with fixed ids.</summary>
    public static IReadOnlyList<Group> From(IReadOnlyList<User> users) =>
        users.SelectMany(u => u.Groups).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((name, i) => new Group($"00000000-0000-4000-9000-{i + 1:x12}", name))
            .ToArray();
}
