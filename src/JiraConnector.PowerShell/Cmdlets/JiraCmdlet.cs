using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;

namespace JiraConnector.Cmdlets
{
    /// <summary>Base of every cmdlet: async inside, synchronous at the edge. A cancellation token
    /// created in BeginProcessing is cancelled by StopProcessing (Ctrl+C), and verbose lines from
    /// worker threads are written by the pipeline thread while it waits.</summary>
    public abstract class JiraCmdlet : PSCmdlet, IDisposable
    {
        private CancellationTokenSource? _cancellation;

        internal QueuedTrace Trace { get; } = new QueuedTrace();

        protected CancellationToken CancellationToken => _cancellation?.Token ?? CancellationToken.None;

        protected override void BeginProcessing()
        {
            _cancellation = new CancellationTokenSource();
            Trace.DebugEnabled = DebugRequested();
        }

        protected override void StopProcessing()
        {
            _cancellation?.Cancel();
        }

        protected override void EndProcessing()
        {
            FlushTrace();
        }

        public void Dispose()
        {
            _cancellation?.Dispose();
            _cancellation = null;
            Trace.Signal.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>Waits for a task on the pipeline thread, writing its verbose lines as they come.
        /// No polling: the wait wakes on a trace line or on completion.</summary>
        internal T Await<T>(Task<T> task)
        {
            if (!task.IsCompleted)
            {
                task.ContinueWith((_, signal) => ((SemaphoreSlim)signal!).Release(), Trace.Signal,
                    CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                while (!task.IsCompleted)
                {
                    Trace.Signal.Wait();
                    FlushTrace();
                }
            }
            FlushTrace();
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (Stopping)
            {
                throw new PipelineStoppedException();
            }
        }

        internal void Await(Task task) => Await(task.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));

        /// <summary>Closes or updates a progress bar in a finally block: after Ctrl+C the pipeline
        /// refuses writes, and the host closes the bar itself.</summary>
        internal void WriteProgressQuietly(ProgressRecord record)
        {
            try
            {
                WriteProgress(record);
            }
            catch (PipelineStoppedException)
            {
                // Stopping: nothing more can be written.
            }
        }

        internal void FlushTrace()
        {
            while (Trace.TryDequeue(out var line))
            {
                if (line.Debug) WriteDebug(line.Text);
                else WriteVerbose(line.Text);
            }
        }

        private bool DebugRequested()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Debug", out var flag) && flag is SwitchParameter debug) return debug.IsPresent;
            var preference = GetVariableValue("DebugPreference");
            return preference is ActionPreference value && value != ActionPreference.SilentlyContinue && value != ActionPreference.Ignore;
        }

        /// <summary>Stops the cmdlet with the ErrorRecord that matches a Jira failure.</summary>
        internal void ThrowJiraError(JiraApiException exception, object? target) =>
            ThrowTerminatingError(ErrorRecords.From(exception, target));
    }
}
