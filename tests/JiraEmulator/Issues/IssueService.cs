using System.Globalization;
using System.Text.Json.Nodes;
using JiraEmulator.Data;
using JiraEmulator.Events;

namespace JiraEmulator.Issues;

/// <summary>
/// Every write to issues: create, edit, transition, delete. Each write records a changelog entry
/// (what Jira's history and webhooks show), bumps "updated", invalidates cached searches, and
/// publishes the webhook event.
/// </summary>
public sealed class IssueService(JiraData data, EventBus events, TimeProvider time)
{
    public Issue Create(IssueInput input, User caller)
    {
        var now = time.GetUtcNow();
        var project = input.Project!;
        int number = project.NextIssueNumber();
        var issue = new Issue
        {
            Id = data.Issues.AllocateId(),
            Key = $"{project.Key}-{number}",
            Project = project,
            Number = number,
            Summary = input.Summary.Value,
            Description = input.Description.HasValue ? input.Description.Value : null,
            Status = Catalog.ToDo,
            IssueType = input.IssueType!,
            Priority = input.Priority.HasValue ? input.Priority.Value : Catalog.Priorities[2],
            Assignee = input.Assignee.HasValue ? input.Assignee.Value : null,
            Reporter = input.Reporter.HasValue ? input.Reporter.Value : caller,
            CreatedBy = caller,
            Labels = input.Labels.Apply([]),
            Components = input.Components.Apply([]),
            FixVersions = input.FixVersions.Apply([]),
            AffectsVersions = input.AffectsVersions.Apply([]),
            Created = now,
            Updated = now,
            StoryPoints = input.StoryPoints.HasValue ? input.StoryPoints.Value : null,
            Sprints = input.Sprint is { HasValue: true, Value: { } sprint } ? [sprint] : [],
            DueDate = input.DueDate.HasValue ? input.DueDate.Value : null,
            OriginalEstimate = input.OriginalEstimate.HasValue ? input.OriginalEstimate.Value : null,
            // An issue estimated at creation has all of its estimate left.
            RemainingEstimate = input.RemainingEstimate.HasValue ? input.RemainingEstimate.Value
                : input.OriginalEstimate.HasValue ? input.OriginalEstimate.Value : null,
        };
        issue.Watchers.Add(issue.Reporter);
        SetProperties(issue, input.Properties);
        data.Issues.Add(issue);
        foreach (var body in input.CommentsToAdd) AddComment(issue, body, caller, publish: false);
        events.Publish(new JiraEvent("jira:issue_created", "issue_created", issue, caller, now));
        return issue;
    }

