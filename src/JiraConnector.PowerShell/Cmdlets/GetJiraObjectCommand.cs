using System;
using System.Linq;
using System.Management.Automation;
using JiraConnector.Adapters;
using JiraConnector.Http;
using JiraConnector.Paging;
using JiraConnector.Resources;
using JiraConnector.Errors;
using JiraConnector.Completers;

namespace JiraConnector.Cmdlets
{
    /// <summary>Reads records of a normalized resource (incidents, projects, incidents/OPS-1/comments,
    /// ...) or of any Jira REST path, streaming every page into the pipeline.</summary>
    [Cmdlet(VerbsCommon.Get, "JiraObject", SupportsPaging = true)]
    [OutputType(typeof(Incident), typeof(Project), typeof(User), typeof(Group), typeof(Comment), typeof(Worklog), typeof(Attachment),
        typeof(ChangeHistory), typeof(Transition), typeof(EntityProperty), typeof(Scheme), typeof(Field), typeof(IncidentType),
        typeof(Priority), typeof(Status), typeof(ProjectCategory), typeof(IssueLink), typeof(IssueLinkType), typeof(ProjectVersion),
        typeof(ProjectComponent), typeof(Filter), typeof(SharePermission), typeof(Board), typeof(Sprint), typeof(JiraObject))]
    public sealed class GetJiraObjectCommand : JiraReadCmdlet
    {
        /// <summary>The resource to read: a name such as incidents or projects, a child path such as
        /// incidents/OPS-1/comments, or any other Jira REST path (read as is).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(ObjectNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string Object { get; set; } = string.Empty;

        /// <summary>Reads only the records with these ids (keys for incidents and projects, names for
        /// groups). A missing one is a JiraNotFound error.</summary>
        [Parameter(Position = 1)]
        [ArgumentCompleter(typeof(IssueKeyCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        /// <summary>The incident fields to read, by id or display name (custom fields appear as
        /// properties named after them). For pass-through paths, sent as Jira's fields parameter.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FieldNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Fields { get; set; }

        /// <summary>For agents: the project key (or an issue key) whose assignable users to list.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ProjectKeyCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Project { get; set; }

        /// <summary>For worklogs: only those changed since this time (default: all).</summary>
        [Parameter]
        public DateTime? Since { get; set; }

        /// <summary>Incidents: how many requests the read runs at once (default 4; 1 reads page after
        /// page). Records still come in the query's order; fewer run at once while Jira signals its rate limit.</summary>
        [Parameter]
        [ValidateRange(1, 32)]
        public int ThrottleLimit { get; set; } = ReadOptions.DefaultConcurrency;

        /// <summary>Attachments: saves the file of the one attachment -Id names to this path (streamed to
        /// disk) and writes the file, instead of the attachment's record.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutFile { get; set; }

        protected override void ProcessRecord()
        {
            ResolvedResource resource;
            try
            {
                resource = ResourceCatalog.Resolve(Object, allowPassThrough: true);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, Object));
                return;
            }
            var instance = ResolveInstance();
            var options = new ReadOptions
            {
                PageSize = PageSize,
                Concurrency = ThrottleLimit,
                ParentId = resource.ParentId,
                Project = Project,
                Since = Since == null ? (DateTimeOffset?)null : new DateTimeOffset(Since.Value),
            };
            try
            {
                var after = PrepareFields(instance, resource, options);
                if (OutFile != null)
                {
                    SaveFile(instance, resource, options);
                }
                else if (Id != null)
                {
                    ReadEach(instance, resource, options, after);
                }
                else if (NextPage)
                {
                    WriteNextPage(instance, resource.Bind(after), Object);
                }
                else if (resource.Definition.Source != null)
                {
                    WriteRecords(RecordStreams.FromSource(instance, resource, resource.Definition.Source(instance, options), after, Range, Trace, CancellationToken), Object);
                }
                else if (resource.IsPassThrough)
                {
                    WriteRecords(RecordStreams.PassThrough(instance, resource, options, after, Range, Trace, CancellationToken), Object);
                }
                else
                {
                    WriteRecords(RecordStreams.Read(instance, resource, options, after, Range, Trace, CancellationToken), Object);
                }
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, Object));
            }
            catch (JiraApiException ex)
            {
                ThrowJiraError(ex, Object);
            }
        }

        /// <summary>Resolves -Fields: incident field names to ids (custom fields then show up by
        /// name on each record); other resources have fixed properties, so -Fields is refused.</summary>
        private Func<JiraRecord, JiraRecord> PrepareFields(JiraInstance instance, ResolvedResource resource, ReadOptions options)
        {
            if (Fields == null) return record => record;
            if (resource.Definition.Name == "incidents")
            {
                var catalog = Await(FieldCatalog.ForAsync(instance, Trace, CancellationToken));
                var ids = Fields.Select(f => catalog.Resolve(f).Id).Distinct(StringComparer.Ordinal).ToList();
                options.Fields = ids;
                return record => CustomFieldValues.Attach(record, catalog, ids);
            }
            if (resource.IsPassThrough)
            {
                options.Fields = Fields;
                return record => record;
            }
            throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidField, $"-Fields chooses the Jira fields of incidents; {resource.Definition.Name} records have fixed properties. Pipe them to Select-Object instead.", "Fields");
        }

        private void SaveFile(JiraInstance instance, ResolvedResource resource, ReadOptions options)
        {
            if (Id == null || Id.Length != 1)
            {
                throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidId, "-OutFile saves one attachment: give its id with -Id, e.g. -Id 10001.", "Id");
            }
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile);
            WriteObject(Await(AttachmentFile.SaveAsync(instance, resource, options, Id[0], path, Trace, CancellationToken)));
        }

        private void ReadEach(JiraInstance instance, ResolvedResource resource, ReadOptions options, Func<JiraRecord, JiraRecord> after)
        {
            foreach (var id in Id!)
            {
                try
                {
                    var records = Await(RecordReader.ReadOneAsync(instance, resource, options, id, after, Trace, CancellationToken));
                    foreach (var record in records) WriteObject(RecordOutput.ToPipeline(record));
                }
                catch (JiraApiException ex) when (ex.ErrorId == ErrorIds.ObjectNotFound.JiraNotFound)
                {
                    // One missing record should not stop the others.
                    WriteError(ErrorRecords.From(ex, id));
                }
            }
        }
    }
}
