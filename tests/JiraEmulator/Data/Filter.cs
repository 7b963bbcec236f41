namespace JiraEmulator.Data;

/// <summary>
/// A saved search. Its owner sees and edits it; share permissions let others see it (global and authenticated:
/// everyone; group: its members; project and project role: everyone, since every user browses every project of the
/// emulated site; user: that user), edit permissions let them change it too.
/// </summary>
public sealed class Filter : INumbered
{
    public required long Id { get; init; }
    public required User Owner { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string Jql { get; set; } = "";

    /// <summary>Guards Favourites and the permission lists, which change in place.</summary>
    public Lock Gate { get; } = new();
    public HashSet<User> Favourites { get; } = [];
    public List<SharePermission> SharePermissions { get; } = [];
    public List<SharePermission> EditPermissions { get; } = [];

    public bool IsVisibleTo(User user) => user == Owner || Covers(SharePermissions, user) || Covers(EditPermissions, user);

    public bool IsEditableBy(User user) => user == Owner || Covers(EditPermissions, user);

    private bool Covers(List<SharePermission> permissions, User user)
    {
        lock (Gate) return permissions.Any(p => p.Covers(user));
    }
}

/// <summary>One share of a filter: Type is user, group, project, projectRole, global or authenticated (Jira Data
/// Center calls the last "loggedin"); the member for the type is set.</summary>
public sealed record SharePermission(long Id, string Type, Group? Group = null, Project? Project = null, ProjectRole? Role = null, User? User = null)
{
    public bool Covers(User user) => Type switch
    {
        "group" => user.Groups.Contains(Group!.Name),
        "user" => user == User,
        _ => true,
    };
}
