using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using JiraConnector.Bulk;
using JiraConnector.Bulk.Journal;
using JiraConnector.Bulk.Jobs;
using JiraConnector.Errors;

namespace JiraConnector.Cmdlets
{
    /// <summary>Finishes a bulk job that did not end (its process was killed, it was stopped, or Jira
    /// refused it): finished records are skipped, records that were in flight are looked up by the
    /// job's marker before they are sent again, so none is lost and none is created twice. The file
    /// must be unchanged since the job started.</summary>
    [Cmdlet(VerbsLifecycle.Resume, "JiraBulkJob", DefaultParameterSetName = BulkJobCmdlet.IdSet, SupportsShouldProcess = true)]
    [OutputType(typeof(BulkJob))]
    public sealed class ResumeJiraBulkJobCommand : JiraInstanceCmdlet
    {
        /// <summary>The job's id, as Start-JiraBulkJob returned it.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = BulkJobCmdlet.IdSet, ValueFromPipeline = true)]
        [Alias("JobId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>The folder of the job's journal, for jobs started with -JournalPath.</summary>
        [Parameter(Mandatory = true, ParameterSetName = BulkJobCmdlet.PathSet)]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        /// <summary>A URL that receives the finished job's status as JSON (POST). Default: the job's own, else the instance's event.notification.callback.url.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CallbackUrl { get; set; }

        /// <summary>Signs the callback: Elements-Webhook-Signature: sha256=base64(HMAC-SHA256(key, body)). Default: the instance's event.notification.signature.key.</summary>
        [Parameter]
        public SecureString? SignatureKey { get; set; }

        protected override void ProcessRecord()
        {
            JournalFolder folder;
            try
            {
                folder = JournalPath != null ? new JournalFolder(GetUnresolvedProviderPathFromPSPath(JournalPath)) : JournalFolder.ForJob(Id);
            }
            catch (Exception ex) when (ex is IJiraError)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, Id));
                return;
            }
            if (!folder.Exists)
            {
                ThrowTerminatingError(ErrorRecords.NotFound(JournalPath != null ? $"{folder.Path} holds no bulk job journal (manifest.json)." : BulkJobLookup.NotFoundMessage(Id),
                    ErrorIds.ObjectNotFound.BulkJobNotFound, JournalPath ?? Id));
            }
            BulkPlan plan;
            try
            {
                var previous = BulkPlan.ReadForResume(folder);
                if (previous.Status == BulkJobStatus.COMPLETED)
                {
                    WriteWarning($"Job {previous.JobId} has already completed: there is nothing to resume.");
                    WriteObject(BulkJob.For(previous));
                    return;
                }
                plan = BulkPlan.Resume(ResolveInstance(), previous, CallbackUrl, SignatureKey);
            }
            catch (Exception ex) when (ex is IJiraError)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, JournalPath ?? Id));
                return;
            }
            if (!ShouldProcess(plan.Instance.Name, plan.Description)) return;

            var run = plan.Open();
            var job = BulkJob.For(run, MyInvocation.Line ?? "Resume-JiraBulkJob");
            JobRepository.Add(job);
            plan.Start(run);
            var replay = JournalReplay.Read(folder.Journal);
            WriteVerbose($"Resuming job {plan.Manifest.JobId}: {replay.Succeeded + replay.Failed} records done, {replay.InFlight.Count()} in flight to look up.");
            WriteObject(job);
        }
    }
}
