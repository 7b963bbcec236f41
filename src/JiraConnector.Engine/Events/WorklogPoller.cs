using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Json;
using JiraConnector.Paging;
using JiraConnector.Resources;

namespace JiraConnector.Events
{
    /// <summary>Asks Jira which worklogs changed and which were deleted since the marks: worklog/updated
    /// (read through worklog/list, as the worklogs resource does) gives CREATED and UPDATED events,
    /// worklog/deleted gives DELETED ones. Each feed keeps its own mark, in milliseconds as Jira
    /// counts them. Jira leaves out what changed in the last minute, so a mark never passes what the
    /// next poll can still be told; the feeds are asked from a millisecond before the mark, and the
    /// states already reported at it are dropped by id and updated time.</summary>
    internal sealed class WorklogPoller : IEventPoller
    {
        public const string ChangedFeed = "worklogs";
        public const string DeletedFeed = "worklogs/deleted";

        private readonly JiraInstance _instance;
        private readonly IJiraTrace? _trace;

        public WorklogPoller(JiraInstance instance, IJiraTrace? trace)
        {
            _instance = instance;
            _trace = trace;
        }

        public IReadOnlyList<string> Feeds => new[] { ChangedFeed, DeletedFeed };

        public async Task<RecordStream> PollAsync(DateTimeOffset? since, ReadRange range, CancellationToken cancellationToken)
        {
            var serverTime = await EventPollers.ServerTimeAsync(_instance, _trace, cancellationToken).ConfigureAwait(false);
            var changed = EventPollers.OpenMark(_instance, ChangedFeed, since, serverTime);
            var deleted = EventPollers.OpenMark(_instance, DeletedFeed, since, serverTime);
            var newestChanged = new NewestUpdate();
            var newestDeleted = new NewestUpdate();
            _trace?.Write($"polling worklogs changed since {changed.From!.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss.fff}Z and deleted since {deleted.From!.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss.fff}Z");
            var events = Both(Changed(changed, newestChanged, cancellationToken), Deleted(deleted, newestDeleted, cancellationToken), cancellationToken);
            return new RecordStream(events.GetAsyncEnumerator(cancellationToken), range.Skip, range.First, close: stream =>
            {
                if (!stream.ReachedEnd) return;
                if (newestChanged.Value != null) changed.Advance(newestChanged.Value.Value);
                if (newestDeleted.Value != null) deleted.Advance(newestDeleted.Value.Value);
            });
        }

        private async IAsyncEnumerable<object> Changed(PollMark mark, NewestUpdate newest, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var source = new WorklogSource(_instance.RestPath, AskFrom(mark));
            await foreach (var worklog in source.ReadAsync(_instance.Client, _trace, cancellationToken).ConfigureAwait(false))
            {
                var ev = EventMapper.FromPolledWorklog(worklog, _instance.Name);
                newest.See(ev.Date);
                if (mark.TryClaim(ev.ObjectId, ev.Date)) yield return ev;
            }
        }

        private async IAsyncEnumerable<object> Deleted(PollMark mark, NewestUpdate newest, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var paging = new SinceCursorPaging(since => new JiraRequest(HttpMethod.Get,
                new QueryString().Add("since", since).AppendTo(_instance.RestPath + "worklog/deleted")), AskFrom(mark));
            await foreach (var entry in new PagedReader(_instance.Client, _trace).ReadAsync(PageCursor.Start(paging), cancellationToken).ConfigureAwait(false))
            {
                var ev = EventMapper.FromDeletedWorklog(entry, _instance.Name);
                newest.See(ev.Date);
                if (mark.TryClaim(ev.ObjectId, ev.Date)) yield return ev;
            }
        }

        private static async IAsyncEnumerable<object> Both(IAsyncEnumerable<object> first, IAsyncEnumerable<object> second,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var item in first.WithCancellation(cancellationToken).ConfigureAwait(false)) yield return item;
            await foreach (var item in second.WithCancellation(cancellationToken).ConfigureAwait(false)) yield return item;
        }

        /// <summary>Jira returns what changed after "since": a millisecond before the mark keeps the mark's own millisecond in.</summary>
        private static long AskFrom(PollMark mark) => mark.From!.Value.ToUnixTimeMilliseconds() - 1;
    }
}
