using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using JiraConnector.Bulk.Jobs;

namespace JiraConnector.Bulk.Markers
{
    /// <summary>Finds a job's rows in Jira without JQL on the marker property, for sites where no
    /// app indexes it (Jira then refuses that JQL with a 400). It reads every issue the caller
    /// created since the rows were sent (since the job started, for rows an earlier process sent),
    /// with its marker, and keeps the job's wanted rows. The window
    /// is in relative minutes, so the client's and Jira's time zones and clocks do not matter, with
    /// a margin for a create that was under way at the start. creator, not reporter: a record may
    /// set its own reporter, and an issue the scan misses would be created twice.</summary>
    internal static class MarkerScan
    {
        public const int MarginMinutes = 10;

        public static string Jql(TimeSpan sinceStart)
        {
            var minutes = (long)Math.Ceiling(Math.Max(0, sinceStart.TotalMinutes)) + MarginMinutes;
            return "creator = currentUser() AND created >= -" + minutes.ToString(CultureInfo.InvariantCulture) + "m ORDER BY created ASC";
        }

        /// <summary>The wanted rows among the issues the caller created since sentSince (less the margin).</summary>
        public static Task<Dictionary<long, (string Key, string Id)>> FindAsync(BulkContext context, IReadOnlyCollection<long> rows, DateTimeOffset sentSince)
        {
            var wanted = new HashSet<long>(rows);
            var jql = Jql(DateTimeOffset.Now - sentSince);
            return BulkMarker.SearchAsync(context, jql, wanted);
        }
    }
}
