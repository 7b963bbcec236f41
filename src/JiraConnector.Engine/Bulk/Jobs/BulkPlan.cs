using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Bulk.Download;
using JiraConnector.Bulk.Journal;
using JiraConnector.Bulk.Sources;
using JiraConnector.Bulk.Upload;
using JiraConnector.Connection.OAuth;
using JiraConnector.Errors;
using JiraConnector.Http;
using JiraConnector.Resources;

namespace JiraConnector.Bulk.Jobs
{
    /// <summary>A bulk job checked and ready to start: its manifest, its journal folder and its
    /// callback. Everything that would fail every record (an unknown identifier field or column, a
    /// file type the job cannot read, a journal already there, a changed file on resume) fails here,
    /// before anything is written; the cmdlet shows <see cref="Description"/> to ShouldProcess and
    /// then calls <see cref="Open"/> and <see cref="Start"/>.</summary>
    internal sealed class BulkPlan
    {
        private BulkPlan(JiraInstance instance, BulkManifest manifest, JournalFolder folder, CallbackTarget? callback, bool resume, string description)
        {
            Instance = instance;
            Manifest = manifest;
            Folder = folder;
            Callback = callback;
            IsResume = resume;
            Description = description;
        }

        public JiraInstance Instance { get; }

        public BulkManifest Manifest { get; }

        public JournalFolder Folder { get; }

        public CallbackTarget? Callback { get; }

        public bool IsResume { get; }

        /// <summary>What the job will do, for ShouldProcess and verbose output.</summary>
        public string Description { get; }

        /// <summary>For a download with -Query: the JQL sent, and whether the job checks more on the client.</summary>
        public string? JqlNote { get; private set; }

        /// <summary>For a download whose query leaves Jira nothing to filter on: why every incident is read.</summary>
        public string? JqlWarning { get; private set; }

        public static async Task<BulkPlan> UploadAsync(JiraInstance instance, BulkRequest request, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            var file = request.File;
            if (!System.IO.File.Exists(file))
            {
                throw new JiraArgumentException(ErrorIds.ObjectNotFound.SourceFileNotFound, $"The file {file} does not exist.", "Path");
            }
            var objectName = request.ObjectName;
            var child = objectName == "comments" || objectName == "worklogs";
            if (child && request.Action == BulkAction.Upsert)
            {
                throw new JiraArgumentException(ErrorIds.InvalidArgument.ActionNotSupported,
                    $"{objectName} cannot be upserted: Jira has no field to find an existing one by. Use -Action Create or Update.", "Action");
            }
            var format = SourceFile.FormatOf(file);
            var delimiter = request.Delimiter ?? (file.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? "\t" : ",");
            var identifier = request.IdentifierField ?? (child ? "id" : "key");
            // Read now, for every object: a header that cannot work (a column twice) fails here, not in the background.
            var headers = format == "csv" ? new SourceFile(file, format, delimiter, request.NoFormulaEscape).CsvHeaders() : null;
            if (objectName == "incidents")
            {
                var catalog = await FieldCatalog.ForAsync(instance, trace, cancellationToken).ConfigureAwait(false);
                IncidentRecordMapper mapper;
                try
                {
                    // An unknown identifier field would fail every record: say so now, not in the journal.
                    mapper = new IncidentRecordMapper(catalog, identifier);
                }
                catch (JiraArgumentException ex)
                {
                    throw new JiraArgumentException(ErrorIds.InvalidArgument.UnknownIdentifierField, "-IdentifierField: " + ex.Message, "IdentifierField", ex);
                }
                if (format == "csv") CheckColumns(file, headers, mapper);
            }
            var manifest = NewManifest(instance, request, objectName, request.Action, format);
            manifest.Delimiter = delimiter;
            manifest.IdentifierField = identifier;
            return Create(instance, request, manifest, $"{manifest.Action} {objectName} from {file}");
        }

