using System.Management.Automation;
using JiraConnector.Resources;

namespace JiraConnector.Cmdlets
{
    /// <summary>Reads records of a normalized resource (incidents, projects, ...), streaming every
    /// page into the pipeline.</summary>
    [Cmdlet(VerbsCommon.Get, "JiraObject", SupportsPaging = true)]
    [OutputType(typeof(Incident), typeof(Project))]
    public sealed class GetJiraObjectCommand : JiraReadCmdlet
    {
        /// <summary>The resource to read, e.g. incidents or projects.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(ObjectNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string Object { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            ResourceDefinition resource;
            try
            {
                resource = ResourceCatalog.Get(Object);
            }
            catch (System.ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(ex, "UnknownObject", Object));
                return;
            }
            var instance = ResolveInstance();
            var style = resource.Paging(instance, new ReadOptions { PageSize = PageSize });
            WriteRecords(instance, resource, style);
        }
    }
}
