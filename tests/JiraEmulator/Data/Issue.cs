using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace JiraEmulator.Data;

/// <summary>
/// One issue, held in memory. Fields are references to catalog and user objects rather than copies,
/// so 100,000 issues stay small and JQL compares references. Writers replace whole values
/// (for example a new Labels array) so a concurrent reader never sees a half-edited field.
/// </summary>
public sealed class Issue
{
    public required long Id { get; init; }
    public required string Key { get; init; }
    public required Project Project { get; init; }
    public required int Number { get; init; }
    public required string Summary { get; set; }
    public string? Description { get; set; }
    public required Status Status { get; set; }
    public required IssueType IssueType { get; set; }
    public required Priority Priority { get; set; }
    public User? Assignee { get; set; }
    public required User Reporter { get; set; }

    /// <summary>Who created the issue; unlike the reporter it never changes. Seeded issues leave it null (their reporter).</summary>
    public User? CreatedBy { get; init; }

    public User Creator => CreatedBy ?? Reporter;
    public string[] Labels { get; set; } = [];
    public ProjectComponent[] Components { get; set; } = [];
    public ProjectVersion[] FixVersions { get; set; } = [];

    /// <summary>The "versions" field, which Jira names Affects versions.</summary>
    public ProjectVersion[] AffectsVersions { get; set; } = [];

    /// <summary>The sprint field: every sprint the issue has been in, closed ones first, at most one open one.</summary>
    public Sprint[] Sprints { get; set; } = [];
    public required DateTimeOffset Created { get; init; }
    public required DateTimeOffset Updated { get; set; }
    public Resolution? Resolution { get; set; }
    public DateTimeOffset? ResolutionDate { get; set; }
    public double? StoryPoints { get; set; }

    /// <summary>The due date: a day, as Jira keeps it.</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>Time tracking estimates in seconds; null when not estimated. Time spent is the sum of the worklogs.</summary>
    public long? OriginalEstimate { get; set; }
    public long? RemainingEstimate { get; set; }

    /// <summary>The seconds logged on the issue (null when nothing is), as Jira's timespent.</summary>
    public long? TimeSpent
    {
        get
        {
            lock (Gate) return Worklogs.Count == 0 ? null : Worklogs.Sum(w => w.TimeSpentSeconds);
        }
    }

    /// <summary>Guards Comments, Worklogs, Attachments, Links, History and Watchers, which change in place.</summary>
    public Lock Gate { get; } = new();

    public List<Comment> Comments { get; } = [];
    public List<Worklog> Worklogs { get; } = [];
    public List<Attachment> Attachments { get; } = [];
    public List<IssueLink> Links { get; } = [];
    public List<ChangeHistory> History { get; } = [];
    public HashSet<User> Watchers { get; } = [];

    private ConcurrentDictionary<string, JsonNode?>? properties;

    /// <summary>Issue properties (entity properties), created on first use because most issues never have any.</summary>
    public ConcurrentDictionary<string, JsonNode?> Properties =>
        LazyInitializer.EnsureInitialized(ref properties, () => new ConcurrentDictionary<string, JsonNode?>(StringComparer.Ordinal));

    public bool HasProperties => properties is { IsEmpty: false };
}
