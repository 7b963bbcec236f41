using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;
using JiraConnector.Http;
using JiraConnector.Paging;
using JiraConnector.Resources;

namespace JiraConnector.Cmdlets
{
    /// <summary>Base of cmdlets that stream paged reads: -PageSize, -NextPage and PowerShell's
    /// -First/-Skip/-IncludeTotalCount. Records go to the pipeline as each page arrives while the
    /// next page is fetched; where the read stops is kept for -NextPage.</summary>
    public abstract class JiraReadCmdlet : JiraInstanceCmdlet
    {
        /// <summary>Records per request (default 50); clamped to what the endpoint allows.</summary>
        [Parameter]
        [ValidateRange(1, 5000)]
        public int PageSize { get; set; } = ReadOptions.DefaultPageSize;

        /// <summary>Continue from where the last paged read on this instance stopped.</summary>
        [Parameter]
        public SwitchParameter NextPage { get; set; }

        internal void WriteRecords(JiraInstance instance, ResourceDefinition resource, PagingStyle style)
        {
            PageCursor start;
            if (NextPage)
            {
                var saved = instance.Cursor;
                if (saved == null)
                {
                    WriteWarning($"There is no further page on instance '{instance.Name}': the last read reached the end, or nothing was read yet.");
                    return;
                }
                start = saved;
            }
            else
            {
                start = PageCursor.Start(style);
            }

            var reader = new PagedReader(instance.Client, Trace);
            var items = reader.ReadAsync(start, CancellationToken).GetAsyncEnumerator();
            var toSkip = PagingParameters.Skip;
            var toWrite = PagingParameters.First;
            var totalWritten = !PagingParameters.IncludeTotalCount;
            try
            {
                while (toWrite > 0 && MoveNext(items))
                {
                    if (!totalWritten)
                    {
                        WriteTotal(reader.Total);
                        totalWritten = true;
                    }
                    if (toSkip > 0)
                    {
                        toSkip--;
                        continue;
                    }
                    WriteObject(resource.Shape(items.Current, instance.Name));
                    toWrite--;
                }
                if (!totalWritten) WriteTotal(reader.Total);
            }
            catch (JiraApiException ex)
            {
                ThrowJiraError(ex, resource.Name);
            }
            finally
            {
                instance.Cursor = reader.Position;
                Await(items.DisposeAsync().AsTask());
            }
        }

        private bool MoveNext(IAsyncEnumerator<JsonElement> items)
        {
            // Most items come from a page already in memory: skip the wait machinery for those.
            var next = items.MoveNextAsync();
            return next.IsCompletedSuccessfully ? next.Result : Await(next.AsTask());
        }

        private void WriteTotal(long? total) =>
            WriteObject(total == null
                ? PagingParameters.NewTotalCount(0, 0.0)
                : PagingParameters.NewTotalCount((ulong)total.Value, 1.0));
    }
}
