using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using JiraConnector.Http;
using JiraConnector.Paging;
using JiraConnector.Resources;

namespace JiraConnector.Cmdlets
{
    /// <summary>Reads records of a normalized resource (incidents, projects, incidents/OPS-1/comments,
    /// ...) or of any Jira REST path, streaming every page into the pipeline.</summary>
    [Cmdlet(VerbsCommon.Get, "JiraObject", SupportsPaging = true)]
    [OutputType(typeof(Incident), typeof(Project), typeof(User), typeof(Group), typeof(Comment), typeof(Worklog), typeof(Attachment),
        typeof(ChangeHistory), typeof(Transition), typeof(EntityProperty), typeof(Scheme), typeof(Field), typeof(IncidentType),
        typeof(Priority), typeof(Status), typeof(ProjectCategory), typeof(JiraObject))]
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

        protected override void ProcessRecord()
        {
            ResolvedResource resource;
            try
            {
                resource = ResourceCatalog.Resolve(Object, allowPassThrough: true);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(ex, "UnknownObject", Object));
                return;
            }
            var instance = ResolveInstance();
            var options = new ReadOptions
            {
                PageSize = PageSize,
                ParentId = resource.ParentId,
                Project = Project,
                Since = Since == null ? (DateTimeOffset?)null : new DateTimeOffset(Since.Value),
            };
            try
            {
                var after = PrepareFields(instance, resource, options);
                if (Id != null)
                {
                    ReadEach(instance, resource, options, after);
                }
                else if (NextPage)
                {
                    WriteRecords(instance, resource.Bind(after), instance.Cursor?.Style!);
                }
                else if (resource.Definition.Source != null)
                {
                    var source = resource.Definition.Source(instance, options);
                    WriteStream(instance, resource, source.ReadAsync(instance.Client, Trace, CancellationToken).GetAsyncEnumerator(), after, null);
                }
                else if (resource.IsPassThrough)
                {
                    var reader = new PagedReader(instance.Client, Trace);
                    var style = resource.Definition.Paging(instance, options);
                    WriteStream(instance, resource, reader.ReadAsync(PageCursor.Start(style), CancellationToken).GetAsyncEnumerator(), after, reader);
                }
                else
                {
                    WriteRecords(instance, resource.Bind(after), resource.Definition.Paging(instance, options));
                }
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(ex, ArgumentErrors.IdFor(ex), Object));
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
            throw new ArgumentException($"-Fields chooses the Jira fields of incidents; {resource.Definition.Name} records have fixed properties. Pipe them to Select-Object instead.", "Fields");
        }

        private void ReadEach(JiraInstance instance, ResolvedResource resource, ReadOptions options, Func<JiraRecord, JiraRecord> after)
        {
            foreach (var id in Id!)
            {
                try
                {
                    var records = Await(RecordReader.ReadOneAsync(instance, resource, options, id, after, Trace, CancellationToken));
                    WriteObject(records, enumerateCollection: true);
                }
                catch (JiraApiException ex) when (ex.ErrorId == JiraErrorId.NotFound)
                {
                    // One missing record should not stop the others.
                    WriteError(ErrorRecords.From(ex, id));
                }
            }
        }

        /// <summary>Writes a stream that PagedReader's cursor does not describe (worklogs, pass-through),
        /// with -First and -Skip; the total is unknown.</summary>
        private void WriteStream(JiraInstance instance, ResolvedResource resource, IAsyncEnumerator<JsonElement> items,
            Func<JiraRecord, JiraRecord> after, PagedReader? reader)
        {
            var context = resource.ContextFor(instance.Name);
            if (PagingParameters.IncludeTotalCount) WriteObject(PagingParameters.NewTotalCount(0, 0.0));
            var toSkip = PagingParameters.Skip;
            var toWrite = PagingParameters.First;
            try
            {
                while (toWrite > 0 && Await(items.MoveNextAsync().AsTask()))
                {
                    if (toSkip > 0)
                    {
                        toSkip--;
                        continue;
                    }
                    WriteObject(after(resource.Definition.Shaper(items.Current, context)));
                    toWrite--;
                }
            }
            catch (JiraApiException ex) when (resource.IsPassThrough && ex.StatusCode == 404 && resource.ObjectName.IndexOf('/') < 0)
            {
                // A one-word name that Jira does not know either was most likely a typo of ours.
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    ResourceCatalog.UnknownObject(resource.ObjectName, " and Jira has no REST path of that name"), "UnknownObject", Object));
            }
            finally
            {
                if (reader != null) instance.Cursor = reader.Position;
                Await(items.DisposeAsync().AsTask());
            }
        }
    }
}
