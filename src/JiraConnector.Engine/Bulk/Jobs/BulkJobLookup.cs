using System;
using System.IO;
using JiraConnector.Bulk.Journal;

namespace JiraConnector.Bulk.Jobs
{
    /// <summary>Finds a job by id: among the jobs of this process first, else from its journal on
    /// disk (a job another process ran, or one that died with its process).</summary>
    internal static class BulkJobLookup
    {
        public static BulkRun? Find(string id, string? journalPath)
        {
            if (journalPath == null && BulkJobRegistry.Find(id) is BulkRun live) return live;
            var folder = journalPath != null ? new JournalFolder(journalPath) : JournalFolder.ForJob(id);
            return folder.Exists ? FromDisk(folder) : null;
        }

        public static BulkRun FromDisk(JournalFolder folder)
        {
            var manifest = BulkManifest.Load(folder.Manifest);
            // A job this process still runs is the live object; once it has finished, the journal is the truth.
            if (BulkJobRegistry.Find(manifest.JobId) is BulkRun live && !live.IsFinished && string.Equals(live.Folder.Path, folder.Path, StringComparison.Ordinal)) return live;
            var replay = JournalReplay.Read(folder.Journal);
            var job = new BulkRun(manifest, folder);
            BulkJobStatus status;
            string? message = replay.EndMessage;
            if (replay.EndStatus is BulkJobStatus ended) status = ended;
            else if (folder.IsLockedElsewhere()) status = BulkJobStatus.RUNNING;
            else if (replay.StartTime == null) status = BulkJobStatus.CREATED;
            else
            {
                status = BulkJobStatus.ABORTED;
                message = "The process running the job stopped before the end: Resume-JiraBulkJob -Id " + manifest.JobId + " finishes it.";
            }
            job.Restore(replay, status, message);
            return job;
        }

        public static string NotFoundMessage(string id) =>
            $"No bulk job '{id}' in this session, and no journal for it under {JournalFolder.DefaultRoot}. Give -JournalPath if it was started with one.";

        public static bool IsJournalFolder(string path) => File.Exists(Path.Combine(path, "manifest.json"));
    }
}
