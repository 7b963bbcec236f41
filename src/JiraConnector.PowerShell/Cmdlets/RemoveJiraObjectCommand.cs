using System.Management.Automation;
using JiraConnector.Resources;
using JiraConnector.Completers;

namespace JiraConnector.Cmdlets
{
    /// <summary>Deletes a record where Jira allows it: incidents, projects (with their incidents),
    /// comments, worklogs, incident properties, watchers and attachments.</summary>
    [Cmdlet(VerbsCommon.Remove, "JiraObject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveJiraObjectCommand : JiraWriteCmdlet
    {
        /// <summary>The resource: incidents, projects, incidents/KEY/comments, incidents/KEY/worklogs,
        /// incidents/KEY/properties, incidents/KEY/watchers or incidents/KEY/attachments. Bound from a piped record's ObjectName.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ObjectName")]
        [ArgumentCompleter(typeof(ObjectNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string Object { get; set; } = string.Empty;

        /// <summary>The record to delete: an incident or project key, a comment or worklog id, a
        /// property key, a watcher's account id. Bound from a piped record's Id.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("Key")]
        [ArgumentCompleter(typeof(IssueKeyCompleter))]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>A record read from Jira; it binds -Object, -Id and the instance.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            Id = TargetId(Id, InputObject);
            var resource = ResolveObject(Object);
            var instance = ResolveTargetInstance();
            if (resource.Definition.Delete == null)
            {
                // Refused before asking for confirmation: there is nothing to confirm.
                Guarded(Object, () => Await(new ResourceWriter(instance, resource, Trace).DeleteAsync(Id, CancellationToken)));
                return;
            }
            if (!ShouldProcess($"{resource.ObjectName} {Id} on {instance.Name}", "Delete")) return;
            Guarded(Id, () => Await(new ResourceWriter(instance, resource, Trace).DeleteAsync(Id, CancellationToken)));
        }
    }
}
