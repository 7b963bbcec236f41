using System.Collections;
using System.Management.Automation;
using JiraConnector.Adapters;

namespace JiraConnector.Completers
{
    /// <summary>The instance a command line being completed would use: its -Instance if typed, else
    /// the session's default. Null when nothing is connected.</summary>
    internal static class CompletionInstance
    {
        // Completion must stay quick: a slow Jira gives no suggestions rather than a frozen prompt.
        public const int TimeoutMilliseconds = 3000;

        public static JiraInstance? From(IDictionary fakeBoundParameters)
        {
            var session = SessionRegistry.Current;
            var given = fakeBoundParameters?["Instance"];
            var value = given is PSObject wrapped ? wrapped.BaseObject : given;
            if (value is JiraInstance instance) return instance;
            return value != null ? session.Find(value.ToString()!) : session.Default;
        }
    }
}
