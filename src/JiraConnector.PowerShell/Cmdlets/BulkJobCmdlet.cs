using System;
using System.Collections.Generic;
using System.Management.Automation;
using JiraConnector.Bulk;
using JiraConnector.Bulk.Journal;
using JiraConnector.Bulk.Jobs;
using JiraConnector.Errors;

namespace JiraConnector.Cmdlets
{
    /// <summary>Base of the cmdlets that act on existing bulk jobs: -Id (this session's jobs, else
    /// the journal under the user's data folder), -Job (from the pipeline) or -JournalPath.</summary>
    public abstract class BulkJobCmdlet : JiraCmdlet
    {
        internal const string IdSet = "Id";
        internal const string JobSet = "Job";
        internal const string PathSet = "JournalPath";

        /// <summary>The job's JobId, as Start-JiraBulkJob returned it, or the number PowerShell shows
        /// as its Id (Get-Job) for a job of this session.</summary>
        [Parameter(Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true)]
        [Alias("JobId")]
        [ValidateNotNullOrEmpty]
        public virtual string[]? Id { get; set; }

        /// <summary>The job object, from Start-JiraBulkJob or Get-JiraBulkJob.</summary>
        [Parameter(Mandatory = true, ParameterSetName = JobSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public BulkJob[]? Job { get; set; }

        /// <summary>The folder of a job's journal, for jobs started with -JournalPath.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        /// <summary>The jobs the parameters name; a name that finds none is a non-terminating error.</summary>
        internal IEnumerable<BulkJob> SelectedJobs()
        {
            if (Job != null)
            {
                foreach (var job in Job) yield return job;
                yield break;
            }
            if (JournalPath != null)
            {
                var path = GetUnresolvedProviderPathFromPSPath(JournalPath);
                var found = BulkJobLookup.IsJournalFolder(path) ? BulkJob.For(BulkJobLookup.FromDisk(new JournalFolder(path))) : null;
                if (found == null) WriteError(ErrorRecords.NotFound($"{path} holds no bulk job journal (manifest.json).", ErrorIds.ObjectNotFound.BulkJobNotFound, path));
                else yield return found;
                yield break;
            }
            foreach (var id in Id ?? new string[0])
            {
                // The number Get-Job and the job's view show (Id) names a job of this session too.
                BulkRun? run;
                try
                {
                    run = BulkJob.WithSessionId(id)?.Run ?? BulkJobLookup.Find(id, null);
                }
                catch (Exception ex) when (ex is IJiraError)
                {
                    // An id that is no job id, or a journal that cannot be read: this id's error, not the command's.
                    WriteError(ErrorRecords.From(ex, id));
                    continue;
                }
                var found = run == null ? null : BulkJob.For(run);
                if (found == null) WriteError(ErrorRecords.NotFound(BulkJobLookup.NotFoundMessage(id), ErrorIds.ObjectNotFound.BulkJobNotFound, id));
                else yield return found;
            }
        }
    }
}
