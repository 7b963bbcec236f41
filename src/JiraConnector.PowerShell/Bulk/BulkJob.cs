using System;
using System.ComponentModel;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace JiraConnector.Bulk
{
    /// <summary>A bulk upload or download running on background tasks of this process. It is a
    /// PowerShell job too: Get-Job lists it, Wait-Job and Stop-Job work on it, and Receive-Job returns
    /// its final report. Counters are read live; everything else about it is in its journal.</summary>
    public sealed class BulkJob : Job2
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private long _recordsCount;
        private long _recordsProcessed;
        private long _recordsFailed;
        private int _status = (int)BulkJobStatus.CREATED;
        private Task? _work;

        internal BulkJob(BulkManifest manifest, JournalFolder folder, string command) : base(command, manifest.JobId)
        {
            Manifest = manifest;
            Folder = folder;
            PSJobTypeName = "JiraBulkJob";
        }

        /// <summary>The job's id: its journal folder's name and the "job" of its markers in Jira.</summary>
        public string JobId => Manifest.JobId;

        public BulkJobStatus Status => (BulkJobStatus)Volatile.Read(ref _status);

        /// <summary>incidents, projects, comments or worklogs.</summary>
        public string ObjectName => Manifest.ObjectName;

        public BulkAction Action => Manifest.Action;

        /// <summary>The file read (uploads) or written (downloads).</summary>
        public string File => Manifest.File;

        public string InstanceName => Manifest.InstanceName;

        /// <summary>Records in the file (uploads; known once the file has been read through) or
        /// written so far (downloads).</summary>
        public long RecordsCount => Interlocked.Read(ref _recordsCount);

        /// <summary>Records done, whether they succeeded or failed.</summary>
        public long RecordsProcessed => Interlocked.Read(ref _recordsProcessed);

        public long RecordsFailedCount => Interlocked.Read(ref _recordsFailed);

        public DateTimeOffset? StartTime { get; private set; }

        public DateTimeOffset? EndTime { get; private set; }

        /// <summary>Why the job ended in ERROR, ABORTED or CANCELLED.</summary>
        public string? Message { get; private set; }

        /// <summary>The folder of the job's manifest and journal.</summary>
        public string JournalPath => Folder.Path;

        /// <summary>How the callback went: "200 OK", an error, or null when there is no callback.</summary>
        public string? CallbackResult { get; internal set; }

        public override bool HasMoreData => Output.Count > 0;

        public override string Location => InstanceName;

        public override string StatusMessage => Status.ToString();

        internal BulkManifest Manifest { get; }

        internal JournalFolder Folder { get; }

        internal CancellationToken Cancellation => _cancellation.Token;

        internal bool IsFinished => Status != BulkJobStatus.CREATED && Status != BulkJobStatus.RUNNING;

        internal void SetCount(long records) => Interlocked.Exchange(ref _recordsCount, records);

        internal void AddCount(long records) => Interlocked.Add(ref _recordsCount, records);

        internal void SetProgress(long processed, long failed)
        {
            Interlocked.Exchange(ref _recordsProcessed, processed);
            Interlocked.Exchange(ref _recordsFailed, failed);
        }

        internal void AddProgress(long processed, long failed)
        {
            Interlocked.Add(ref _recordsProcessed, processed);
            Interlocked.Add(ref _recordsFailed, failed);
        }

        /// <summary>Runs the work on the thread pool; the work reports the end through Finish.</summary>
        internal void Begin(Func<BulkJob, CancellationToken, Task> work)
        {
            _work = Task.Run(() => work(this, _cancellation.Token));
        }

        internal void MarkRunning(DateTimeOffset at)
        {
            StartTime ??= at;
            Volatile.Write(ref _status, (int)BulkJobStatus.RUNNING);
            PSBeginTime = at.LocalDateTime;
            SetJobState(JobState.Running);
        }

        /// <summary>Records the end; the job counts as finished (Wait-Job returns) only at Signal, once
        /// the callback has been sent.</summary>
        internal void Finish(BulkJobStatus status, string? message, DateTimeOffset at)
        {
            EndTime = at;
            Message = message;
            Volatile.Write(ref _status, (int)status);
        }

        internal void Signal()
        {
            var status = Status;
            PSEndTime = (EndTime ?? DateTimeOffset.Now).LocalDateTime;
            Output.Add(PSObject.AsPSObject(new BulkJobReport(this)));
            if (status == BulkJobStatus.CANCELLED)
            {
                if (JobStateInfo.State != JobState.Stopping) SetJobState(JobState.Stopping);
                SetJobState(JobState.Stopped);
            }
            else
            {
                SetJobState(status == BulkJobStatus.COMPLETED ? JobState.Completed : JobState.Failed);
            }
        }

        /// <summary>A job read back from its journal (another process ran it, or ran it before).</summary>
        internal void Restore(JournalReplay replay, BulkJobStatus status, string? message)
        {
            SetCount(replay.RecordsCount ?? 0);
            SetProgress(replay.Succeeded + replay.Failed, replay.Failed);
            StartTime = replay.StartTime;
            EndTime = replay.EndTime;
            Message = message;
            Volatile.Write(ref _status, (int)status);
        }

        /// <summary>Cancels and waits (up to 30 s) for the workers to record what they finished.</summary>
        public override void StopJob()
        {
            if (IsFinished) return;
            _cancellation.Cancel();
            _work?.Wait(TimeSpan.FromSeconds(30));
        }

        /// <summary>Blocks until the job has finished or the token is cancelled.</summary>
        internal bool WaitForEnd(TimeSpan timeout) => Finished.WaitOne(timeout);

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
            if (disposing) _cancellation.Dispose();
            base.Dispose(disposing);
        }

        private static NotSupportedException NotSupported(string what) => new NotSupportedException("A Jira bulk job cannot be " + what + ".");

        public override string ToString() => new BulkJobReport(this).ToString();
    }
}
