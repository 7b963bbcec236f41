using System.Linq;
using System.Management.Automation;
using JiraConnector.Errors;
using JiraConnector.Events;
using JiraConnector.Events.Relay;

namespace JiraConnector.Cmdlets
{
    /// <summary>Shows the notifications that wait in the relay queue on disk to reach a callback
    /// URL, oldest first: the ones a receiver refused or could not take, that the next relay (in any
    /// session) sends before anything new.</summary>
    [Cmdlet(VerbsCommon.Get, "JiraEventRelay")]
    [OutputType(typeof(QueuedNotification))]
    public sealed class GetJiraEventRelayCommand : JiraInstanceCmdlet
    {
        protected override void ProcessRecord()
        {
            if (Instance == null)
            {
                // Every queue of this user, whichever session or instance left it.
                foreach (var notification in RelayQueue.All().SelectMany(queue => queue.Pending())) WriteObject(notification);
                return;
            }
            var instance = ResolveInstance();
            if (!CallbackDelivery.IsEnabled(instance))
            {
                ThrowTerminatingError(ErrorRecords.From(new JiraArgumentException(ErrorIds.InvalidArgument.NoEventRelay,
                    $"Instance '{instance.Name}' relays no events: it was connected without event.notification.enabled and event.notification.callback.url. Run Get-JiraEventRelay without -Instance to see every queue.", "Instance"), instance.Name));
            }
            foreach (var notification in RelayQueue.For(instance.Events.CallbackUrl!).Pending()) WriteObject(notification);
        }
    }
}
