using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Paging;
using JiraConnector.Json;

namespace JiraConnector.Resources
{
    /// <summary>The worklogs of the whole site: worklog/updated lists ids changed since a time (1000 a
    /// page), and worklog/list turns up to 1000 ids into worklogs. Memory holds one batch at a time.</summary>
    internal sealed class WorklogSource : IItemSource
    {
        public const int BatchSize = 1000; // worklog/list takes at most 1000 ids

        private readonly string _restPath;
        private readonly long _since;

        public WorklogSource(string restPath, long since)
        {
            _restPath = restPath;
            _since = since;
        }

        public SinceCursorPaging Paging => new SinceCursorPaging(since => new JiraRequest(HttpMethod.Get,
            new QueryString().Add("since", since).AppendTo(_restPath + "worklog/updated")), _since);

        public async IAsyncEnumerable<JsonElement> ReadAsync(JiraHttpClient client, IJiraTrace? trace,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var ids = new List<long>(BatchSize);
            var reader = new PagedReader(client, trace);
            await foreach (var change in reader.ReadAsync(PageCursor.Start(Paging), cancellationToken).ConfigureAwait(false))
            {
                if (JsonRead.Int64(change, "worklogId") is long id) ids.Add(id);
                if (ids.Count < BatchSize) continue;
                foreach (var worklog in await FetchAsync(client, trace, ids, cancellationToken).ConfigureAwait(false)) yield return worklog;
                ids.Clear();
            }
            if (ids.Count == 0) yield break;
            foreach (var worklog in await FetchAsync(client, trace, ids, cancellationToken).ConfigureAwait(false)) yield return worklog;
        }

        private async Task<IReadOnlyList<JsonElement>> FetchAsync(JiraHttpClient client, IJiraTrace? trace,
            List<long> ids, CancellationToken cancellationToken)
        {
            var body = new StringBuilder("{\"ids\":[");
            for (var i = 0; i < ids.Count; i++)
            {
                if (i > 0) body.Append(',');
                body.Append(ids[i].ToString(CultureInfo.InvariantCulture));
            }
            body.Append("]}");
            // worklog/list only reads, so a retry after a dropped connection is harmless.
            var request = new JiraRequest(HttpMethod.Post, _restPath + "worklog/list", body.ToString(), safeToRepeat: true);
            using var document = await client.GetJsonAsync(request, trace, cancellationToken).ConfigureAwait(false);
            return PageItems.FromArray(document.RootElement);
        }
    }
}