    public void Edit(Issue issue, IssueInput input, User caller)
    {
        var now = time.GetUtcNow();
        var items = new List<ChangeItem>();
        lock (issue.Gate)
        {
            if (input.Summary.HasValue && input.Summary.Value != issue.Summary)
            {
                items.Add(new("summary", "jira", "summary", null, issue.Summary, null, input.Summary.Value));
                issue.Summary = input.Summary.Value;
            }
            if (input.Description.HasValue && input.Description.Value != issue.Description)
            {
                items.Add(new("description", "jira", "description", null, issue.Description, null, input.Description.Value));
                issue.Description = input.Description.Value;
            }
            if (input.IssueType is { } type && type != issue.IssueType)
            {
                items.Add(new("issuetype", "jira", "issuetype", issue.IssueType.Id, issue.IssueType.Name, type.Id, type.Name));
                issue.IssueType = type;
            }
            if (input.Priority.HasValue && input.Priority.Value != issue.Priority)
            {
                items.Add(new("priority", "jira", "priority", issue.Priority.Id, issue.Priority.Name, input.Priority.Value.Id, input.Priority.Value.Name));
                issue.Priority = input.Priority.Value;
            }
            if (input.Assignee.HasValue && input.Assignee.Value != issue.Assignee)
            {
                items.Add(new("assignee", "jira", "assignee", issue.Assignee?.AccountId, issue.Assignee?.DisplayName, input.Assignee.Value?.AccountId, input.Assignee.Value?.DisplayName));
                issue.Assignee = input.Assignee.Value;
            }
            if (input.Reporter.HasValue && input.Reporter.Value != issue.Reporter)
            {
                items.Add(new("reporter", "jira", "reporter", issue.Reporter.AccountId, issue.Reporter.DisplayName, input.Reporter.Value.AccountId, input.Reporter.Value.DisplayName));
                issue.Reporter = input.Reporter.Value;
            }
            var labels = input.Labels.Apply(issue.Labels);
            if (!labels.SequenceEqual(issue.Labels))
            {
                items.Add(new("labels", "jira", "labels", null, string.Join(" ", issue.Labels), null, string.Join(" ", labels)));
                issue.Labels = labels;
            }
            issue.Components = Diff(items, "Component", "components", issue.Components, input.Components.Apply(issue.Components), c => (c.Id, c.Name));
            issue.FixVersions = Diff(items, "Fix Version", "fixVersions", issue.FixVersions, input.FixVersions.Apply(issue.FixVersions), v => (v.Id, v.Name));
            issue.AffectsVersions = Diff(items, "Version", "versions", issue.AffectsVersions, input.AffectsVersions.Apply(issue.AffectsVersions), v => (v.Id, v.Name));
            if (input.Sprint.HasValue) MoveSprint(issue, input.Sprint.Value, items);
            if (input.DueDate.HasValue && input.DueDate.Value != issue.DueDate)
            {
                static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                items.Add(new("duedate", "jira", "duedate", Day(issue.DueDate), Day(issue.DueDate), Day(input.DueDate.Value), Day(input.DueDate.Value)));
                issue.DueDate = input.DueDate.Value;
            }
            var remaining = input.RemainingEstimate;
            if (input.OriginalEstimate.HasValue && input.OriginalEstimate.Value != issue.OriginalEstimate)
            {
                items.Add(new("timeoriginalestimate", "jira", "timeoriginalestimate", Format(issue.OriginalEstimate), Format(issue.OriginalEstimate),
                    Format(input.OriginalEstimate.Value), Format(input.OriginalEstimate.Value)));
                issue.OriginalEstimate = input.OriginalEstimate.Value;
                // Before any work is logged, a new original estimate is also what remains (Jira's legacy time tracking).
                if (!remaining.HasValue && issue.Worklogs.Count == 0) remaining = input.OriginalEstimate;
            }
            if (remaining.HasValue && remaining.Value != issue.RemainingEstimate)
            {
                items.Add(new("timeestimate", "jira", "timeestimate", Format(issue.RemainingEstimate), Format(issue.RemainingEstimate),
                    Format(remaining.Value), Format(remaining.Value)));
                issue.RemainingEstimate = remaining.Value;
            }
            if (input.StoryPoints.HasValue && input.StoryPoints.Value != issue.StoryPoints)
            {
                items.Add(new("Story point estimate", "custom", Catalog.StoryPointsField, null, Format(issue.StoryPoints), null, Format(input.StoryPoints.Value)));
                issue.StoryPoints = input.StoryPoints.Value;
            }
        }
        SetProperties(issue, input.Properties);
        // Properties leave no changelog item, so Record may not mark the store changed; JQL reads them all the same.
        if (input.Properties is not null) data.Issues.MarkChanged();
        foreach (var body in input.CommentsToAdd) AddComment(issue, body, caller, publish: true);
        Record(issue, caller, now, items, "issue_updated");
    }

    /// <summary>Moves the issue to a status; Done sets the resolution, leaving Done clears it (as Jira's default workflow does).</summary>
    public void Transition(Issue issue, Status target, IssueInput? input, User caller)
    {
        if (input is not null) Edit(issue, input, caller);
        var now = time.GetUtcNow();
        var items = new List<ChangeItem>();
        lock (issue.Gate)
        {
            if (target == issue.Status) return;
            items.Add(new("status", "jira", "status", issue.Status.Id, issue.Status.Name, target.Id, target.Name));
            if (target == Catalog.Done && issue.Resolution is null)
            {
                var done = Catalog.Resolutions[0];
                items.Add(new("resolution", "jira", "resolution", null, null, done.Id, done.Name));
                issue.Resolution = done;
                issue.ResolutionDate = now;
            }
            else if (target != Catalog.Done && issue.Resolution is not null)
            {
                items.Add(new("resolution", "jira", "resolution", issue.Resolution.Id, issue.Resolution.Name, null, null));
                issue.Resolution = null;
                issue.ResolutionDate = null;
            }
            issue.Status = target;
        }
        Record(issue, caller, now, items, "issue_generic");
    }

    public void Delete(Issue issue, User caller)
    {
        var now = time.GetUtcNow();
        if (!data.Issues.Remove(issue)) return;
        data.Records.RemoveIssue(issue, now);
        // The other end of each link loses it too, as the link goes with the issue.
        IssueLink[] links;
        lock (issue.Gate) links = issue.Links.ToArray();
        foreach (var link in links) Detach(link);
        events.Publish(new JiraEvent("jira:issue_deleted", "issue_deleted", issue, caller, now));
    }

