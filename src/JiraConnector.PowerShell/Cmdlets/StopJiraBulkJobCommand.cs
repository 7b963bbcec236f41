using System.Management.Automation;
using JiraConnector.Bulk;
using JiraConnector.Bulk.Jobs;
using JiraConnector.Errors;

namespace JiraConnector.Cmdlets
{
    /// <summary>Cancels running bulk jobs. Requests in flight finish and are journaled; the job ends
    /// CANCELLED and Resume-JiraBulkJob can finish it later.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "JiraBulkJob", DefaultParameterSetName = IdSet, SupportsShouldProcess = true)]
    [OutputType(typeof(BulkJob))]
    public sealed class StopJiraBulkJobCommand : BulkJobCmdlet
    {
        /// <summary>The job's id (JobId), as Start-JiraBulkJob returned it.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true)]
        [Alias("JobId")]
        [ValidateNotNullOrEmpty]
        public override string[]? Id { get; set; }

        /// <summary>Write the stopped job to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var job in SelectedJobs())
            {
                if (BulkJobRegistry.Find(job.JobId) != job.Run)
                {
                    WriteError(ErrorRecords.New(ErrorIds.InvalidOperation.BulkJobNotInSession,
                        $"Job {job.JobId} does not run in this session ({job.Status}); only the session that runs a job can stop it.", job.JobId));
                    continue;
                }
                if (!job.IsFinished && ShouldProcess(job.JobId, "Stop bulk job")) job.StopJob();
                if (PassThru) WriteObject(job);
            }
        }
    }
}
