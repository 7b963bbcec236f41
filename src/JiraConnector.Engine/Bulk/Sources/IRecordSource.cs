using System.Collections.Generic;
using System.Threading;

namespace JiraConnector.Bulk.Sources
{
    /// <summary>Reads a source file one record at a time, so memory does not grow with the file.</summary>
    internal interface IRecordSource
    {
        IAsyncEnumerable<SourceRecord> ReadAsync(CancellationToken cancellationToken);
    }
}
