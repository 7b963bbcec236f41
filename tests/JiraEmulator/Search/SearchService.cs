using System.Collections.Concurrent;
using JiraEmulator.Data;
using JiraEmulator.Jql;

namespace JiraEmulator.Search;

/// <summary>
/// Runs JQL over the issue store. The sorted result of a query is cached per (JQL, caller, store
/// version), so paging through 100,000 issues filters and sorts once, not once per page.
/// </summary>
public sealed class SearchService(JiraData data, TimeProvider time, EmulatorOptions options)
{
    private const int CacheSize = 32;
    private readonly ConcurrentDictionary<string, (long Version, DateTimeOffset Built, Issue[] Result)> cache = new();

    public CompiledJql Compile(string jql, User caller) =>
        JqlCompiler.Compile(jql, new JqlContext(data, caller, time.GetUtcNow(), PropertiesIndexed: !options.UnindexedProperties));

    public Issue[] Run(string jql, User caller)
    {
        var compiled = Compile(jql, caller);
        string cacheKey = caller.AccountId + "\n" + jql.Trim();
        long version = data.Issues.Version;
        var now = time.GetUtcNow();
        // Relative dates move with time: a cached result lives at most a minute.
        if (cache.TryGetValue(cacheKey, out var hit) && hit.Version == version && now - hit.Built < TimeSpan.FromMinutes(1))
            return hit.Result;

        var snapshot = data.Issues.Snapshot();
        Issue[] result = compiled.Filter is null ? (Issue[])snapshot.Clone() : Array.FindAll(snapshot, i => compiled.Filter(i));
        if (compiled.HasOrderBy) Array.Sort(result, compiled.Order);

        if (cache.Count >= CacheSize) cache.Clear();
        cache[cacheKey] = (version, now, result);
        return result;
    }

    /// <summary>Edits change field values without changing the store's membership: drop cached results.</summary>
    public void Invalidate() => cache.Clear();
}