    public Comment AddComment(Issue issue, string body, User caller, bool publish = true,
        Visibility? visibility = null, Dictionary<string, JsonNode?>? properties = null)
    {
        var now = time.GetUtcNow();
        var comment = new Comment
        {
            Id = data.Records.NewCommentId(), Issue = issue, Author = caller, UpdateAuthor = caller,
            Body = body, Created = now, Updated = now, Visibility = visibility, Properties = properties,
        };
        lock (issue.Gate)
        {
            issue.Comments.Add(comment);
            issue.Updated = now;
        }
        data.Records.Add(comment);
        data.Issues.MarkChanged();
        if (publish) events.Publish(new JiraEvent("comment_created", "issue_commented", issue, caller, now, Comment: comment));
        return comment;
    }

    /// <summary>Visibility and properties change only when given (null leaves them as they are).</summary>
    public void UpdateComment(Comment comment, string body, User caller, Visibility? visibility = null, Dictionary<string, JsonNode?>? properties = null)
    {
        var now = time.GetUtcNow();
        lock (comment.Issue.Gate)
        {
            comment.Body = body;
            if (visibility is not null) comment.Visibility = visibility;
            if (properties is not null) comment.Properties = properties;
            comment.UpdateAuthor = caller;
            comment.Updated = now;
            comment.Issue.Updated = now;
        }
        data.Issues.MarkChanged();
        events.Publish(new JiraEvent("comment_updated", "issue_comment_edited", comment.Issue, caller, now, Comment: comment));
    }

    public void DeleteComment(Comment comment, User caller)
    {
        var now = time.GetUtcNow();
        lock (comment.Issue.Gate)
        {
            comment.Issue.Comments.Remove(comment);
            comment.Issue.Updated = now;
        }
        data.Records.Remove(comment);
        data.Issues.MarkChanged();
        events.Publish(new JiraEvent("comment_deleted", "issue_comment_deleted", comment.Issue, caller, now, Comment: comment));
    }

    /// <summary>Attaches a file; Jira records it in the changelog as an "Attachment" item (to = id, toString = file name).</summary>
    public Attachment AddAttachment(Issue issue, string filename, string mimeType, byte[] content, User caller)
    {
        var now = time.GetUtcNow();
        var attachment = new Attachment
        {
            Id = data.Records.NewAttachmentId(), Issue = issue, Author = caller,
            Filename = filename, MimeType = mimeType, Content = content, Created = now,
        };
        lock (issue.Gate) issue.Attachments.Add(attachment);
        data.Records.Add(attachment);
        string id = attachment.Id.ToString(CultureInfo.InvariantCulture);
        Record(issue, caller, now, [new("Attachment", "jira", "attachment", null, null, id, filename)], "issue_updated");
        return attachment;
    }

    public void DeleteAttachment(Attachment attachment, User caller)
    {
        var now = time.GetUtcNow();
        var issue = attachment.Issue;
        lock (issue.Gate) issue.Attachments.Remove(attachment);
        data.Records.Remove(attachment);
        string id = attachment.Id.ToString(CultureInfo.InvariantCulture);
        Record(issue, caller, now, [new("Attachment", "jira", "attachment", id, attachment.Filename, null, null)], "issue_updated");
    }

    /// <summary>
    /// Links two issues (outward is the from issue). Linking the same pair with the same type again changes nothing and
    /// returns the existing link, as Jira reports a duplicate as created. Each end records a "Link" changelog item that
    /// reads the link from its side ("This issue blocks OPS-2").
    /// </summary>
    public IssueLink Link(IssueLinkType type, Issue outward, Issue inward, User caller)
    {
        IssueLink? link;
        lock (outward.Gate)
        {
            link = outward.Links.FirstOrDefault(l => l.Type == type && l.Outward == outward && l.Inward == inward);
            if (link is not null) return link;
            link = new IssueLink(data.Records.NewLinkId(), type, outward, inward);
            outward.Links.Add(link);
        }
        lock (inward.Gate) inward.Links.Add(link);
        data.Records.Add(link);
        var now = time.GetUtcNow();
        Record(outward, caller, now, [new("Link", "jira", "issuelinks", null, null, inward.Key, $"This issue {type.Outward} {inward.Key}")], "issue_updated");
        Record(inward, caller, now, [new("Link", "jira", "issuelinks", null, null, outward.Key, $"This issue {type.Inward} {outward.Key}")], "issue_updated");
        return link;
    }

    public void Unlink(IssueLink link, User caller)
    {
        Detach(link);
        var now = time.GetUtcNow();
        Record(link.Outward, caller, now, [new("Link", "jira", "issuelinks", link.Inward.Key, $"This issue {link.Type.Outward} {link.Inward.Key}", null, null)], "issue_updated");
        Record(link.Inward, caller, now, [new("Link", "jira", "issuelinks", link.Outward.Key, $"This issue {link.Type.Inward} {link.Outward.Key}", null, null)], "issue_updated");
    }

