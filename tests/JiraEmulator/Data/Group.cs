namespace JiraEmulator.Data;

/// <summary>A group. Cloud addresses groups by GroupId (a UUID) or name; Data Center by name only.</summary>
public sealed record Group(string GroupId, string Name)
{
    /// <summary>The fixed id of the n-th group the site ever had (1-based), so seeded ids never depend on the seed.</summary>
    public static string IdFor(int number) => $"00000000-0000-4000-9000-{number:x12}";
}
