using System;
using System.Linq;
using System.Management.Automation;
using JiraConnector.Http;
using JiraConnector.Resources;
using JiraConnector.Adapters;
using JiraConnector.Completers;

namespace JiraConnector.Cmdlets
{
    /// <summary>Lists the resources the module maps (the connector's GET /objects): each one's Jira
    /// path, verbs, paging style and fields, and which fields a query can use.</summary>
    [Cmdlet(VerbsCommon.Get, "JiraObjectType")]
    [OutputType(typeof(ObjectType))]
    public sealed class GetJiraObjectTypeCommand : JiraInstanceCmdlet
    {
        /// <summary>Resource names to describe; wildcards allowed. All when omitted.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ObjectNameCompleter))]
        public string[]? Object { get; set; }

        protected override void ProcessRecord()
        {
            var patterns = (Object ?? new[] { "*" }).Select(o => new WildcardPattern(o, WildcardOptions.IgnoreCase)).ToList();
            var chosen = ResourceCatalog.Resources.Where(r => patterns.Any(p => p.IsMatch(r.Name))).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
            foreach (var name in Object ?? new string[0])
            {
                if (!WildcardPattern.ContainsWildcardCharacters(name) && !chosen.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    WriteError(ErrorRecords.From(ResourceCatalog.UnknownObject(name), name));
                }
            }
            FieldCatalog? catalog = null;
            if (chosen.Any(r => r.Name == "incidents"))
            {
                catalog = IncidentFields();
            }
            foreach (var resource in chosen) WriteObject(ObjectTypeReport.Describe(resource, catalog));
        }

        /// <summary>Incident fields come from the instance; without a connection the typed
        /// properties stand in, with a warning.</summary>
        private FieldCatalog? IncidentFields()
        {
            if (Instance == null && SessionRegistry.Current.Default == null)
            {
                WriteWarning("No Jira instance is connected: incidents show the module's properties, not the instance's fields. Run Connect-JiraInstance for those.");
                return null;
            }
            var instance = ResolveInstance();
            try
            {
                return Await(FieldCatalog.ForAsync(instance, Trace, CancellationToken));
            }
            catch (JiraApiException ex)
            {
                ThrowJiraError(ex, "fields");
                return null;
            }
        }
    }
}
