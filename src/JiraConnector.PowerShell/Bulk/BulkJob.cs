using System;
using System.ComponentModel;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using JiraConnector.Bulk.Jobs;

namespace JiraConnector.Bulk
{
    /// <summary>A bulk job as PowerShell sees it: a job that Get-Job lists, Wait-Job and Stop-Job work
    /// on, and Receive-Job returns the final report of. It shows the engine's run of the job (whose
    /// counters are live) and follows its state.</summary>
    public sealed class BulkJob : Job2
    {
        private static readonly ConditionalWeakTable<BulkRun, BulkJob> Wrappers = new ConditionalWeakTable<BulkRun, BulkJob>();

        private BulkJob(BulkRun run, string command) : base(command, run.JobId)
        {
            Run = run;
            PSJobTypeName = "JiraBulkJob";
            run.Running += OnRunning;
            run.Ended += OnEnded;
            if (run.IsFinished) OnEnded(run);
            else if (run.Status == BulkJobStatus.RUNNING) OnRunning(run);
        }

        /// <summary>The one PowerShell job of a run (the same object every time it is asked for).</summary>
        internal static BulkJob For(BulkRun run, string? command = null) =>
            Wrappers.GetValue(run, r => new BulkJob(r, command ?? "Resume-JiraBulkJob -Id " + r.JobId));

        /// <summary>The job of this process's runs whose PowerShell job number (Id, as Get-Job shows
        /// it) is <paramref name="text"/>; null when it is not such a number.</summary>
        internal static BulkJob? WithSessionId(string text)
        {
            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)) return null;
            foreach (var run in BulkJobRegistry.All)
            {
                if (Wrappers.TryGetValue(run, out var job) && job.Id == number) return job;
            }
            return null;
        }

        /// <summary>The job's id: its journal folder's name and the "job" of its markers in Jira.</summary>
        public string JobId => Run.JobId;

        public BulkJobStatus Status => Run.Status;

        /// <summary>The status with the failed rows, if any: COMPLETED (4 of 7 failed).</summary>
        public string StatusLine => BulkJobReport.Line(Run.Status, Run.RecordsCount, Run.RecordsFailedCount);

        /// <summary>incidents, projects, comments or worklogs.</summary>
        public string ObjectName => Run.Manifest.ObjectName;

        public BulkAction Action => Run.Manifest.Action;

        /// <summary>The file read (uploads) or written (downloads).</summary>
        public string File => Run.Manifest.File;

        public string InstanceName => Run.Manifest.InstanceName;

        /// <summary>Records in the file (uploads; known once the file has been read through) or
        /// written so far (downloads).</summary>
        public long RecordsCount => Run.RecordsCount;

        /// <summary>Records done, whether they succeeded or failed.</summary>
        public long RecordsProcessed => Run.RecordsProcessed;

        public long RecordsFailedCount => Run.RecordsFailedCount;

        public DateTimeOffset? StartTime => Run.StartTime;

        public DateTimeOffset? EndTime => Run.EndTime;

        /// <summary>Why the job ended in ERROR, ABORTED or CANCELLED.</summary>
        public string? Message => Run.Message;

        /// <summary>The folder of the job's manifest and journal.</summary>
        public string JournalPath => Run.Folder.Path;

        /// <summary>How the callback went: "200 OK", an error, or null when there is no callback.</summary>
        public string? CallbackResult => Run.CallbackResult;

        public override bool HasMoreData => Output.Count > 0;

        public override string Location => InstanceName;

        public override string StatusMessage => StatusLine;

        internal BulkRun Run { get; }

        internal bool IsFinished => Run.IsFinished;

        public override void StopJob()
        {
            Run.Stop();
        }

        public override void StopJob(bool force, string reason) => StopJob();

        public override void StopJobAsync()
        {
            Task.Run(() =>
            {
                StopJob();
                OnStopJobCompleted(new AsyncCompletedEventArgs(null, false, null));
            });
        }

        public override void StopJobAsync(bool force, string reason) => StopJobAsync();

        public override void StartJob() => throw NotSupported("started again: use Resume-JiraBulkJob");

        public override void StartJobAsync() => throw NotSupported("started again: use Resume-JiraBulkJob");

        public override void SuspendJob() => throw NotSupported("suspended: stop it and resume it later with Resume-JiraBulkJob");

        public override void SuspendJob(bool force, string reason) => SuspendJob();

        public override void SuspendJobAsync() => SuspendJob();

        public override void SuspendJobAsync(bool force, string reason) => SuspendJob();

        public override void ResumeJob() => throw NotSupported("resumed with Resume-Job: use Resume-JiraBulkJob");

        public override void ResumeJobAsync() => ResumeJob();

        public override void UnblockJob() => throw NotSupported("unblocked");

        public override void UnblockJobAsync() => UnblockJob();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Run.Running -= OnRunning;
                Run.Ended -= OnEnded;
            }
            base.Dispose(disposing);
        }

        public override string ToString() => Run.ToString();

        private void OnRunning(BulkRun run)
        {
            PSBeginTime = (run.StartTime ?? DateTimeOffset.Now).LocalDateTime;
            SetJobState(JobState.Running);
        }

        private void OnEnded(BulkRun run)
        {
            PSEndTime = (run.EndTime ?? DateTimeOffset.Now).LocalDateTime;
            Output.Add(PSObject.AsPSObject(new BulkJobReport(run)));
            if (run.Status == BulkJobStatus.CANCELLED)
            {
                if (JobStateInfo.State != JobState.Stopping) SetJobState(JobState.Stopping);
                SetJobState(JobState.Stopped);
            }
            else
            {
                SetJobState(run.Status == BulkJobStatus.COMPLETED ? JobState.Completed : JobState.Failed);
            }
        }

        private static NotSupportedException NotSupported(string what) => new NotSupportedException("A Jira bulk job cannot be " + what + ".");
    }
}
