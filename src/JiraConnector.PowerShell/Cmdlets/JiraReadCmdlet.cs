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

        /// <summary>Streams a paged read into the pipeline. <paramref name="selection"/> optionally
        /// adds a client-side filter (applied before -Skip and -First), a projection of each record,
        /// a total other than the endpoint's and a limit.</summary>
        internal void WriteRecords(JiraInstance instance, ResourceDefinition resource, PagingStyle style, RecordSelection? selection = null)
        {
            selection ??= RecordSelection.All;
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

            NoteClampedPageSize(style.FirstRequest);
            var reader = new PagedReader(instance.Client, Trace);
            var items = reader.ReadAsync(start, CancellationToken).GetAsyncEnumerator();
            var toSkip = PagingParameters.Skip;
            var toWrite = System.Math.Min(PagingParameters.First, selection.Limit);
            var totalWritten = !PagingParameters.IncludeTotalCount;
            try
            {
                while (toWrite > 0 && MoveNext(items))
                {
                    if (!totalWritten)
                    {
                        WriteTotal(selection.Total?.Invoke(reader.Total) ?? (reader.Total, 1.0));
                        totalWritten = true;
                    }
                    var record = resource.Shape(items.Current, instance.Name);
                    if (selection.Filter != null && !selection.Filter(record)) continue;
                    if (toSkip > 0)
                    {
                        toSkip--;
                        continue;
                    }
                    WriteObject(selection.Project == null ? record : selection.Project(record));
                    toWrite--;
                }
                if (!totalWritten) WriteTotal(selection.Total?.Invoke(reader.Total) ?? (reader.Total, 1.0));
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

        /// <summary>Each endpoint has its own page limit; say so when -PageSize asked for more.</summary>
        private void NoteClampedPageSize(JiraRequest first)
        {
            var match = System.Text.RegularExpressions.Regex.Match(first.RelativeUrl, @"[?&]maxResults=(\d+)");
            if (match.Success && int.TryParse(match.Groups[1].Value, out var sent) && sent < PageSize)
            {
                WriteVerbose($"-PageSize {PageSize} is more than this endpoint serves a page; asking for {sent}.");
            }
        }

        private bool MoveNext(IAsyncEnumerator<JsonElement> items)
        {
            // Most items come from a page already in memory: skip the wait machinery for those.
            var next = items.MoveNextAsync();
            return next.IsCompletedSuccessfully ? next.Result : Await(next.AsTask());
        }

        private void WriteTotal((long? Count, double Accuracy) total) =>
            WriteObject(total.Count == null
                ? PagingParameters.NewTotalCount(0, 0.0)
                : PagingParameters.NewTotalCount((ulong)total.Count.Value, total.Accuracy));
    }
}
