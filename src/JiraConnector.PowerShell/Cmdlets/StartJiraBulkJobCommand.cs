using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Security;
using JiraConnector.Bulk;
using JiraConnector.Http;
using JiraConnector.Resources;
using JiraConnector.Bulk.Download;
using JiraConnector.Bulk.Upload;
using JiraConnector.Bulk.Sources;
using JiraConnector.Bulk.Journal;
using JiraConnector.Bulk.Jobs;

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
            var objectName = ParameterSetName == QuerySet ? "incidents" : Object.ToLowerInvariant();
            var download = ParameterSetName != UploadSet;
            BulkManifest manifest;
            CallbackTarget? callback;
            try
            {
                callback = BulkCallbackParameters.Resolve(CallbackUrl, SignatureKey, instance);
                manifest = download ? DownloadManifest(objectName, instance) : UploadManifest(objectName, instance);
            }
            catch (Query.OcnqlSyntaxException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(ex, "OcnqlSyntaxError", Query));
                return;
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(ex, ErrorIdFor(ex), Path));
                return;
            }
            catch (JiraApiException ex)
            {
                ThrowJiraError(ex, Path);
                return;
            }

            manifest.JobId = BulkJobRegistry.NewId();
            manifest.InstanceName = instance.Name;
            manifest.InstanceUrl = instance.Url.AbsoluteUri;
            manifest.ThrottleLimit = ThrottleLimit;
            manifest.NoFormulaEscape = NoFormulaEscape;
            manifest.CallbackUrl = callback?.Url.AbsoluteUri;
            manifest.CreatedAt = DateTimeOffset.Now;

            var folder = new JournalFolder(JournalPath == null ? JournalFolder.ForJob(manifest.JobId).Path : GetUnresolvedProviderPathFromPSPath(JournalPath));
            if (folder.Exists)
            {
                ThrowTerminatingError(new ErrorRecord(new IOException($"{folder.Path} already holds the journal of a job. Resume it with Resume-JiraBulkJob -JournalPath, or choose another folder."),
                    "JournalExists", ErrorCategory.ResourceExists, folder.Path));
            }
            var what = download ? $"{objectName} of {(Query ?? (string.IsNullOrWhiteSpace(Jql) ? "all projects" : Jql))} to {manifest.File}" : $"{manifest.Action} {objectName} from {manifest.File}";
            if (!ShouldProcess(instance.Name, what)) return;

            Directory.CreateDirectory(folder.Path);
            manifest.Save(folder.Manifest);
            var run = new BulkRun(manifest, folder);
            var job = BulkJob.For(run, MyInvocation.Line ?? "Start-JiraBulkJob");
            JobRepository.Add(job);
            WriteVerbose($"Bulk job {job.JobId}: {what}; journal in {folder.Path}.");
            // Written before it starts, so what the pipeline first sees is the job as created.
            WriteObject(job);
            BulkRunner.Start(run, instance, resume: false, callback);
        }

        private BulkManifest UploadManifest(string objectName, JiraInstance instance)
        {
            var file = GetUnresolvedProviderPathFromPSPath(Path);
            if (!File.Exists(file)) throw new JiraArgumentException($"The file {file} does not exist.", "Path");
            var format = SourceFile.FormatOf(file);
            var action = (BulkAction)Enum.Parse(typeof(BulkAction), Action, ignoreCase: true);
            var identifier = IdentifierField ?? (objectName == "comments" || objectName == "worklogs" ? "id" : "key");
            if (objectName == "incidents" && !IncidentRecordMapper.IsKeyOrId(identifier))
            {
                // An unknown identifier field would fail every record: say so now, not in the journal.
                var catalog = Await(FieldCatalog.ForAsync(instance, Trace, CancellationToken));
                catalog.Resolve(identifier);
            }
            if ((objectName == "comments" || objectName == "worklogs") && action == BulkAction.Upsert)
            {
                throw new JiraArgumentException($"{objectName} cannot be upserted: Jira has no field to find an existing one by. Use -Action Create or Update.", "Action");
            }
            return new BulkManifest
            {
                ObjectName = objectName,
                Action = action,
                File = file,
                Format = format,
                Delimiter = Delimiter ?? (file.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? "\t" : ","),
                IdentifierField = identifier,
            };
        }

        private BulkManifest DownloadManifest(string objectName, JiraInstance instance)
        {
            if (objectName != "incidents") throw new JiraArgumentException($"Downloads read incidents; '{objectName}' can be read with Get-JiraObject.", "Object");
            var file = GetUnresolvedProviderPathFromPSPath(OutFile);
            var format = SourceFile.FormatOf(file);
            if (format == "json") throw new JiraArgumentException("A download writes .csv or .jsonl (one incident a line), not .json.", "OutFile");
            // The columns (and a query) are checked now: a name Jira does not know fails here, not in the background.
            var catalog = Await(FieldCatalog.ForAsync(instance, Trace, CancellationToken));
            var query = Query == null ? null : DownloadQuery.Plan(Query, catalog);
            var fields = query?.Fields ?? (IReadOnlyList<string>?)Fields;
            if (fields != null)
            {
                foreach (var field in fields) DownloadColumn.Resolve(field, catalog);
            }
            if (query != null) WriteVerbose("JQL: " + query.Jql + (query.IsExact ? string.Empty : "  (narrowed; the job checks the rest)"));
            return new BulkManifest
            {
                ObjectName = objectName,
                Action = BulkAction.Download,
                File = file,
                Format = format,
                Delimiter = Delimiter ?? ",",
                Jql = query?.Jql ?? Jql,
                Query = Query,
                Limit = query?.Statement.Limit,
                Fields = fields == null ? null : new List<string>(fields),
            };
        }

        private string ErrorIdFor(ArgumentException ex)
        {
            if (ex is Query.OcnqlTranslationException) return "OcnqlInvalidQuery";
            switch (ex.ParamName)
            {
                case "Path": return ex.Message.StartsWith("The file", StringComparison.Ordinal) ? "SourceFileNotFound" : "UnsupportedFileType";
                case "OutFile": return "UnsupportedFileType";
                case "CallbackUrl": return "InvalidCallbackUrl";
                case "Fields": return ParameterSetName == UploadSet ? "UnknownIdentifierField" : "UnknownField";
                case "Query": return ex is Query.OcnqlTranslationException ? "OcnqlInvalidQuery" : "ObjectNotSupported";
                case "Action": return "ActionNotSupported";
                case "Object": return "ObjectNotSupported";
                default: return "InvalidArgument";
            }
        }
    }
}
