using System.Collections.Generic;
using System.Text.Json;
using System.Threading;

namespace JiraConnector.Paging
{
    /// <summary>Reads the items of a paged endpoint in order from a cursor: one page at a time
    /// (<see cref="PagedReader"/>) or several at once (<see cref="BulkFetchReader"/>,
    /// <see cref="ParallelOffsetReader"/>). Its style chooses it (<see cref="PagingStyle.CreateReader"/>),
    /// so a read continued with -NextPage is read the way it was started.</summary>
    internal interface IPageReader
    {
        /// <summary>The total the endpoint reported on its first page, if it reports one.</summary>
        long? Total { get; }

        /// <summary>The next unread item; null once the last page has been read to its end.</summary>
        PageCursor? Position { get; }

        IAsyncEnumerable<JsonElement> ReadAsync(PageCursor start, CancellationToken cancellationToken);
    }
}
