using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using JiraConnector.Connection;
using JiraConnector.Connection.OAuth;
using JiraConnector.Adapters;
using JiraConnector.Errors;
using JiraConnector.Completers;

namespace JiraConnector.Cmdlets
{
    /// <summary>Forgets a connected instance and the credentials it holds in memory; with -Forget,
    /// also its saved OAuth sign-in, so the next Connect-JiraInstance opens the browser again.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "JiraInstance", SupportsShouldProcess = true, DefaultParameterSetName = NameSet)]
    public sealed class DisconnectJiraInstanceCommand : JiraCmdlet
    {
        private const string NameSet = "Name";
        private const string InstanceSet = "Instance";

        /// <summary>Names of the instances to disconnect; the default instance when omitted.</summary>
        [Parameter(Position = 0, ParameterSetName = NameSet)]
        [ArgumentCompleter(typeof(InstanceNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Instances from Get-JiraInstance.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InstanceSet)]
        public JiraInstance[] Instance { get; set; } = new JiraInstance[0];

        /// <summary>Also delete the instance's OAuth refresh token from the per-user token cache.</summary>
        [Parameter]
        public SwitchParameter Forget { get; set; }

        protected override void ProcessRecord()
        {
            var session = SessionRegistry.Current;
            foreach (var instance in Targets(session))
            {
                if (!ShouldProcess(instance.ToString(), Forget ? "Disconnect and forget the saved sign-in" : "Disconnect")) continue;
                if (Forget && instance.Client.Authenticator is OAuthAuthenticator oauth && oauth.ForgetCachedSignIn())
                {
                    WriteVerbose($"Removed the saved sign-in of '{instance.Name}' from the token cache.");
                }
                if (session.Remove(instance)) instance.Client.Dispose();
            }
        }

        private IEnumerable<JiraInstance> Targets(JiraSession session)
        {
            if (ParameterSetName == InstanceSet) return Instance;
            if (Name == null)
            {
                var fallback = session.Default;
                return fallback == null ? Enumerable.Empty<JiraInstance>() : new[] { fallback };
            }
            var found = new List<JiraInstance>();
            foreach (var name in Name)
            {
                var instance = session.Find(name);
                if (instance == null)
                {
                    WriteError(ErrorRecords.NotFound($"No Jira instance named '{name}' is connected.", ErrorIds.ObjectNotFound.InstanceNotFound, name));
                    continue;
                }
                found.Add(instance);
            }
            return found;
        }
    }
}