        public static async Task<BulkPlan> DownloadAsync(JiraInstance instance, BulkRequest request, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            if (request.ObjectName != "incidents")
            {
                throw new JiraArgumentException(ErrorIds.InvalidArgument.ObjectNotSupported,
                    $"Downloads read incidents; '{request.ObjectName}' can be read with Get-JiraObject.", "Object");
            }
            var format = DownloadFormatOf(request.File);
            // The columns (and a query) are checked now: a name Jira does not know fails here, not in the background.
            var catalog = await FieldCatalog.ForAsync(instance, trace, cancellationToken).ConfigureAwait(false);
            var query = request.Query == null ? null : DownloadQuery.Plan(request.Query, catalog);
            var fields = query?.Fields ?? request.Fields;
            foreach (var field in fields ?? Enumerable.Empty<string>()) DownloadColumn.Resolve(field, catalog);
            var manifest = NewManifest(instance, request, "incidents", BulkAction.Download, format);
            manifest.Delimiter = request.Delimiter ?? ",";
            manifest.Jql = query?.Jql ?? request.Jql;
            manifest.Query = request.Query;
            manifest.Limit = query?.Statement.Limit;
            manifest.Fields = fields == null ? null : new List<string>(fields);
            var what = request.Query ?? (string.IsNullOrWhiteSpace(request.Jql) ? "all projects" : request.Jql);
            var plan = Create(instance, request, manifest, $"incidents of {what} to {request.File}");
            if (query != null)
            {
                plan.JqlNote = query.Translation.Describe("the job");
                plan.JqlWarning = query.Translation.NoFilterWarning;
            }
            return plan;
        }

