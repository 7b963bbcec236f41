using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security;
using JiraConnector.Bulk;
using JiraConnector.Bulk.Sources;
using JiraConnector.Bulk.Journal;
using JiraConnector.Bulk.Jobs;

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
            var folder = JournalPath != null ? new JournalFolder(GetUnresolvedProviderPathFromPSPath(JournalPath)) : JournalFolder.ForJob(Id);
            if (!folder.Exists)
            {
                ThrowTerminatingError(ErrorRecords.NotFound(JournalPath != null ? $"{folder.Path} holds no bulk job journal (manifest.json)." : BulkJobLookup.NotFoundMessage(Id),
                    "BulkJobNotFound", JournalPath ?? Id));
            }
            var previous = BulkJobLookup.FromDisk(folder);
            var manifest = previous.Manifest;
            if (previous.Status == BulkJobStatus.RUNNING || (BulkJobRegistry.Find(manifest.JobId) is BulkRun live && !live.IsFinished))
            {
                Fail("BulkJobRunning", ErrorCategory.ResourceBusy, $"Job {manifest.JobId} is running (in this or another process): stop it or wait for it before resuming.");
            }
            if (previous.Status == BulkJobStatus.COMPLETED)
            {
                WriteWarning($"Job {manifest.JobId} has already completed: there is nothing to resume.");
                WriteObject(BulkJob.For(previous));
                return;
            }
            var instance = ResolveInstance();
            if (!string.Equals(instance.Url.AbsoluteUri.TrimEnd('/'), manifest.InstanceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            {
                Fail("InstanceMismatch", ErrorCategory.InvalidArgument,
                    $"Job {manifest.JobId} ran against {manifest.InstanceUrl}, not {instance.Url}: connect to that site (or name it with -Instance) to resume it.");
            }
            CallbackTarget? callback = null;
            try
            {
                callback = BulkCallbackParameters.Resolve(CallbackUrl ?? manifest.CallbackUrl, SignatureKey, instance);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(ex, "InvalidCallbackUrl", CallbackUrl));
            }
            if (!manifest.IsDownload) CheckSource(manifest);
            if (!ShouldProcess(instance.Name, $"Resume bulk job {manifest.JobId} ({manifest.Action} {manifest.ObjectName} from {manifest.File})")) return;

            var run = new BulkRun(manifest, folder);
            var job = BulkJob.For(run, MyInvocation.Line ?? "Resume-JiraBulkJob");
            JobRepository.Add(job);
            BulkRunner.Start(run, instance, resume: true, callback);
            var replay = JournalReplay.Read(folder.Journal);
            WriteVerbose($"Resuming job {manifest.JobId}: {replay.Succeeded + replay.Failed} records done, {replay.InFlight.Count()} in flight to look up.");
            WriteObject(job);
        }

        /// <summary>A file changed since the start would be half applied: refuse it clearly.</summary>
        private void CheckSource(BulkManifest manifest)
        {
            if (!File.Exists(manifest.File))
            {
                Fail("SourceFileNotFound", ErrorCategory.ObjectNotFound, $"The source file {manifest.File} of job {manifest.JobId} no longer exists.");
            }
            if (manifest.SourceSha256 == null) return; // the job died before it read the file: nothing was sent
            var source = new SourceFile(manifest.File, manifest.Format, manifest.Delimiter, manifest.NoFormulaEscape);
            var (hash, _) = source.Inspect();
            if (!string.Equals(hash, manifest.SourceSha256, StringComparison.OrdinalIgnoreCase))
            {
                Fail("SourceFileChanged", ErrorCategory.InvalidData,
                    $"{manifest.File} has changed since job {manifest.JobId} started (SHA-256 {hash}, was {manifest.SourceSha256}). Restore the original file to resume, or start a new job.");
            }
        }

        private void Fail(string errorId, ErrorCategory category, string message) =>
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message), errorId, category, Id));
    }
}
