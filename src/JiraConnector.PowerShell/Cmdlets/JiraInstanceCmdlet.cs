using System.Management.Automation;
using JiraConnector.Adapters;
using JiraConnector.Errors;
using JiraConnector.Completers;

namespace JiraConnector.Cmdlets
{
    /// <summary>Base of cmdlets that talk to Jira: resolves -Instance (a name or a JiraInstance),
    /// else the session's default instance.</summary>
    public abstract class JiraInstanceCmdlet : JiraCmdlet
    {
        /// <summary>The instance to use: its name or the object from Get-JiraInstance. Defaults to
        /// the session's default instance.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(InstanceNameCompleter))]
        [ValidateNotNull]
        public object? Instance { get; set; }

        /// <summary>The full path of an -InFile to upload; stops the cmdlet when there is no such file.</summary>
        internal string ExistingInFile(string path)
        {
            var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            if (!System.IO.File.Exists(full))
            {
                ThrowTerminatingError(ErrorRecords.NotFound($"-InFile '{path}' does not exist.", ErrorIds.ObjectNotFound.SourceFileNotFound, path));
            }
            return full;
        }

        internal JiraInstance ResolveInstance()
        {
            var session = SessionRegistry.Current;
            var value = Instance is PSObject wrapped ? wrapped.BaseObject : Instance;
            if (value is JiraInstance given) return given;
            if (value != null)
            {
                var name = value.ToString();
                var found = session.Find(name!);
                if (found != null) return found;
                ThrowTerminatingError(ErrorRecords.NotFound(
                    $"No Jira instance named '{name}' is connected. Run Get-JiraInstance to see the connected instances.",
                    ErrorIds.ObjectNotFound.InstanceNotFound, name));
            }
            var fallback = session.Default;
            if (fallback == null)
            {
                ThrowTerminatingError(ErrorRecords.NotFound(
                    "No Jira instance is connected. Run Connect-JiraInstance first.", ErrorIds.ObjectNotFound.NotConnected, null));
            }
            return fallback!;
        }

        /// <summary>A piped object (a webhook, say) belongs to the instance it was read from, unless
        /// -Instance says otherwise.</summary>
        internal JiraInstance ResolveInstance(string? pipedInstanceName)
        {
            if (Instance != null || string.IsNullOrEmpty(pipedInstanceName)) return ResolveInstance();
            Instance = pipedInstanceName;
            try
            {
                return ResolveInstance();
            }
            finally
            {
                Instance = null;
            }
        }
    }
}
