using System;
using System.Management.Automation;
using System.Security;
using JiraConnector.Bulk;
using JiraConnector.Bulk.Jobs;
using JiraConnector.Errors;

namespace JiraConnector.Cmdlets
{
    /// <summary>Starts a bulk upload (records of a CSV, JSON or JSON Lines file created, updated or
    /// upserted in Jira) or download (the incidents of a query written to a file) and returns the
    /// job at once; it runs in the background of this session, journaled on disk.</summary>
    [Cmdlet(VerbsLifecycle.Start, "JiraBulkJob", DefaultParameterSetName = UploadSet, SupportsShouldProcess = true)]
    [OutputType(typeof(BulkJob))]
    public sealed class StartJiraBulkJobCommand : JiraInstanceCmdlet
    {
        private const string UploadSet = "Upload";
        private const string DownloadSet = "Download";
        private const string QuerySet = "Query";

        /// <summary>What the records are: incidents, projects, comments or worklogs (downloads: incidents).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = UploadSet)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = DownloadSet)]
        [ValidateSet("incidents", "projects", "comments", "worklogs", IgnoreCase = true)]
        public string Object { get; set; } = "incidents";

        /// <summary>The file to upload: .csv (a header row of field ids or names), .json (an array of objects) or .jsonl.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = UploadSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Create (default), Update (records named by -IdentifierField) or Upsert (update if found, else create).</summary>
        [Parameter(ParameterSetName = UploadSet)]
        [ValidateSet("Create", "Update", "Upsert", IgnoreCase = true)]
        public string Action { get; set; } = "Create";

        /// <summary>The column that names an existing record for Update and Upsert: key (default for incidents and projects), id (comments, worklogs), or any incident field such as an external id.</summary>
        [Parameter(ParameterSetName = UploadSet)]
        [ValidateNotNullOrEmpty]
        public string? IdentifierField { get; set; }

        /// <summary>The CSV delimiter: one character, "," by default (tab for .tsv files).</summary>
        [Parameter]
        [ValidateLength(1, 1)]
        public string? Delimiter { get; set; }

        /// <summary>Downloads: the JQL of the incidents to write (all incidents when omitted).</summary>
        [Parameter(ParameterSetName = DownloadSet)]
        public string? Jql { get; set; }

        /// <summary>Downloads: an OCNQL statement, e.g. "select key, summary, status from incidents where priority = 'High' limit 500". Its fields are the file's columns; what Jira cannot filter is checked as the incidents stream past.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = QuerySet)]
        [ValidateNotNullOrEmpty]
        public string? Query { get; set; }

        /// <summary>Downloads: the file to write, .csv or .jsonl.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DownloadSet)]
        [Parameter(Mandatory = true, ParameterSetName = QuerySet)]
        [ValidateNotNullOrEmpty]
        public string OutFile { get; set; } = string.Empty;

        /// <summary>Downloads: the columns to write (field ids or names, dotted paths such as project.key). Default: key, project.key, issuetype.name, status.name, priority.name, summary, description, labels, assignee, reporter, created, updated.</summary>
        [Parameter(ParameterSetName = DownloadSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Fields { get; set; }

        /// <summary>Downloads: write CSV cells starting with = + - @ as they are, without the leading apostrophe that stops spreadsheets from running them as formulas. Uploads: take such cells literally instead of removing that apostrophe.</summary>
        [Parameter]
        public SwitchParameter NoFormulaEscape { get; set; }

        /// <summary>How many requests the job runs at once (default 4).</summary>
        [Parameter]
        [ValidateRange(1, 32)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>The folder for the job's journal (manifest, progress, errors). Default: JiraConnector/bulk/&lt;job id&gt; in the user's data folder, or &lt;job id&gt; under $env:JIRACONNECTOR_BULK_HOME when that is set.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        /// <summary>A URL that receives the finished job's status as JSON (POST). Default: the instance's event.notification.callback.url, if it was connected with one.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CallbackUrl { get; set; }

        /// <summary>Signs the callback: Elements-Webhook-Signature: sha256=base64(HMAC-SHA256(key, body)). Default: the instance's event.notification.signature.key.</summary>
        [Parameter]
        public SecureString? SignatureKey { get; set; }

        protected override void ProcessRecord()
        {
            var instance = ResolveInstance();
            BulkPlan plan;
            try
            {
                plan = Await(ParameterSetName == UploadSet
                    ? BulkPlan.UploadAsync(instance, Request(Path), Trace, CancellationToken)
                    : BulkPlan.DownloadAsync(instance, Request(OutFile), Trace, CancellationToken));
            }
            catch (Exception ex) when (ex is IJiraError)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, ParameterSetName == UploadSet ? Path : OutFile));
                return;
            }
            if (plan.JqlNote != null) WriteVerbose(plan.JqlNote);
            if (plan.JqlWarning != null) WriteWarning(plan.JqlWarning);
            if (!ShouldProcess(instance.Name, plan.Description)) return;

            var run = plan.Open();
            var job = BulkJob.For(run, MyInvocation.Line ?? "Start-JiraBulkJob");
            JobRepository.Add(job);
            WriteVerbose($"Bulk job {job.JobId}: {plan.Description}; journal in {plan.Folder.Path}.");
            // Written before it starts, so what the pipeline first sees is the job as created.
            WriteObject(job);
            plan.Start(run);
        }

        /// <summary>The parameters as the engine's request, paths resolved against the current location.</summary>
        private BulkRequest Request(string file) => new BulkRequest
        {
            ObjectName = ParameterSetName == QuerySet ? "incidents" : Object.ToLowerInvariant(),
            Action = ParameterSetName == UploadSet ? (BulkAction)Enum.Parse(typeof(BulkAction), Action, ignoreCase: true) : BulkAction.Download,
            File = GetUnresolvedProviderPathFromPSPath(file),
            IdentifierField = IdentifierField,
            Delimiter = Delimiter,
            Jql = Jql,
            Query = Query,
            Fields = Fields,
            NoFormulaEscape = NoFormulaEscape,
            ThrottleLimit = ThrottleLimit,
            JournalPath = JournalPath == null ? null : GetUnresolvedProviderPathFromPSPath(JournalPath),
            CallbackUrl = CallbackUrl,
            SignatureKey = SignatureKey,
        };
    }
}
