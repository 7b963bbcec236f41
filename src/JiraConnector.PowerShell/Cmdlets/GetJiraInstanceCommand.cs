using System.Linq;
using System.Management.Automation;
using JiraConnector.Adapters;
using JiraConnector.Errors;
using JiraConnector.Completers;

namespace JiraConnector.Cmdlets
{
    /// <summary>Lists the connected Jira instances of this session.</summary>
    [Cmdlet(VerbsCommon.Get, "JiraInstance")]
    [OutputType(typeof(JiraInstance))]
    public sealed class GetJiraInstanceCommand : JiraCmdlet
    {
        /// <summary>Names to show; wildcards allowed. All when omitted.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(InstanceNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Only the default instance.</summary>
        [Parameter]
        public SwitchParameter Default { get; set; }

        protected override void ProcessRecord()
        {
            var session = SessionRegistry.Current;
            if (Default)
            {
                if (session.Default != null) WriteObject(session.Default);
                return;
            }
            if (Name == null)
            {
                WriteObject(session.Instances, enumerateCollection: true);
                return;
            }
            foreach (var name in Name)
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                var matches = session.Instances.Where(i => pattern.IsMatch(i.Name)).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                {
                    WriteError(ErrorRecords.NotFound($"No Jira instance named '{name}' is connected.", ErrorIds.ObjectNotFound.InstanceNotFound, name));
                }
                WriteObject(matches, enumerateCollection: true);
            }
        }
    }
}
