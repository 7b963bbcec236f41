using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Bulk.Download;
using JiraConnector.Bulk.Upload;
using JiraConnector.Bulk.Journal;

namespace JiraConnector.Bulk.Jobs
{
    /// <summary>Runs a job from start (or resume) to its end status: takes the job's lock, journals
    /// the start, does the work, journals the end, sends the callback, then signals the job as
    /// finished. Whatever happens, the job ends with a status and a message saying why.</summary>
    internal static class BulkRunner
    {
        public static void Start(BulkRun job, JiraInstance instance, bool resume, CallbackTarget? callback)
        {
            BulkJobRegistry.Add(job);
            job.Begin((j, token) => RunAsync(j, instance, resume, callback, token));
        }

        private static async Task RunAsync(BulkRun job, JiraInstance instance, bool resume, CallbackTarget? callback, CancellationToken token)
        {
            var status = BulkJobStatus.COMPLETED;
            string? message = null;
            var lockFile = job.Folder.TryLock();
            BulkJournal? journal = null;
            using var failure = CancellationTokenSource.CreateLinkedTokenSource(token);
            try
            {
                if (lockFile == null) throw new IOException($"Another process is running job {job.JobId} (its journal {job.Folder.Path} is locked).");
                var replay = resume ? JournalReplay.Read(job.Folder.Journal) : null;
                journal = new BulkJournal(job.Folder.Journal);
                var now = DateTimeOffset.Now;
                job.MarkRunning(replay?.StartTime ?? now);
                journal.Started(now);
                var context = new BulkContext(instance, job.JobId, failure.Token) { StartedAt = job.StartTime ?? now };
                if (job.Manifest.IsDownload) await BulkDownload.RunAsync(job, context).ConfigureAwait(false);
                else await BulkUpload.RunAsync(job, context, journal, replay, failure).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                status = BulkJobStatus.CANCELLED;
                message = "Stopped before the end: Resume-JiraBulkJob -Id " + job.JobId + " finishes it.";
            }
            catch (JiraApiException ex)
            {
                status = BulkJobStatus.ERROR;
                message = ex.Message;
            }
            catch (Exception ex)
            {
                status = BulkJobStatus.ABORTED;
                message = Unwrap(ex).Message;
            }

            var end = DateTimeOffset.Now;
            try
            {
                journal?.Ended(status, end, message);
            }
            catch (IOException ex)
            {
                if (status == BulkJobStatus.COMPLETED) status = BulkJobStatus.ABORTED;
                message = (message == null ? string.Empty : message + " ") + "The journal could not record the end: " + ex.Message;
            }
            journal?.Dispose();
            lockFile?.Dispose();
            job.Finish(status, message, end);
            if (callback != null)
            {
                try
                {
                    job.CallbackResult = await callback.SendAsync(instance, new BulkJobReport(job), CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    job.CallbackResult = "failed: " + ex.Message;
                }
            }
            job.Signal();
        }

        private static Exception Unwrap(Exception ex) => ex is AggregateException aggregate && aggregate.InnerExceptions.Count == 1 ? Unwrap(aggregate.InnerExceptions[0]) : ex;
    }
}
