using System;
using System.IO;
using System.Management.Automation;
using System.Security;
using JiraConnector.Bulk;
using JiraConnector.Http;
using JiraConnector.Resources;

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

        /// <summary>What the records are: incidents, projects, comments or worklogs (downloads: incidents).</summary>
        [Parameter(Mandatory = true, Position = 0)]
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

        /// <summary>Downloads: the file to write, .csv or .jsonl.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DownloadSet)]
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

        /// <summary>The folder for the job's journal (manifest, progress, errors). Default: JiraConnector/bulk/&lt;job id&gt; in the user's data folder.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        /// <summary>A URL that receives the finished job's status as JSON (POST).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CallbackUrl { get; set; }

        /// <summary>Signs the callback: Elements-Webhook-Signature: sha256=base64(HMAC-SHA256(key, body)).</summary>
        [Parameter]
        public SecureString? SignatureKey { get; set; }

        protected override void ProcessRecord()
        {
            var instance = ResolveInstance();
            var objectName = Object.ToLowerInvariant();
            var download = ParameterSetName == DownloadSet;
            BulkManifest manifest;
            CallbackTarget? callback;
            try
            {
                callback = BulkCallbackParameters.Resolve(CallbackUrl, SignatureKey);
                manifest = download ? DownloadManifest(objectName) : UploadManifest(objectName, instance);
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
            var what = download ? $"{objectName} of {(string.IsNullOrWhiteSpace(Jql) ? "all projects" : Jql)} to {manifest.File}" : $"{manifest.Action} {objectName} from {manifest.File}";
            if (!ShouldProcess(instance.Name, what)) return;

            Directory.CreateDirectory(folder.Path);
            manifest.Save(folder.Manifest);
            var job = new BulkJob(manifest, folder, MyInvocation.Line ?? "Start-JiraBulkJob");
            JobRepository.Add(job);
            BulkRunner.Start(job, instance, resume: false, callback);
            WriteVerbose($"Bulk job {job.JobId}: {what}; journal in {folder.Path}.");
            WriteObject(job);
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

        private BulkManifest DownloadManifest(string objectName)
        {
            if (objectName != "incidents") throw new JiraArgumentException($"Downloads read incidents; '{objectName}' can be read with Get-JiraObject.", "Object");
            var file = GetUnresolvedProviderPathFromPSPath(OutFile);
            var format = SourceFile.FormatOf(file);
            if (format == "json") throw new JiraArgumentException("A download writes .csv or .jsonl (one incident a line), not .json.", "OutFile");
            return new BulkManifest
            {
                ObjectName = objectName,
                Action = BulkAction.Download,
                File = file,
                Format = format,
                Delimiter = Delimiter ?? ",",
                Jql = Jql,
                Fields = Fields == null ? null : new System.Collections.Generic.List<string>(Fields),
            };
        }

        private static string ErrorIdFor(ArgumentException ex)
        {
            switch (ex.ParamName)
            {
                case "Path": return ex.Message.StartsWith("The file", StringComparison.Ordinal) ? "SourceFileNotFound" : "UnsupportedFileType";
                case "OutFile": return "UnsupportedFileType";
                case "CallbackUrl": return "InvalidCallbackUrl";
                case "Fields": return "UnknownIdentifierField";
                case "Action": return "ActionNotSupported";
                case "Object": return "ObjectNotSupported";
                default: return "InvalidArgument";
            }
        }
    }
}
