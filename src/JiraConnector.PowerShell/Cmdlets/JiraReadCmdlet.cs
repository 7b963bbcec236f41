using System;
using System.Management.Automation;
using JiraConnector.Adapters;
using JiraConnector.Http;
using JiraConnector.Paging;
using JiraConnector.Resources;
using JiraConnector.Errors;

namespace JiraConnector.Cmdlets
{
    /// <summary>Base of cmdlets that stream reads: -PageSize, -NextPage and PowerShell's
    /// -First/-Skip/-IncludeTotalCount. Every reading cmdlet writes through <see cref="WriteRecords"/>,
    /// the one loop over the engine's record stream: records go to the pipeline as each page arrives
    /// while the next page is fetched.</summary>
    public abstract class JiraReadCmdlet : JiraInstanceCmdlet
    {
        /// <summary>Records per request (default 50); clamped to what the endpoint allows.</summary>
        [Parameter]
        [ValidateRange(1, 5000)]
        public int PageSize { get; set; } = ReadOptions.DefaultPageSize;

        /// <summary>Continue from where the last paged read on this instance stopped.</summary>
        [Parameter]
        public SwitchParameter NextPage { get; set; }

        /// <summary>-Skip, -First and -PageSize, as the engine takes them.</summary>
        internal ReadRange Range => new ReadRange(PagingParameters.Skip, PagingParameters.First, PageSize);

        /// <summary>Writes a stream's records (and, with -IncludeTotalCount, its total first), then
        /// closes it whatever happens. <paramref name="written"/> runs after each record is written.</summary>
        internal void WriteRecords(RecordStream stream, object? target, Action<object>? written = null)
        {
            // Cmdlets without SupportsPaging (Wait-JiraEvent) have no PagingParameters.
            var totalWritten = PagingParameters?.IncludeTotalCount != true;
            try
            {
                while (MoveNext(stream))
                {
                    if (!totalWritten)
                    {
                        WriteTotal(stream);
                        totalWritten = true;
                    }
                    var record = stream.Current;
                    WriteObject(RecordOutput.ToPipeline(record));
                    written?.Invoke(record);
                }
                if (!totalWritten) WriteTotal(stream);
            }
            catch (JiraApiException ex)
            {
                ThrowJiraError(ex, target);
            }
            catch (JiraArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, target));
            }
            finally
            {
                Await(stream.CloseAsync());
            }
        }

        /// <summary>-NextPage: the rest of the instance's last read, or a warning when there is none.</summary>
        internal void WriteNextPage(JiraInstance instance, ResourceDefinition definition, object? target)
        {
            if (HasNextPage(instance, definition.CursorKey, target)) WriteRecords(RecordStreams.Continue(instance, definition, Range, Trace, CancellationToken)!, target);
        }

        /// <summary>Whether the instance's last read of <paramref name="resource"/> left a page to go
        /// on with; warns when not, and stops when the last read was of another resource.</summary>
        internal bool HasNextPage(JiraInstance instance, string resource, object? target)
        {
            try
            {
                if (instance.CursorFor(resource) != null) return true;
            }
            catch (JiraArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, target));
            }
            WriteWarning($"There is no further page of {resource} on instance '{instance.Name}': the last read reached the end, or nothing was read yet.");
            return false;
        }

        private bool MoveNext(RecordStream stream)
        {
            // Most records come from a page already in memory: skip the wait machinery for those.
            var next = stream.MoveNextAsync();
            return next.IsCompleted ? next.GetAwaiter().GetResult() : Await(next);
        }

        private void WriteTotal(RecordStream stream)
        {
            var total = Await(stream.TotalAsync());
            WriteObject(total.Count == null
                ? PagingParameters.NewTotalCount(0, 0.0)
                : PagingParameters.NewTotalCount((ulong)total.Count.Value, total.Accuracy));
        }
    }
}
