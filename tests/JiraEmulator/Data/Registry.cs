namespace JiraEmulator.Data;

/// <summary>Something Jira numbers across the whole site (versions, components, filters, boards, sprints).</summary>
public interface INumbered
{
    long Id { get; }
}

/// <summary>
/// The site's records of one kind, by id: ids count up from firstId and are never reused, as in Jira. Safe for
/// concurrent use; All() is a snapshot in id order, so a reader never holds the lock while it filters.
/// </summary>
public sealed class Registry<T>(long firstId) where T : class, INumbered
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<long, T> byId = [];
    private long nextId = firstId;

    public long NewId() => Interlocked.Increment(ref nextId) - 1;

    public void Add(T item) { lock (gate) byId[item.Id] = item; }

    public bool Remove(T item) { lock (gate) return byId.Remove(item.Id); }

    public T? Find(long id) { lock (gate) return byId.GetValueOrDefault(id); }

    /// <summary>Finds by a path's id text; null when it is not a number or names nothing.</summary>
    public T? Find(string id) => long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long n) ? Find(n) : null;

    public T[] All() { lock (gate) return byId.Values.ToArray(); }
}
