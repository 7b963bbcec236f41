namespace JiraEmulator.Data;

/// <summary>Everything the emulated site knows: users, groups, projects and issues. One instance per server.</summary>
public sealed class JiraData
{
    private readonly Lock gate = new();
    private readonly List<Project> projects;
    private readonly List<User> users;
    private readonly List<Group> groups;
    private User[]? usersSnapshot;
    private Group[]? groupsSnapshot;
    private int groupsEver;

    public JiraData(IReadOnlyList<User> users, List<Project> projects, IssueStore issues)
    {
        this.users = users.ToList();
        this.projects = projects;
        Issues = issues;
        // The groups the seeded users belong to, by name, numbered in that order.
        groups = users.SelectMany(u => u.Groups).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((name, i) => new Group(Group.IdFor(i + 1), name)).ToList();
        groupsEver = groups.Count;
        foreach (var type in Catalog.DefaultLinkTypes()) LinkTypes.Add(type);
    }

    /// <summary>The site's issue link types: Jira's four, then those an admin adds from 10004.</summary>
    public Registry<IssueLinkType> LinkTypes { get; } = new(10004);

    /// <summary>Every user, in index order; a snapshot, so readers never see a half-made change.</summary>
    public IReadOnlyList<User> Users
    {
        get { lock (gate) return usersSnapshot ??= users.ToArray(); }
    }

    /// <summary>Every group, by name order of creation (the seeded ones alphabetically).</summary>
    public IReadOnlyList<Group> Groups
    {
        get { lock (gate) return groupsSnapshot ??= groups.ToArray(); }
    }

    /// <summary>Adds a user with the next index, and the accountId, key and avatar that index gives (as the seeded ones have).</summary>
    public User AddUser(Func<int, User> create)
    {
        lock (gate)
        {
            var user = create(users.Count == 0 ? 0 : users.Max(u => u.Index) + 1);
            users.Add(user);
            usersSnapshot = null;
            return user;
        }
    }

    public bool RemoveUser(User user)
    {
        lock (gate)
        {
            usersSnapshot = null;
            return users.Remove(user);
        }
    }

    /// <summary>A new group with the next id; null when the name is taken (names are unique, ignoring case).</summary>
    public Group? AddGroup(string name)
    {
        lock (gate)
        {
            if (groups.Any(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase))) return null;
            var group = new Group(Group.IdFor(++groupsEver), name);
            groups.Add(group);
            groupsSnapshot = null;
            return group;
        }
    }

    /// <summary>Deletes a group and every membership in it.</summary>
    public void RemoveGroup(Group group)
    {
        lock (gate)
        {
            groups.Remove(group);
            groupsSnapshot = null;
            foreach (var user in users) user.Groups = user.Groups.Where(g => g != group.Name).ToArray();
        }
    }

    /// <summary>Adds or removes a membership; false when there was nothing to change.</summary>
    public bool SetMember(User user, Group group, bool member)
    {
        lock (gate)
        {
            if (user.Groups.Contains(group.Name) == member) return false;
            user.Groups = member ? [.. user.Groups, group.Name] : user.Groups.Where(g => g != group.Name).ToArray();
            return true;
        }
    }

    /// <summary>Comments, worklogs and change histories by id, across all issues.</summary>
    public Records Records { get; } = new();

    public IssueStore Issues { get; }

    public Registry<ProjectVersion> Versions { get; } = new(10000);

    public Registry<ProjectComponent> Components { get; } = new(10000);

    public Registry<Filter> Filters { get; } = new(10000);

    /// <summary>Jira Software numbers boards and sprints from 1.</summary>
    public Registry<Board> Boards { get; } = new(1);

    public Registry<Sprint> Sprints { get; } = new(1);

    private long nextSharePermissionId = 10000;

    /// <summary>Share permission ids count across all filters, as Jira numbers them.</summary>
    public long NewSharePermissionId() => Interlocked.Increment(ref nextSharePermissionId) - 1;

    public IReadOnlyList<Project> Projects
    {
        get { lock (gate) return projects.ToArray(); }
    }

    public Project? FindProject(string idOrKey)
    {
        lock (gate)
        {
            return projects.FirstOrDefault(p => p.Id == idOrKey || string.Equals(p.Key, idOrKey, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>The next free project id (one above the largest, as ids are never reused).</summary>
    public string NewProjectId()
    {
        lock (gate)
        {
            long next = projects.Count == 0 ? 10000 : projects.Max(p => long.Parse(p.Id, System.Globalization.CultureInfo.InvariantCulture)) + 1;
            next = Math.Max(next, ++lastProjectId);
            lastProjectId = next;
            return next.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private long lastProjectId;

    public void AddProject(Project project)
    {
        lock (gate) projects.Add(project);
    }

    public bool RemoveProject(Project project)
    {
        lock (gate) return projects.Remove(project);
    }

    /// <summary>
    /// Resolves a user the way JQL and the REST parameters accept one: accountId, email address,
    /// Data Center name or key, or display name (all case-insensitive except accountId).
    /// </summary>
    public User? FindUser(string value) =>
        Users.FirstOrDefault(u => u.AccountId == value)
        ?? Users.FirstOrDefault(u =>
            string.Equals(u.EmailAddress, value, StringComparison.OrdinalIgnoreCase)
            || string.Equals(u.Name, value, StringComparison.OrdinalIgnoreCase)
            || string.Equals(u.Key, value, StringComparison.OrdinalIgnoreCase)
            || string.Equals(u.DisplayName, value, StringComparison.OrdinalIgnoreCase));
}
