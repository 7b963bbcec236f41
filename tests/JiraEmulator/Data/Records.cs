namespace JiraEmulator.Data;

/// <summary>
/// Global indexes of comments, worklogs, attachments, issue links and changelog ids. Jira numbers each kind across the whole
/// site, and /comment/list, /worklog/list and /worklog/updated look them up without an issue.
/// </summary>
public sealed class Records
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, Comment> comments = [];
    private readonly Dictionary<long, Worklog> worklogs = [];
    private readonly Dictionary<long, Attachment> attachments = [];
    private readonly Dictionary<long, IssueLink> links = [];
    private readonly List<(long Id, DateTimeOffset Deleted)> deletedWorklogs = [];
    private Worklog[]? worklogsByUpdated;
    private long nextCommentId = 10000, nextWorklogId = 10000, nextHistoryId = 10000, nextAttachmentId = 10000, nextLinkId = 10000;

    public long NewCommentId() => Interlocked.Increment(ref nextCommentId) - 1;
    public long NewWorklogId() => Interlocked.Increment(ref nextWorklogId) - 1;
    public long NewHistoryId() => Interlocked.Increment(ref nextHistoryId) - 1;
    public long NewAttachmentId() => Interlocked.Increment(ref nextAttachmentId) - 1;
    public long NewLinkId() => Interlocked.Increment(ref nextLinkId) - 1;

    public void Add(IssueLink link) { lock (gate) links[link.Id] = link; }

    public void Remove(IssueLink link) { lock (gate) links.Remove(link.Id); }

    public IssueLink? FindLink(long id) { lock (gate) return links.GetValueOrDefault(id); }

    public IssueLink[] Links() { lock (gate) return links.Values.ToArray(); }

    public void Add(Attachment attachment) { lock (gate) attachments[attachment.Id] = attachment; }

    public void Remove(Attachment attachment) { lock (gate) attachments.Remove(attachment.Id); }

    public Attachment? FindAttachment(long id) { lock (gate) return attachments.GetValueOrDefault(id); }

    public void Add(Comment comment) { lock (gate) comments[comment.Id] = comment; }

    public void Remove(Comment comment) { lock (gate) comments.Remove(comment.Id); }

    public Comment? FindComment(long id) { lock (gate) return comments.GetValueOrDefault(id); }

    public void Add(Worklog worklog)
    {
        lock (gate)
        {
            worklogs[worklog.Id] = worklog;
            worklogsByUpdated = null;
        }
    }

    public void Remove(Worklog worklog, DateTimeOffset when)
    {
        lock (gate)
        {
            if (worklogs.Remove(worklog.Id)) deletedWorklogs.Add((worklog.Id, when));
            worklogsByUpdated = null;
        }
    }

    /// <summary>Call after a worklog's Updated changed, so the since-cursor order is rebuilt.</summary>
    public void WorklogTouched() { lock (gate) worklogsByUpdated = null; }

    public Worklog? FindWorklog(long id) { lock (gate) return worklogs.GetValueOrDefault(id); }

    /// <summary>All worklogs, oldest update first (ties by id): the order of /worklog/updated.</summary>
    public Worklog[] WorklogsByUpdated()
    {
        lock (gate)
        {
            return worklogsByUpdated ??= worklogs.Values
                .OrderBy(w => w.Updated).ThenBy(w => w.Id).ToArray();
        }
    }

    public (long Id, DateTimeOffset Deleted)[] DeletedWorklogs() { lock (gate) return deletedWorklogs.ToArray(); }

    /// <summary>Drops an issue's comments, worklogs and attachments from the indexes when the issue is deleted (its links
    /// the issue service takes off both ends).</summary>
    public void RemoveIssue(Issue issue, DateTimeOffset when)
    {
        lock (issue.Gate)
        {
            foreach (var c in issue.Comments) Remove(c);
            foreach (var w in issue.Worklogs) Remove(w, when);
            foreach (var a in issue.Attachments) Remove(a);
        }
    }
}