        /// <summary>A job read back from its journal, checked for a resume: not running anywhere,
        /// run against this instance's site, its file unchanged.</summary>
        public static BulkPlan Resume(JiraInstance instance, BulkRun previous, string? callbackUrl, SecureString? signatureKey)
        {
            var manifest = previous.Manifest;
            if (!string.Equals(instance.Url.AbsoluteUri.TrimEnd('/'), manifest.InstanceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            {
                throw new JiraArgumentException(ErrorIds.InvalidArgument.InstanceMismatch,
                    $"Job {manifest.JobId} ran against {manifest.InstanceUrl}, not {instance.Url}: connect to that site (or name it with -Instance) to resume it.", "Instance");
            }
            var callback = CallbackTarget.Resolve(callbackUrl ?? manifest.CallbackUrl, signatureKey, instance);
            if (!manifest.IsDownload) CheckSource(manifest);
            return new BulkPlan(instance, manifest, previous.Folder, callback, resume: true,
                $"Resume bulk job {manifest.JobId} ({manifest.Action} {manifest.ObjectName} from {manifest.File})");
        }

        /// <summary>A job of a journal folder, refused when it runs here or in another process.</summary>
        public static BulkRun ReadForResume(JournalFolder folder)
        {
            var previous = BulkJobLookup.FromDisk(folder);
            if (previous.Status == BulkJobStatus.RUNNING || (BulkJobRegistry.Find(previous.JobId) is BulkRun live && !live.IsFinished))
            {
                throw new JiraOperationException(ErrorIds.ResourceBusy.BulkJobRunning,
                    $"Job {previous.JobId} is running (in this or another process): stop it or wait for it before resuming.");
            }
            return previous;
        }

        /// <summary>Writes the journal folder and manifest (a new job) and makes the run, not yet started.</summary>
        public BulkRun Open()
        {
            if (!IsResume)
            {
                // It holds failed rows' records and the callback URL with its query: the owner's only.
                OwnerOnlyFiles.CreateFolder(Folder.Path);
                Manifest.Save(Folder.Manifest);
            }
            return new BulkRun(Manifest, Folder);
        }

        public void Start(BulkRun run) => BulkRunner.Start(run, Instance, IsResume, Callback);

        private static BulkManifest NewManifest(JiraInstance instance, BulkRequest request, string objectName, BulkAction action, string format) =>
            new BulkManifest
            {
                JobId = BulkJobRegistry.NewId(),
                ObjectName = objectName,
                Action = action,
                File = request.File,
                Format = format,
                InstanceName = instance.Name,
                InstanceUrl = instance.Url.AbsoluteUri,
                ThrottleLimit = request.ThrottleLimit,
                NoFormulaEscape = request.NoFormulaEscape,
                CreatedAt = DateTimeOffset.Now,
            };

        private static BulkPlan Create(JiraInstance instance, BulkRequest request, BulkManifest manifest, string description)
        {
            var callback = CallbackTarget.Resolve(request.CallbackUrl, request.SignatureKey, instance);
            manifest.CallbackUrl = callback?.Url.AbsoluteUri;
            var folder = request.JournalPath == null ? JournalFolder.ForJob(manifest.JobId) : new JournalFolder(request.JournalPath);
            if (File.Exists(folder.Path))
            {
                throw new JiraArgumentException(ErrorIds.InvalidArgument.JournalPathNotFolder,
                    $"-JournalPath {folder.Path} is a file; the journal is a folder. Give a folder that does not exist yet (it is created) or an empty one.", "JournalPath");
            }
            if (folder.Exists)
            {
                throw new JiraOperationException(ErrorIds.ResourceExists.JournalExists,
                    $"{folder.Path} already holds the journal of a job. Resume it with Resume-JiraBulkJob -JournalPath, or choose another folder.");
            }
            return new BulkPlan(instance, manifest, folder, callback, resume: false, description);
        }

        /// <summary>A header row none of whose columns names a field or the identifier would fail
        /// every row: refused before the job starts, with what each column is not.</summary>
        private static void CheckColumns(string file, IReadOnlyList<string>? headers, IncidentRecordMapper mapper)
        {
            if (headers == null) return; // an empty or unreadable file is the job's to report
            var columns = mapper.ColumnsFor(headers);
            if (columns.Any(c => c.Field != null || c.IsIdentifier)) return;
            var errors = columns.Where(c => c.Error != null).Select(c => c.Error).ToList();
            throw new JiraArgumentException(ErrorIds.InvalidArgument.NoKnownColumns,
                $"No column of {Path.GetFileName(file)} names an incident field, so every row would fail. Headers are field ids or names " +
                "(Get-JiraObject fields lists them), with dotted paths such as project.key. " + string.Join(" ", errors), "Path");
        }

        /// <summary>What a download writes, from -OutFile's extension: CSV, or JSON Lines (a .json
        /// array is an upload's format, not one a streamed download writes).</summary>
        private static string DownloadFormatOf(string file)
        {
            switch (Path.GetExtension(file).ToLowerInvariant())
            {
                case ".csv": case ".tsv": case ".txt": return "csv";
                case ".jsonl": case ".ndjson": return "jsonl";
                default:
                    throw new JiraArgumentException(ErrorIds.InvalidArgument.UnsupportedFileType,
                        $"-OutFile '{Path.GetFileName(file)}': a download writes .csv (or .tsv) or .jsonl (one incident a line).", "OutFile");
            }
        }

        /// <summary>A file changed since the start would be half applied: refuse it clearly.</summary>
        private static void CheckSource(BulkManifest manifest)
        {
            if (!System.IO.File.Exists(manifest.File))
            {
                throw new JiraOperationException(ErrorIds.ObjectNotFound.SourceFileNotFound, $"The source file {manifest.File} of job {manifest.JobId} no longer exists.");
            }
            if (manifest.SourceSha256 == null) return; // the job died before it read the file: nothing was sent
            var source = new SourceFile(manifest.File, manifest.Format, manifest.Delimiter, manifest.NoFormulaEscape);
            var (hash, _) = source.Inspect();
            if (!string.Equals(hash, manifest.SourceSha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new JiraOperationException(ErrorIds.InvalidData.SourceFileChanged,
                    $"{manifest.File} has changed since job {manifest.JobId} started (SHA-256 {hash}, was {manifest.SourceSha256}). Restore the original file to resume, or start a new job.");
            }
        }
    }
}
