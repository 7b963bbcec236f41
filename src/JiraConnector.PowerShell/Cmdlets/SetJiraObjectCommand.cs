using System.Collections;
using System.Collections.Generic;
using System.Linq;
using JiraConnector.Adapters;
using System.Management.Automation;
using JiraConnector.Resources;
using JiraConnector.Errors;
using JiraConnector.Completers;

namespace JiraConnector.Cmdlets
{
    /// <summary>Changes a record: only the fields given change (an incident edit sends just those
    /// fields). -Status moves an incident through its workflow.</summary>
    [Cmdlet(VerbsCommon.Set, "JiraObject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Incident), typeof(Project), typeof(Comment), typeof(Worklog), typeof(EntityProperty), typeof(ProjectVersion), typeof(ProjectComponent),
        typeof(Filter), typeof(Sprint))]
    public sealed class SetJiraObjectCommand : JiraWriteCmdlet
    {
        /// <summary>The resource: incidents, projects, incidents/KEY/comments, incidents/KEY/worklogs or
        /// incidents/KEY/properties. Bound from a piped record's ObjectName.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ObjectName")]
        [ArgumentCompleter(typeof(ObjectNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string Object { get; set; } = string.Empty;

        /// <summary>The record to change: an incident or project key, a comment or worklog id, a
        /// property key. Bound from a piped record's Id.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Key")]
        [ArgumentCompleter(typeof(IssueKeyCompleter))]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>The fields to change and their new values, e.g. @{labels='urgent'; 'Story point estimate'=5}.
        /// Fields not named keep their values.</summary>
        [Parameter(Position = 2)]
        public Hashtable? Fields { get; set; }

        /// <summary>For incidents: values to add to multi-value fields, keeping the others, e.g.
        /// @{labels='urgent'} or @{labels='a','b'; components='API'}.</summary>
        [Parameter]
        public Hashtable? Add { get; set; }

        /// <summary>For incidents: values to remove from multi-value fields, e.g. @{labels='stale'}.</summary>
        [Parameter]
        public Hashtable? Remove { get; set; }

        /// <summary>For incidents: the status to move to, through the workflow transition that leads there.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(StatusCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Status { get; set; }

        /// <summary>A piped record (which binds -Object, -Id and the instance) or a plain object whose
        /// properties are the fields to change.</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>Writes the record as it is after the change.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private static readonly IDictionary<string, object?> Empty = new Dictionary<string, object?>();

        protected override void ProcessRecord()
        {
            Id = TargetId(Id, InputObject);
            var resource = ResolveObject(Object);
            var instance = ResolveTargetInstance();
            var fields = FieldsFrom(Fields, InputObject);
            if (Status != null && resource.Definition.Name != "incidents")
            {
                ThrowTerminatingError(ErrorRecords.From(
                    new JiraArgumentException(ErrorIds.InvalidArgument.StatusNotSupported, "-Status moves incidents through their workflow; other resources have no status.", "Status"),
                    Object));
            }
            var add = Add == null ? Empty : PowerShellValues.FieldsOf(Add, new string[0]);
            var remove = Remove == null ? Empty : PowerShellValues.FieldsOf(Remove, new string[0]);
            var edits = add.Count + remove.Count > 0;
            if (fields.Count == 0 && Status == null && !edits)
            {
                WriteError(ErrorRecords.From(
                    new JiraArgumentException(ErrorIds.InvalidArgument.NothingToChange, $"Nothing to change on {Id}: give -Fields @{{name=value}}, -Add, -Remove or -Status.", "Fields"), Id));
                return;
            }
            var changed = fields.Keys.Concat(add.Keys.Select(k => "add to " + k)).Concat(remove.Keys.Select(k => "remove from " + k)).ToList();
            var action = Status == null ? "Update " + string.Join(", ", changed) : changed.Count == 0 ? "Move to " + Status : $"Update {string.Join(", ", changed)} and move to {Status}";
            var canWrite = Status != null || resource.Definition.Update != null;
            if (canWrite && !ShouldProcess($"{resource.ObjectName} {Id} on {instance.Name}", action)) return;
            Guarded(Id, () =>
            {
                var writer = new ResourceWriter(instance, resource, Trace);
                var readBack = PassThru && Status == null;
                IReadOnlyList<JiraRecord> records = new JiraRecord[0];
                if (edits)
                {
                    Await(writer.EditAsync(Id, fields, add, remove, CancellationToken));
                    if (readBack) records = Await(RecordReader.ReadOneAsync(instance, resource, new ReadOptions(), Id, r => r, Trace, CancellationToken));
                }
                else if (fields.Count > 0)
                {
                    records = Await(writer.UpdateAsync(Id, fields, readBack, CancellationToken));
                }
                if (Status != null)
                {
                    if (!Await(writer.TransitionAsync(Id, Status, CancellationToken))) WriteVerbose($"{Id} is already in '{Status}': no transition taken.");
                    if (PassThru) records = Await(RecordReader.ReadOneAsync(instance, resource, new ReadOptions(), Id, r => r, Trace, CancellationToken));
                }
                WriteObject(records, enumerateCollection: true);
            });
        }
    }
}
