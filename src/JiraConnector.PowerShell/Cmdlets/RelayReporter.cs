using System;
using System.Management.Automation;
using JiraConnector.Events.Relay;

namespace JiraConnector.Cmdlets
{
    /// <summary>What the relaying cmdlets say of their sending: a verbose line each time, and a
    /// warning when notifications are left in the relay queue (nothing is lost, and this says what
    /// sends them), once until the queue empties again, so a loop that keeps failing does not repeat
    /// it every round.</summary>
    internal sealed class RelayReporter
    {
        private readonly Cmdlet _cmdlet;
        private bool _warned;

        public RelayReporter(Cmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        /// <summary>Reports one sending; returns when the queue should be tried again (null: it is empty).</summary>
        public DateTimeOffset? Report(EventRelay relay, RelayReport report)
        {
            _cmdlet.WriteVerbose($"relay to {relay.ShownUrl}: {report.Delivered} notification(s) delivered, {report.Waiting} waiting");
            if (report.Waiting == 0)
            {
                _warned = false;
                return null;
            }
            if (!_warned)
            {
                _warned = true;
                _cmdlet.WriteWarning($"{report.Waiting} notification(s) wait in the relay queue for {relay.ShownUrl} ({report.Problem})"
                    + (report.NextAttempt is DateTimeOffset next ? $"; the next try is at {next.ToLocalTime():T} or later" : string.Empty)
                    + ". Nothing is lost: the next relay to this callback URL (Get-JiraEvent, Wait-JiraEvent or Receive-JiraEvent, in any session) sends them first, in order. Get-JiraEventRelay shows them.");
            }
            return report.NextAttempt ?? DateTimeOffset.UtcNow + EventRelay.Backoff(1);
        }
    }
}
