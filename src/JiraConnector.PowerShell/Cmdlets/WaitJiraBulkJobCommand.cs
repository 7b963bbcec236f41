using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using JiraConnector.Bulk;
using JiraConnector.Bulk.Jobs;
using JiraConnector.Errors;

namespace JiraConnector.Cmdlets
{
    /// <summary>Waits for bulk jobs to finish, with a progress bar per job, and writes each job when
    /// it has finished. The progress bars are always closed, even on Ctrl+C.</summary>
    [Cmdlet(VerbsLifecycle.Wait, "JiraBulkJob", DefaultParameterSetName = IdSet)]
    [OutputType(typeof(BulkJob))]
    public sealed class WaitJiraBulkJobCommand : BulkJobCmdlet
    {
        private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
        private readonly List<BulkJob> _jobs = new List<BulkJob>();

        /// <summary>The job's id (JobId), as Start-JiraBulkJob returned it.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true)]
        [Alias("JobId")]
        [ValidateNotNullOrEmpty]
        public override string[]? Id { get; set; }

        /// <summary>Seconds to wait at most; jobs still running then are not written (default: no limit).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Timeout { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var job in SelectedJobs())
            {
                if (!_jobs.Contains(job)) _jobs.Add(job);
            }
        }

        protected override void EndProcessing()
        {
            var deadline = Timeout > 0 ? DateTime.UtcNow.AddSeconds(Timeout) : DateTime.MaxValue;
            var written = new HashSet<BulkJob>();
            try
            {
                while (true)
                {
                    foreach (var job in _jobs)
                    {
                        if (written.Contains(job)) continue;
                        if (job.IsFinished && (BulkJobRegistry.Find(job.JobId) != job.Run || job.Run.EndedHandle.WaitOne(TimeSpan.Zero)))
                        {
                            WriteProgress(Progress(job, completed: true));
                            written.Add(job);
                            WriteObject(job);
                        }
                        else
                        {
                            WriteProgress(Progress(job, completed: false));
                        }
                    }
                    if (written.Count == _jobs.Count || DateTime.UtcNow >= deadline) break;
                    var running = _jobs.Where(j => !written.Contains(j) && BulkJobRegistry.Find(j.JobId) == j.Run).Select(j => j.Run.EndedHandle).ToArray();
                    if (running.Length == 0)
                    {
                        // Jobs of other processes: read their journal again in a moment.
                        if (CancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(1))) break;
                        for (var i = 0; i < _jobs.Count; i++)
                        {
                            if (!written.Contains(_jobs[i]) && BulkJobRegistry.Find(_jobs[i].JobId) != _jobs[i].Run) _jobs[i] = BulkJob.For(BulkJobLookup.FromDisk(_jobs[i].Run.Folder));
                        }
                        continue;
                    }
                    var handles = running.Concat(new[] { CancellationToken.WaitHandle }).ToArray();
                    if (WaitHandle.WaitAny(handles, Tick) == handles.Length - 1) break;
                }
                foreach (var job in _jobs.Where(j => !written.Contains(j)))
                {
                    if (!CancellationToken.IsCancellationRequested)
                    {
                        WriteError(ErrorRecords.New(ErrorIds.OperationTimeout.WaitTimeout, $"Job {job.JobId} is still {job.Status} after {Timeout} s.", job));
                    }
                }
            }
            finally
            {
                foreach (var job in _jobs) WriteProgressQuietly(Progress(job, completed: true));
            }
            base.EndProcessing();
        }

        private static ProgressRecord Progress(BulkJob job, bool completed)
        {
            var total = job.RecordsCount;
            var done = job.RecordsProcessed;
            var record = new ProgressRecord(job.Id, $"Jira bulk job {job.JobId} ({job.Action} {job.ObjectName})",
                $"{job.Status}: {done} of {(total > 0 ? total.ToString() : "?")} records, {job.RecordsFailedCount} failed")
            {
                PercentComplete = total > 0 ? (int)Math.Min(100, done * 100 / total) : -1,
            };
            if (completed) record.RecordType = ProgressRecordType.Completed;
            return record;
        }
    }
}
