namespace JiraEmulator.Data;

/// <summary>Everything the emulated site knows: users, projects and issues. One instance per server.</summary>
public sealed class JiraData
{
    private readonly Lock gate = new();
    private readonly List<Project> projects;

    public JiraData(IReadOnlyList<User> users, List<Project> projects, IssueStore issues)
    {
        Users = users;
        this.projects = projects;
        Issues = issues;
    }

    public IReadOnlyList<User> Users { get; }

    /// <summary>Comments, worklogs and change histories by id, across all issues.</summary>
    public Records Records { get; } = new();

    public IssueStore Issues { get; }

    public Registry<ProjectVersion> Versions { get; } = new(10000);

    public Registry<ProjectComponent> Components { get; } = new(10000);

    public Registry<Filter> Filters { get; } = new(10000);

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
