using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace JiraConnector.Bulk.Jobs
{
    /// <summary>The bulk jobs this process started or resumed, by job id. Process-wide, like the
    /// background tasks that run them.</summary>
    internal static class BulkJobRegistry
    {
        private static readonly ConcurrentDictionary<string, BulkRun> Jobs = new ConcurrentDictionary<string, BulkRun>(StringComparer.OrdinalIgnoreCase);

        public static IReadOnlyList<BulkRun> All => Jobs.Values.OrderBy(j => j.StartTime ?? DateTimeOffset.MaxValue).ThenBy(j => j.JobId, StringComparer.Ordinal).ToList();

        public static void Add(BulkRun job) => Jobs[job.JobId] = job;

        public static BulkRun? Find(string id) => Jobs.TryGetValue(id, out var job) ? job : null;

        /// <summary>A job id: sortable by start time, unique enough to mark issues with.</summary>
        public static string NewId() => DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);
    }
}
