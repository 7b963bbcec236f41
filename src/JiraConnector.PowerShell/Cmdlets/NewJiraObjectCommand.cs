using System.Collections;
using System.Management.Automation;
using JiraConnector.Resources;
using JiraConnector.Completers;

namespace JiraConnector.Cmdlets
{
    /// <summary>Creates a record: an incident, a project, a comment or worklog on an incident, an
    /// incident property, a watcher, a transition, an attachment (from -InFile) or a group member.
    /// Writes the created record.</summary>
    [Cmdlet(VerbsCommon.New, "JiraObject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Incident), typeof(Project), typeof(Comment), typeof(Worklog), typeof(EntityProperty), typeof(Attachment), typeof(User), typeof(Group),
        typeof(IssueLink), typeof(ProjectVersion), typeof(ProjectComponent), typeof(Filter), typeof(SharePermission), typeof(Sprint))]
    public sealed class NewJiraObjectCommand : JiraWriteCmdlet
    {
        /// <summary>The resource to create in: incidents, projects, incidents/KEY/comments,
        /// incidents/KEY/worklogs, incidents/KEY/properties, incidents/KEY/watchers or incidents/KEY/transitions.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(ObjectNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string Object { get; set; } = string.Empty;

        /// <summary>The new record's fields, e.g. @{project='OPS'; issuetype='Task'; summary='Disk full'}.
        /// Incident fields may be named by id or display name; text is plain (ADF on Cloud is made for you).</summary>
        [Parameter(Position = 1)]
        public Hashtable? Fields { get; set; }

        /// <summary>Objects whose properties are the fields of one new record each (e.g. from Import-Csv).</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>The key of a new incident property, the account id (user name on Data Center) of a
        /// new watcher, or the id of a transition to perform.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        /// <summary>A file to attach: New-JiraObject incidents/KEY/attachments -InFile report.pdf.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? InFile { get; set; }

        protected override void ProcessRecord()
        {
            var resource = ResolveObject(Object);
            var instance = ResolveTargetInstance();
            var fields = FieldsFrom(Fields, InputObject);
            // A resource Jira cannot create in is refused at once, without a confirmation prompt.
            if (InFile != null)
            {
                var file = ExistingInFile(InFile);
                if (resource.Definition.Upload != null && !ShouldProcess($"{System.IO.Path.GetFileName(file)} to {resource.ObjectName} on {instance.Name}", "Attach")) return;
                Guarded(Object, () => WriteObject(Await(new ResourceWriter(instance, resource, Trace).UploadAsync(file, CancellationToken)), enumerateCollection: true));
                return;
            }
            if (resource.Definition.Create != null && !ShouldProcess($"{resource.ObjectName} on {instance.Name}", "Create")) return;
            Guarded(Object, () =>
            {
                var writer = new ResourceWriter(instance, resource, Trace);
                WriteObject(Await(writer.CreateAsync(fields, Id, CancellationToken)), enumerateCollection: true);
            });
        }
    }
}
