using JiraEmulator.Data;

namespace JiraEmulator.Events;

/// <summary>
/// Something that changed, as Jira's webhooks name it: WebhookEvent is "jira:issue_created",
/// "comment_created" ...; IssueEventTypeName is "issue_created", "issue_updated", "issue_commented" ...
/// </summary>
public sealed record JiraEvent(
    string WebhookEvent,
    string? IssueEventTypeName,
    Issue Issue,
    User User,
    DateTimeOffset Timestamp,
    ChangeHistory? Changelog = null,
    Comment? Comment = null,
    Worklog? Worklog = null,
    string? PropertyKey = null);
