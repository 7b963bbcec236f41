using System;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Bulk.Journal;

namespace JiraConnector.Bulk.Jobs
{
    /// <summary>One run of a bulk upload or download on background tasks of this process (or one read
    /// back from its journal). Counters are read live; everything else about it is in its journal.
    /// The module shows it as a PowerShell job, which follows <see cref="Running"/> and <see cref="Ended"/>.</summary>
    internal sealed class BulkRun : IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly ManualResetEvent _ended = new ManualResetEvent(false);
        private long _recordsCount;
        private long _recordsProcessed;
        private long _recordsFailed;
        private int _status = (int)BulkJobStatus.CREATED;
        private Task? _work;

        public BulkRun(BulkManifest manifest, JournalFolder folder)
        {
            Manifest = manifest;
            Folder = folder;
        }

        /// <summary>Raised once the work has taken the journal's lock and started.</summary>
        public event Action<BulkRun>? Running;

        /// <summary>Raised at the very end, after the callback was sent.</summary>
        public event Action<BulkRun>? Ended;

        /// <summary>The job's id: its journal folder's name and the "job" of its markers in Jira.</summary>
        public string JobId => Manifest.JobId;

        public BulkJobStatus Status => (BulkJobStatus)Volatile.Read(ref _status);

        public BulkManifest Manifest { get; }

        public JournalFolder Folder { get; }

        public long RecordsCount => Interlocked.Read(ref _recordsCount);

        public long RecordsProcessed => Interlocked.Read(ref _recordsProcessed);

        public long RecordsFailedCount => Interlocked.Read(ref _recordsFailed);

        public DateTimeOffset? StartTime { get; private set; }

        public DateTimeOffset? EndTime { get; private set; }

        /// <summary>Why the job ended in ERROR, ABORTED or CANCELLED.</summary>
        public string? Message { get; private set; }

        /// <summary>How the callback went: "200 OK", an error, or null when there is no callback.</summary>
        public string? CallbackResult { get; set; }

        public bool IsFinished => Status != BulkJobStatus.CREATED && Status != BulkJobStatus.RUNNING;

        /// <summary>Set once the run has ended and its callback was sent.</summary>
        public WaitHandle EndedHandle => _ended;

        public void SetCount(long records) => Interlocked.Exchange(ref _recordsCount, records);

        public void SetProgress(long processed, long failed)
        {
            Interlocked.Exchange(ref _recordsProcessed, processed);
            Interlocked.Exchange(ref _recordsFailed, failed);
        }

        public void AddProgress(long processed, long failed)
        {
            Interlocked.Add(ref _recordsProcessed, processed);
            Interlocked.Add(ref _recordsFailed, failed);
        }

        /// <summary>Runs the work on the thread pool; the work reports the end through Finish and Signal.</summary>
        public void Begin(Func<BulkRun, CancellationToken, Task> work)
        {
            _work = Task.Run(() => work(this, _cancellation.Token));
        }

        public void MarkRunning(DateTimeOffset at)
        {
            StartTime ??= at;
            Volatile.Write(ref _status, (int)BulkJobStatus.RUNNING);
            Running?.Invoke(this);
        }

        /// <summary>Records the end; the run counts as ended (waits return) only at Signal, once the
        /// callback has been sent.</summary>
        public void Finish(BulkJobStatus status, string? message, DateTimeOffset at)
        {
            EndTime = at;
            Message = message;
            Volatile.Write(ref _status, (int)status);
        }

        public void Signal()
        {
            _ended.Set();
            Ended?.Invoke(this);
        }

        /// <summary>A run read back from its journal (another process ran it, or ran it before).</summary>
        public void Restore(JournalReplay replay, BulkJobStatus status, string? message)
        {
            SetCount(replay.RecordsCount ?? 0);
            SetProgress(replay.Succeeded + replay.Failed, replay.Failed);
            StartTime = replay.StartTime;
            EndTime = replay.EndTime;
            Message = message;
            Volatile.Write(ref _status, (int)status);
        }

        /// <summary>Cancels and waits (up to 30 s) for the workers to record what they finished.</summary>
        public void Stop()
        {
            if (IsFinished) return;
            _cancellation.Cancel();
            _work?.Wait(TimeSpan.FromSeconds(30));
        }

        public void Dispose()
        {
            _cancellation.Dispose();
            _ended.Dispose();
        }

        public override string ToString() => new BulkJobReport(this).ToString();
    }
}
