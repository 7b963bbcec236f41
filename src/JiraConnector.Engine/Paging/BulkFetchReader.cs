using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Errors;
using JiraConnector.Http;

namespace JiraConnector.Paging
{
    /// <summary>Reads a <see cref="BulkFetchPaging"/> query: the first page as it is, then the ids in
    /// the query's order (one id page in hand, the next in flight) and the issues of each 100 of
    /// them through issue/bulkfetch, several batches at once, handed on in the ids' order.
    ///
    /// Which issues come, and in what order, is decided by the id pages alone, read one after
    /// another as Jira's own paging reads them, so running the batches at once adds no duplicate
    /// and no gap. An issue deleted after its id was read is left out, as bulkfetch leaves it out;
    /// one changed after that comes with its change.</summary>
    internal sealed class BulkFetchReader : IPageReader
    {
        private readonly BulkFetchPaging _style;
        private readonly JiraHttpClient _client;
        private readonly IJiraTrace? _trace;
        private readonly ulong _wanted;
        private readonly RateGate _gate;

        public BulkFetchReader(BulkFetchPaging style, JiraHttpClient client, IJiraTrace? trace, ulong wanted)
        {
            _style = style;
            _client = client;
            _trace = trace;
            _wanted = wanted;
            _gate = new RateGate(style.Concurrency);
        }

        /// <summary>search/jql reports no total (Cloud's count comes from approximate-count).</summary>
        public long? Total => null;

        public PageCursor? Position { get; private set; }

        /// <summary>The gate the read's requests share: its limit shows how far the read backed off.</summary>
        internal RateGate Gate => _gate;

        public async IAsyncEnumerable<JsonElement> ReadAsync(PageCursor start, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Position = start;
            ulong taken = 0;
            PageCursor ids;
            if (ReferenceEquals(start.Page, _style.FirstRequest) && start.Offset == 0)
            {
                JiraPage first;
                string? token;
                using (var slot = await _gate.EnterAsync(cancellationToken).ConfigureAwait(false))
                using (var document = await _client.GetJsonAsync(start.Page, _trace, cancellationToken, slot).ConfigureAwait(false))
                {
                    first = _style.ReadPage(document.RootElement, start.Page);
                    token = TokenPaging.NextToken(document.RootElement);
                }
                var idsFromStart = _style.IdPages.FirstRequest;
                for (var i = 0; i < first.Items.Count; i++)
                {
                    Position = i + 1 < first.Items.Count ? _style.At(idsFromStart, i + 1)
                        : token == null ? null : _style.At(_style.IdPages.RequestFor(token), 0);
                    taken++;
                    yield return first.Items[i];
                }
                if (token == null)
                {
                    Position = null;
                    yield break;
                }
                ids = new PageCursor(_style.IdPages, _style.IdPages.RequestFor(token), 0);
            }
            else
            {
                ids = new PageCursor(_style.IdPages, start.Page, start.Offset);
            }

            var idReader = new PagedReader(_client, _trace, _gate);
            var idItems = idReader.ReadAsync(ids, cancellationToken).GetAsyncEnumerator(cancellationToken);
            var idsLeft = true;
            var planned = taken;
            ulong missing = 0;
            try
            {
                // The next batch of ids, fetched; none once the ids ran out or the caller has all it takes.
                async ValueTask<Task<List<Found>>?> StartNext(CancellationToken token)
                {
                    var batch = new List<Found>(BulkFetchPaging.BatchSize);
                    while (idsLeft && batch.Count < BulkFetchPaging.BatchSize && planned - missing < _wanted)
                    {
                        if (!await idItems.MoveNextAsync().ConfigureAwait(false))
                        {
                            idsLeft = false;
                            break;
                        }
                        var at = idReader.Position;
                        batch.Add(new Found(IssueId.Of(idItems.Current), at == null ? null : _style.At(at.Page, at.Offset)));
                        planned++;
                    }
                    return batch.Count == 0 ? null : FetchAsync(batch, token);
                }

                await foreach (var fetched in ReorderWindow.InOrderAsync(StartNext, ReorderWindow.SizeFor(_style.Concurrency), cancellationToken).ConfigureAwait(false))
                {
                    foreach (var found in fetched)
                    {
                        if (found.Issue is JsonElement issue)
                        {
                            Position = found.After;
                            yield return issue;
                        }
                        else
                        {
                            missing++;
                        }
                    }
                }
                if (!idsLeft) Position = null;
            }
            finally
            {
                await idItems.DisposeAsync().ConfigureAwait(false);
            }
        }

        /// <summary>One batch through issue/bulkfetch, the issues put back in the ids' order (Jira
        /// answers in ascending id order). Ids Jira could not read this time (issueErrors: the
        /// spec keeps them for retriable failures) are asked for once more.</summary>
        private async Task<List<Found>> FetchAsync(List<Found> batch, CancellationToken cancellationToken)
        {
            using var slot = await _gate.EnterAsync(cancellationToken).ConfigureAwait(false);
            var ids = batch.ConvertAll(f => f.Id);
            var issues = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var failed = await FetchIntoAsync(ids, issues, slot, cancellationToken).ConfigureAwait(false);
            if (failed.Count > 0 && (await FetchIntoAsync(failed, issues, slot, cancellationToken).ConfigureAwait(false)) is { Count: > 0 } still)
            {
                var request = _style.BulkFetch(still);
                throw new JiraApiException(ErrorIds.ResourceUnavailable.JiraServerError,
                    $"Jira could not read {still.Count} of the issues asked for with {request.Method.Method} issue/bulkfetch, twice (ids {string.Join(", ", still)}). Try again later.",
                    request.ToString(), null);
            }
            for (var i = 0; i < batch.Count; i++)
            {
                if (issues.TryGetValue(batch[i].Id, out var issue)) batch[i] = batch[i].With(issue);
            }
            return batch;
        }

        /// <summary>Adds the issues of one bulkfetch to <paramref name="issues"/>; returns the ids it reported as errors.</summary>
        private async Task<List<string>> FetchIntoAsync(List<string> ids, Dictionary<string, JsonElement> issues, RateSlot slot, CancellationToken cancellationToken)
        {
            using var document = await _client.GetJsonAsync(_style.BulkFetch(ids), _trace, cancellationToken, slot).ConfigureAwait(false);
            var root = document.RootElement;
            if (root.TryGetProperty("issues", out var found) && found.ValueKind == JsonValueKind.Array)
            {
                foreach (var issue in found.EnumerateArray()) issues[IssueId.Of(issue)] = issue.Clone();
            }
            var failed = new List<string>();
            if (root.TryGetProperty("issueErrors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in errors.EnumerateArray())
                {
                    if (error.TryGetProperty("id", out var id)) failed.Add(id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText());
                }
            }
            return failed;
        }

        /// <summary>An id of the query, the cursor just after it, and its issue once fetched (null: Jira no longer has it).</summary>
        private readonly struct Found
        {
            public Found(string id, PageCursor? after, JsonElement? issue = null)
            {
                Id = id;
                After = after;
                Issue = issue;
            }

            public string Id { get; }

            public PageCursor? After { get; }

            public JsonElement? Issue { get; }

            public Found With(JsonElement issue) => new Found(Id, After, issue);
        }
    }
}
