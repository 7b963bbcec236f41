using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;

namespace JiraConnector.Paging
{
    /// <summary>Reads a <see cref="ParallelOffsetPaging"/> search: the first page gives the total,
    /// then the pages after it are fetched several at once and handed on in order.
    ///
    /// Jira cuts each page from the data as it is when the page is asked for, so an issue that moves
    /// in the order between two pages' requests shifts the later page. Read one after another, that
    /// gives Jira's own repeats and gaps; read at once, a later page asked for before an earlier one
    /// could add others. So each parallel page starts one issue early, on the last issue of the page
    /// before it: when that is not the issue handed on last, the data shifted between the two, and
    /// the page is asked for again, after the one before it, from where that one ended, exactly as
    /// Jira's own paging asks for it. The result is then one that Jira's own paging gives.</summary>
    internal sealed class ParallelOffsetReader : IPageReader
    {
        private readonly ParallelOffsetPaging _style;
        private readonly JiraHttpClient _client;
        private readonly IJiraTrace? _trace;
        private readonly ulong _wanted;
        private readonly RateGate _gate;
        private PageCursor? _start;
        private long _next = -1;
        private bool _ended;

        public ParallelOffsetReader(ParallelOffsetPaging style, JiraHttpClient client, IJiraTrace? trace, ulong wanted)
        {
            _style = style;
            _client = client;
            _trace = trace;
            _wanted = wanted;
            _gate = new RateGate(style.Concurrency);
        }

        public long? Total { get; private set; }

        /// <summary>Made when asked for (on close), not for every item.</summary>
        public PageCursor? Position =>
            _ended ? null : _next < 0 ? _start : new PageCursor(_style, _style.RequestAt(_next, _style.PageSize), 0);

        /// <summary>The gate the read's requests share: its limit shows how far the read backed off.</summary>
        internal RateGate Gate => _gate;

        public async IAsyncEnumerable<JsonElement> ReadAsync(PageCursor start, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            _start = start;
            var first = await FetchAsync(start.Page, cancellationToken).ConfigureAwait(false);
            Total = first.Total;
            var end = first.StartAt + first.Items.Count;
            for (var i = start.Offset; i < first.Items.Count; i++)
            {
                _next = first.StartAt + i + 1;
                yield return first.Items[i];
            }
            var total = first.Total ?? end;
            if (first.Items.Count == 0 || end >= total)
            {
                _ended = true;
                yield break;
            }

            var lastId = IssueId.Of(first.Items[first.Items.Count - 1]);
            // Each parallel page asks for one issue more than it hands on: the overlap with the page before.
            var perPage = Math.Max(1, (first.Served ?? first.Items.Count) - 1);
            var firstPosition = first.StartAt + start.Offset;
            var planned = end;

            ValueTask<Task<Unit>?> StartNext(CancellationToken token)
            {
                if (planned >= total || (ulong)(planned - firstPosition) >= _wanted) return new ValueTask<Task<Unit>?>((Task<Unit>?)null);
                var at = planned;
                planned += perPage;
                return new ValueTask<Task<Unit>?>(FetchUnitAsync(at, perPage, token));
            }

            await foreach (var unit in ReorderWindow.InOrderAsync(StartNext, ReorderWindow.SizeFor(_style.Concurrency), cancellationToken).ConfigureAwait(false))
            {
                total = unit.Page.Total ?? total;
                var unitEnd = Math.Min(unit.Start + perPage, total);
                if (unit.Start != end || end >= unitEnd) continue;
                var accepted = new List<JsonElement>(perPage);
                var items = unit.Page.Items;
                if (items.Count > 0 && IssueId.Of(items[0]) == lastId)
                {
                    for (var i = 1; i < items.Count && end + accepted.Count < unitEnd; i++) accepted.Add(items[i]);
                }
                // Whatever the page did not give in line with the one before (a shift, a short page): ask
                // for it now, after the page before, from where that one ended.
                while (end + accepted.Count < unitEnd)
                {
                    var covered = end + accepted.Count;
                    var page = await FetchAsync(_style.RequestAt(covered, (int)(unitEnd - covered)), cancellationToken).ConfigureAwait(false);
                    total = page.Total ?? total;
                    if (page.Items.Count == 0)
                    {
                        total = covered;
                        break;
                    }
                    accepted.AddRange(page.Items);
                    unitEnd = Math.Min(unitEnd, total);
                }
                foreach (var item in accepted)
                {
                    end++;
                    _next = end;
                    yield return item;
                }
                if (accepted.Count > 0) lastId = IssueId.Of(accepted[accepted.Count - 1]);
            }
            if (end >= total) _ended = true;
        }

        private async Task<Unit> FetchUnitAsync(long start, int perPage, CancellationToken cancellationToken) =>
            new Unit(start, await FetchAsync(_style.RequestAt(start - 1, perPage + 1), cancellationToken).ConfigureAwait(false));

        private async Task<OffsetPage> FetchAsync(JiraRequest request, CancellationToken cancellationToken)
        {
            using var slot = await _gate.EnterAsync(cancellationToken).ConfigureAwait(false);
            using var document = await _client.GetJsonAsync(request, _trace, cancellationToken, slot).ConfigureAwait(false);
            var root = document.RootElement;
            var page = _style.ReadPage(root, request);
            return new OffsetPage(page.Items, ParallelOffsetPaging.StartOf(root), page.Total, ParallelOffsetPaging.ServedPageSize(root));
        }

        /// <summary>A parallel page: the position of the first issue it hands on, and the answer (which starts one before).</summary>
        private sealed class Unit
        {
            public Unit(long start, OffsetPage page)
            {
                Start = start;
                Page = page;
            }

            public long Start { get; }

            public OffsetPage Page { get; }
        }

        private sealed class OffsetPage
        {
            public OffsetPage(IReadOnlyList<JsonElement> items, long startAt, long? total, int? served)
            {
                Items = items;
                StartAt = startAt;
                Total = total;
                Served = served;
            }

            public IReadOnlyList<JsonElement> Items { get; }

            public long StartAt { get; }

            public long? Total { get; }

            public int? Served { get; }
        }
    }
}
