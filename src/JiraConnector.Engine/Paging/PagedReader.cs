using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;

namespace JiraConnector.Paging
{
    /// <summary>Streams the items of a paged endpoint. While the consumer works through one page the
    /// next is already being fetched, so a slow pipeline and a slow server overlap. Only one page is
    /// held at a time (plus the one in flight): memory stays flat however many items pass.</summary>
    internal sealed class PagedReader : IPageReader
    {
        private readonly JiraHttpClient _client;
        private readonly IJiraTrace? _trace;
        private readonly RateGate? _gate;

        /// <summary>A reader; with a <paramref name="gate"/>, each page waits for a slot of it (the
        /// id pages of a parallel read share its gate with the fetches).</summary>
        public PagedReader(JiraHttpClient client, IJiraTrace? trace, RateGate? gate = null)
        {
            _client = client;
            _trace = trace;
            _gate = gate;
        }

        /// <summary>The total the endpoint reported on its first page, if it reports one.</summary>
        public long? Total { get; private set; }

        /// <summary>The next unread item; null once the last page has been read to its end.</summary>
        public PageCursor? Position { get; private set; }

        public async IAsyncEnumerable<JsonElement> ReadAsync(PageCursor start, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var style = start.Style;
            Position = start;
            JiraRequest? request = start.Page;
            var skip = start.Offset;
            using var prefetch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var pending = FetchAsync(style, request, prefetch.Token);
            try
            {
                while (true)
                {
                    var page = await pending.ConfigureAwait(false);
                    Total ??= page.Total;
                    var current = request!;
                    request = page.Next;
                    if (request != null)
                    {
                        pending = FetchAsync(style, request, prefetch.Token);
                    }

                    for (var i = skip; i < page.Items.Count; i++)
                    {
                        Position = i + 1 < page.Items.Count
                            ? new PageCursor(style, current, i + 1)
                            : request == null ? null : new PageCursor(style, request, 0);
                        yield return page.Items[i];
                    }
                    skip = 0;
                    if (request == null)
                    {
                        Position = null;
                        yield break;
                    }
                }
            }
            finally
            {
                // The consumer may stop early (-First, Ctrl+C): drop the page in flight quietly.
                prefetch.Cancel();
                _ = pending.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            }
        }

        private async Task<JiraPage> FetchAsync(PagingStyle style, JiraRequest request, CancellationToken cancellationToken)
        {
            using var slot = _gate == null ? null : await _gate.EnterAsync(cancellationToken).ConfigureAwait(false);
            using var document = await _client.GetJsonAsync(request, _trace, cancellationToken, slot).ConfigureAwait(false);
            return style.ReadPage(document.RootElement, request);
        }
    }
}
