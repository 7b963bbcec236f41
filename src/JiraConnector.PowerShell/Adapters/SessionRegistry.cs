using System;
using System.Collections.Concurrent;
using System.Management.Automation.Runspaces;
using JiraConnector.Connection;

namespace JiraConnector.Adapters
{
    /// <summary>Process-wide registry of sessions keyed by runspace, so two runspaces in one process
    /// (ForEach-Object -Parallel, a hosted app) never see each other's connections. A session is
    /// dropped, and its HTTP clients disposed, when its runspace closes.</summary>
    internal static class SessionRegistry
    {
        private static readonly ConcurrentDictionary<Guid, JiraSession> Sessions = new ConcurrentDictionary<Guid, JiraSession>();

        public static JiraSession Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                var key = runspace?.InstanceId ?? Guid.Empty;
                return Sessions.GetOrAdd(key, _ =>
                {
                    if (runspace != null) runspace.StateChanged += OnRunspaceStateChanged;
                    return new JiraSession();
                });
            }
        }

        private static void OnRunspaceStateChanged(object? sender, RunspaceStateEventArgs e)
        {
            if (e.RunspaceStateInfo.State != RunspaceState.Closed && e.RunspaceStateInfo.State != RunspaceState.Broken) return;
            if (sender is Runspace runspace && Sessions.TryRemove(runspace.InstanceId, out var session))
            {
                runspace.StateChanged -= OnRunspaceStateChanged;
                session.Dispose();
            }
        }
    }
}
