namespace JiraEmulator.Data;

/// <summary>
/// All issues, in id order, safe for concurrent readers and writers. Readers take an immutable
/// snapshot array (rebuilt lazily after a write) so a search never holds the lock while it filters.
/// </summary>
public sealed class IssueStore
{
    private readonly Lock gate = new();
    private readonly List<Issue> ordered = [];
    private readonly Dictionary<long, Issue> byId = [];
    private readonly Dictionary<string, Issue> byKey = new(StringComparer.OrdinalIgnoreCase);
    private Issue[]? snapshot;
    private long nextId;
    private long version;

    public IssueStore(long firstId) => nextId = firstId;

    /// <summary>Changes on every create or delete; caches of search results key on it.</summary>
    public long Version => Interlocked.Read(ref version);

    public int Count { get { lock (gate) return ordered.Count; } }

    public Issue[] Snapshot()
    {
        lock (gate)
        {
            return snapshot ??= ordered.ToArray();
        }
    }

    public long AllocateId() => Interlocked.Increment(ref nextId) - 1;

    public void Add(Issue issue)
    {
        lock (gate)
        {
            // Ids are allocated outside the lock, so concurrent creates (issue/bulk in parallel) may
            // add them out of order: insert in place, or Remove's binary search misses issues.
            int at = ordered.Count == 0 || ordered[^1].Id < issue.Id ? ordered.Count : ordered.BinarySearch(issue, IdComparer.Instance);
            ordered.Insert(at < 0 ? ~at : at, issue);
            byId[issue.Id] = issue;
            byKey[issue.Key] = issue;
            snapshot = null;
            Interlocked.Increment(ref version);
        }
    }

    public bool Remove(Issue issue)
    {
        lock (gate)
        {
            if (!byId.Remove(issue.Id)) return false;
            byKey.Remove(issue.Key);
            int index = ordered.BinarySearch(issue, IdComparer.Instance);
            if (index >= 0) ordered.RemoveAt(index);
            snapshot = null;
            Interlocked.Increment(ref version);
            return true;
        }
    }

    /// <summary>Finds an issue by numeric id or by key (case-insensitive, as Jira falls back to).</summary>
    public Issue? Find(string idOrKey)
    {
        lock (gate)
        {
            if (long.TryParse(idOrKey, out long id)) return byId.GetValueOrDefault(id);
            return byKey.GetValueOrDefault(idOrKey);
        }
    }

    public void MarkChanged() => Interlocked.Increment(ref version);

    private sealed class IdComparer : IComparer<Issue>
    {
        public static readonly IdComparer Instance = new();
        public int Compare(Issue? x, Issue? y) => x!.Id.CompareTo(y!.Id);
    }
}
