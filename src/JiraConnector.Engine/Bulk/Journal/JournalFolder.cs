using System;
using System.IO;
using JiraConnector.Errors;

namespace JiraConnector.Bulk.Journal
{
    /// <summary>Where a job's journal lives: one folder per job holding manifest.json, journal.jsonl
    /// and a lock file that the process running the job holds open (the kernel drops it when that
    /// process dies, even by SIGKILL).</summary>
    internal sealed class JournalFolder
    {
        public JournalFolder(string path)
        {
            Path = System.IO.Path.GetFullPath(path);
        }

        public string Path { get; }
        public string Manifest => System.IO.Path.Combine(Path, "manifest.json");
        public string Journal => System.IO.Path.Combine(Path, "journal.jsonl");
        public string Lock => System.IO.Path.Combine(Path, "running.lock");

        public bool Exists => File.Exists(Manifest);

        /// <summary>The variable that moves every job's journal elsewhere (a bigger disk, a test's
        /// own folder).</summary>
        public const string RootVariable = "JIRACONNECTOR_BULK_HOME";

        /// <summary>$env:JIRACONNECTOR_BULK_HOME if set, else the user's data folder:
        /// ~/.local/share/JiraConnector/bulk on Linux, %LOCALAPPDATA%\JiraConnector\bulk on Windows.</summary>
        public static string DefaultRoot
        {
            get
            {
                var chosen = Environment.GetEnvironmentVariable(RootVariable);
                if (!string.IsNullOrWhiteSpace(chosen)) return chosen!;
                var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
                if (string.IsNullOrEmpty(data)) data = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
                return System.IO.Path.Combine(data, "JiraConnector", "bulk");
            }
        }

        /// <summary>The folder of a job id under <see cref="DefaultRoot"/>; an id is one folder name, so
        /// one that climbs out ("../..") or names another folder is refused.</summary>
        public static JournalFolder ForJob(string jobId)
        {
            if (!Resources.Rest.IsSegment(jobId) || jobId.IndexOfAny(new[] { '/', '\\', ':' }) >= 0 || jobId.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) >= 0)
            {
                throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidId,
                    $"'{jobId}' is not a bulk job id (a job id is a folder name such as 20260101-120000-1a2b3c4d). Give -JournalPath for a journal elsewhere.", "Id");
            }
            return new JournalFolder(System.IO.Path.Combine(DefaultRoot, jobId));
        }

        /// <summary>Takes the running lock; null when another live process holds it.</summary>
        public FileStream? TryLock()
        {
            try
            {
                var held = new FileStream(Lock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                Connection.OAuth.OwnerOnlyFiles.RestrictFile(Lock);
                return held;
            }
            catch (IOException)
            {
                return null;
            }
        }

        /// <summary>True while some live process runs the job.</summary>
        public bool IsLockedElsewhere()
        {
            if (!File.Exists(Lock)) return false;
            using var probe = TryLock();
            return probe == null;
        }
    }
}