    private void Detach(IssueLink link)
    {
        lock (link.Outward.Gate) link.Outward.Links.Remove(link);
        lock (link.Inward.Gate) link.Inward.Links.Remove(link);
        data.Records.Remove(link);
        data.Issues.MarkChanged();
    }

    /// <summary>Moves issues into an open sprint (null: to the backlog), each with its Sprint changelog item.</summary>
    public void MoveToSprint(IEnumerable<Issue> issues, Sprint? sprint, User caller)
    {
        var now = time.GetUtcNow();
        foreach (var issue in issues)
        {
            var items = new List<ChangeItem>();
            lock (issue.Gate) MoveSprint(issue, sprint, items);
            Record(issue, caller, now, items, "issue_updated");
        }
    }

    /// <summary>An issue keeps the closed sprints it was in and is in at most one open one: the new one replaces it.</summary>
    private static void MoveSprint(Issue issue, Sprint? sprint, List<ChangeItem> items)
    {
        var after = issue.Sprints.Where(s => !s.IsOpen).ToList();
        if (sprint is not null && !after.Contains(sprint)) after.Add(sprint);
        if (after.SequenceEqual(issue.Sprints)) return;
        static string? Ids(IEnumerable<Sprint> s) => s.Any() ? string.Join(", ", s.Select(x => x.Id)) : null;
        static string? Names(IEnumerable<Sprint> s) => s.Any() ? string.Join(", ", s.Select(x => x.Name)) : null;
        items.Add(new("Sprint", "custom", Fields.Sprint, Ids(issue.Sprints), Names(issue.Sprints), Ids(after), Names(after)));
        issue.Sprints = after.ToArray();
    }

    /// <summary>Takes a deleted version, component or sprint off every issue (of the project, when given), with its
    /// replacement (when the delete names one) in its place. Jira records no changelog for this.</summary>
    public void Replace<T>(Project? project, Func<Issue, T[]> get, Action<Issue, T[]> set, T gone, T? replacement) where T : class
    {
        foreach (var issue in data.Issues.Snapshot().Where(i => project is null || i.Project == project))
        {
            lock (issue.Gate)
            {
                var values = get(issue);
                if (!values.Contains(gone)) continue;
                var kept = values.Where(v => v != gone).ToList();
                if (replacement is not null && !kept.Contains(replacement)) kept.Add(replacement);
                set(issue, kept.ToArray());
            }
        }
        data.Issues.MarkChanged();
    }

    public void Touch(Issue issue, User caller, string webhookEvent, string? propertyKey = null, Worklog? worklog = null)
    {
        var now = time.GetUtcNow();
        lock (issue.Gate) issue.Updated = now;
        data.Issues.MarkChanged();
        events.Publish(new JiraEvent(webhookEvent, null, issue, caller, now, Worklog: worklog, PropertyKey: propertyKey));
    }

    private void Record(Issue issue, User caller, DateTimeOffset now, List<ChangeItem> items, string eventType)
    {
        if (items.Count == 0) return;
        var history = new ChangeHistory(data.Records.NewHistoryId(), caller, now, items);
        lock (issue.Gate)
        {
            issue.History.Add(history);
            issue.Updated = now;
        }
        data.Issues.MarkChanged();
        events.Publish(new JiraEvent("jira:issue_updated", eventType, issue, caller, now, Changelog: history));
    }

    private static void SetProperties(Issue issue, JsonArray? properties)
    {
        if (properties is null) return;
        foreach (var property in properties.OfType<JsonObject>())
        {
            if (property["key"]?.ToString() is { Length: > 0 } key) issue.Properties[key] = property["value"]?.DeepClone();
        }
    }

    /// <summary>One changelog item per value removed (from) and per value added (to), as Jira records components and
    /// versions; returns the new value.</summary>
    private static T[] Diff<T>(List<ChangeItem> items, string field, string fieldId, T[] before, T[] after, Func<T, (long Id, string Name)> describe)
    {
        foreach (var gone in before.Except(after))
            items.Add(new(field, "jira", fieldId, describe(gone).Id.ToString(CultureInfo.InvariantCulture), describe(gone).Name, null, null));
        foreach (var added in after.Except(before))
            items.Add(new(field, "jira", fieldId, null, null, describe(added).Id.ToString(CultureInfo.InvariantCulture), describe(added).Name));
        return after;
    }

    private static string? Format(double? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Format(long? value) => value?.ToString(CultureInfo.InvariantCulture);
}
