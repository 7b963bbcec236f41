using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Paging;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector.Events
{
    /// <summary>Asks Jira which incidents changed since the instance's high-water mark, or which
    /// comments: a comment added or changed updates its incident, so the same search finds it, and
    /// the incident's comments newer than the mark are its events (Jira tells no one of a deleted
    /// comment but its webhook).
    ///
    /// Why the query looks the way it does:
    /// - JQL dates have minute precision and are read in the user's time zone, so the window starts
    ///   at the mark's minute written in that zone; <see cref="PollMark"/> drops what was reported.
    /// - It is ordered by created, not updated: an incident changed while the pages are read would
    ///   move to the end of an updated order and shift the rest, so one could be skipped between two
    ///   pages. Created never changes, so such an incident stays where it is.
    /// - After a complete read the mark moves to the newest updated time seen, but never past the
    ///   server's clock at the start of the read less <see cref="IndexLag"/>: what changed during the
    ///   read, or is not yet in Jira's search index, is asked for again next time.</summary>
    internal sealed class IncidentPoller : IEventPoller
    {
        public const string IncidentsFeed = "incidents";
        public const string CommentsFeed = "comments";
        public static readonly TimeSpan IndexLag = TimeSpan.FromMinutes(1);

        // UTC+14 is the furthest zone ahead: writing the date 14 hours early covers any zone.
        private static readonly TimeSpan UnknownZoneMargin = TimeSpan.FromHours(14);

        private const string IncidentFields = "summary,status,issuetype,project,priority,assignee,reporter,created,updated";
        private const string CommentFields = "created,updated,comment";

        private readonly JiraInstance _instance;
        private readonly string _feed;
        private readonly IJiraTrace? _trace;

        public IncidentPoller(JiraInstance instance, string feed, IJiraTrace? trace)
        {
            _instance = instance;
            _feed = feed;
            _trace = trace;
        }

        public IReadOnlyList<string> Feeds => new[] { _feed };

        private InstanceEvents State => InstanceEvents.For(_instance);

        private PollMark Mark => State.MarkOf(_feed);

        /// <summary>Sets the mark (from -Since, or the instance's poll interval ago on the first poll)
        /// and builds the read of everything changed since it.</summary>
        private async Task<PollWindow> OpenAsync(DateTimeOffset? since, int pageSize, CancellationToken cancellationToken)
        {
            var serverTime = await EventPollers.ServerTimeAsync(_instance, _trace, cancellationToken).ConfigureAwait(false);
            var mark = EventPollers.OpenMark(_instance, _feed, since, serverTime);
            var zone = await UserTimeZoneAsync(cancellationToken).ConfigureAwait(false);
            var jql = Jql(mark.From!.Value, zone);
            _trace?.Write($"polling {_feed} changed since {mark.From.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z: {jql}");
            var options = new ReadOptions { Jql = jql, PageSize = pageSize, Fields = (_feed == CommentsFeed ? CommentFields : IncidentFields).Split(',') };
            var paging = ResourceCatalog.Get("incidents").Paging(_instance, options);
            return new PollWindow(paging, serverTime);
        }

        /// <summary>The events of one poll as a record stream. Each incident state is claimed before
        /// -Skip (a skipped event counts as passed over, not as still to come), and only a read that
        /// reached the end moves the mark: stopping early (-First, Ctrl+C, an error) leaves the rest
        /// to the next call, and what was written is remembered.</summary>
        public async Task<RecordStream> PollAsync(DateTimeOffset? since, ReadRange range, CancellationToken cancellationToken)
        {
            var window = await OpenAsync(since, range.PageSize, cancellationToken).ConfigureAwait(false);
            var mark = Mark;
            var newest = new NewestUpdate();
            var reader = new PagedReader(_instance.Client, _trace);
            var events = Claimed(reader.ReadAsync(PageCursor.Start(window.Paging), cancellationToken), mark, newest, cancellationToken);
            return new RecordStream(events.GetAsyncEnumerator(cancellationToken), range.Skip, range.First, close: stream =>
            {
                var next = stream.ReachedEnd ? NextMark(newest.Value, window.ServerTime) : null;
                if (next != null) mark.Advance(next.Value);
                _trace?.Write($"high-water mark of {_instance.Name}: {mark.From!.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss.fff}Z ({mark.SeenCount} {_feed} states remembered in its minute)");
            });
        }

        private async IAsyncEnumerable<object> Claimed(IAsyncEnumerable<JsonElement> issues, PollMark mark, NewestUpdate newest,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var issue in issues.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (_feed == IncidentsFeed)
                {
                    var ev = EventMapper.FromPolledIncident(issue, _instance.Name);
                    newest.See(ev.Date);
                    if (mark.TryClaim(ev.ObjectId, ev.Date)) yield return ev;
                    continue;
                }
                if (JsonRead.Date(JsonRead.Child(issue, "fields") ?? default, "updated") is DateTimeOffset updated) newest.See(updated);
                await foreach (var ev in CommentEventsAsync(issue, cancellationToken).ConfigureAwait(false))
                {
                    if (mark.TryClaim(ev.ObjectId, ev.Date)) yield return ev;
                }
            }
        }

        /// <summary>The comments of a changed incident: those the search carried, or all of them read
        /// page by page when the incident has more than the search embeds.</summary>
        private async IAsyncEnumerable<JiraEvent> CommentEventsAsync(JsonElement issue, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var key = JsonRead.String(issue, "key") ?? JsonRead.String(issue, "id") ?? string.Empty;
            var page = JsonRead.Child(JsonRead.Child(issue, "fields") ?? default, "comment");
            var embedded = page != null && JsonRead.Child(page.Value, "comments") is JsonElement list && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().ToList() : new List<JsonElement>();
            var total = page == null ? 0 : JsonRead.Int64(page.Value, "total") ?? embedded.Count;
            if (total <= embedded.Count)
            {
                foreach (var comment in embedded) yield return EventMapper.FromPolledComment(comment, key, _instance.Name);
                yield break;
            }
            var options = new ReadOptions { ParentId = key };
            var paging = ResourceCatalog.Get("incidents/{id}/comments").Paging(_instance, options);
            await foreach (var comment in new PagedReader(_instance.Client, _trace).ReadAsync(PageCursor.Start(paging), cancellationToken).ConfigureAwait(false))
            {
                yield return EventMapper.FromPolledComment(comment, key, _instance.Name);
            }
        }

        /// <summary>updated &gt;= "yyyy-MM-dd HH:mm" in the user's zone; 14 hours earlier in UTC when the zone is unknown.</summary>
        internal static string Jql(DateTimeOffset from, TimeZoneInfo? zone)
        {
            var floor = PollMark.FloorMinute(from);
            var local = zone != null ? TimeZoneInfo.ConvertTime(floor, zone).DateTime : floor.UtcDateTime - UnknownZoneMargin;
            return $"updated >= \"{local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}\" ORDER BY created ASC, key ASC";
        }

        /// <summary>Where the mark goes after a complete read that saw <paramref name="newestUpdated"/>.</summary>
        internal static DateTimeOffset? NextMark(DateTimeOffset? newestUpdated, DateTimeOffset serverTime)
        {
            if (newestUpdated == null) return null;
            var settled = serverTime - IndexLag;
            return newestUpdated.Value < settled ? newestUpdated.Value : settled;
        }

        private async Task<TimeZoneInfo?> UserTimeZoneAsync(CancellationToken cancellationToken)
        {
            var state = State;
            if (state.UserTimeZoneRead) return state.UserTimeZone;
            using var me = await _instance.Client.GetJsonAsync(new JiraRequest(HttpMethod.Get, _instance.RestPath + "myself"), _trace, cancellationToken)
                .ConfigureAwait(false);
            var id = JsonRead.String(me.RootElement, "timeZone");
            TimeZoneInfo? zone = null;
            if (!string.IsNullOrEmpty(id))
            {
                try
                {
                    zone = TimeZoneInfo.FindSystemTimeZoneById(id!);
                }
                catch (Exception ex) when (ex is TimeZoneNotFoundException || ex is InvalidTimeZoneException)
                {
                    // Windows PowerShell 5.1 knows no IANA names: widen the window instead.
                    _trace?.Write($"time zone '{id}' is unknown here: polling windows start 14 hours early (extra incidents are dropped)");
                }
            }
            state.UserTimeZone = zone;
            state.UserTimeZoneRead = true;
            return zone;
        }
    }

    /// <summary>One poll: the paged read, and Jira's clock when it began.</summary>
    internal sealed class PollWindow
    {
        public PollWindow(PagingStyle paging, DateTimeOffset serverTime)
        {
            Paging = paging;
            ServerTime = serverTime;
        }

        public PagingStyle Paging { get; }

        public DateTimeOffset ServerTime { get; }
    }
}
