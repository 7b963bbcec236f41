using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Events;
using JiraConnector.Events.Relay;
using JiraConnector.Adapters;
using JiraConnector.Errors;
using JiraConnector.Http;

namespace JiraConnector.Cmdlets
{
    /// <summary>Listens for Jira's webhooks on a local address and writes each delivery as an event,
    /// checking X-Hub-Signature when a secret is given. Runs until -Count events arrived,
    /// -TimeoutSec passed, or Ctrl+C.</summary>
    [Cmdlet(VerbsCommunications.Receive, "JiraEvent")]
    [OutputType(typeof(JiraEvent))]
    public sealed class ReceiveJiraEventCommand : JiraInstanceCmdlet
    {
        /// <summary>The address to listen on, such as http://127.0.0.1:8080/jira/ (the URL the webhook
        /// points at, or the local end of a tunnel). Loopback only, unless -AllowRemote.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Prefix { get; set; } = string.Empty;

        /// <summary>The admin webhook's secret: deliveries without a matching X-Hub-Signature
        /// (sha256 HMAC of the body) are refused with 401 and reported as errors. Required when the
        /// instance relays events signed with event.notification.signature.key.</summary>
        [Parameter]
        [ValidateNotNull]
        public SecureString? Secret { get; set; }

        /// <summary>Stop after this many seconds (default: listen until -Count or Ctrl+C).</summary>
        [Parameter]
        [Alias("Timeout")]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSec { get; set; }

        /// <summary>Stop after this many events.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Count { get; set; }

        /// <summary>Allow a prefix that other machines can reach (a non-loopback address, + or *).</summary>
        [Parameter]
        public SwitchParameter AllowRemote { get; set; }

        protected override void ProcessRecord()
        {
            var instance = InstanceOrNone();
            if (Secret == null && CallbackDelivery.IsEnabled(instance) && instance!.Events.HasSignatureKey)
            {
                // A signed relay vouches for what it passes on: it must not sign what no one verified.
                ThrowTerminatingError(ErrorRecords.From(new JiraArgumentException(ErrorIds.InvalidArgument.RelayNeedsSecret,
                    $"Instance '{instance.Name}' relays events to its callback URL signed with event.notification.signature.key, so Receive-JiraEvent needs -Secret (the webhook's secret) to verify each delivery before relaying it. Add -Secret, or connect without event.notification.enabled.", "Secret"), Prefix));
            }
            var secret = Secret == null ? null : WebhookSignature.KeyBytes(new NetworkCredential(string.Empty, Secret).Password);
            WebhookListener listener;
            try
            {
                listener = WebhookListener.Start(Prefix, secret, AllowRemote);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, Prefix));
                return;
            }
            catch (WebhookListenerException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, Prefix));
                return;
            }

            using (listener)
            using (var stop = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken))
            {
                if (TimeoutSec > 0) stop.CancelAfter(TimeSpan.FromSeconds(TimeoutSec));
                WriteVerbose($"listening on {listener.Prefix}" + (secret != null ? " (X-Hub-Signature required)" : " (unsigned deliveries accepted)"));
                var serving = Task.Run(() => listener.RunAsync(stop.Token));
                var relay = EventRelay.For(instance, EventRelay.ReceivedPerNotification, Trace);
                var reporter = new RelayReporter(this);
                // What earlier sessions left in the queue goes first.
                var retryAt = relay == null ? null : reporter.Report(relay, Await(relay.SendAsync(stop.Token)));
                var refreshAt = RefreshDynamicWebhooks(instance, stop.Token);
                var received = 0;
                try
                {
                    while (Count == 0 || received < Count)
                    {
                        bool more;
                        using (var wake = CancellationTokenSource.CreateLinkedTokenSource(stop.Token))
                        {
                            // Waiting notifications are tried again when their backoff ends, and the
                            // webhooks refreshed when their day is up, deliveries or not.
                            if (Earliest(retryAt, refreshAt) is { } due) wake.CancelAfter(Until(due));
                            try
                            {
                                more = Await(listener.WaitToReadAsync(wake.Token));
                            }
                            catch (OperationCanceledException) when (!Stopping && !stop.IsCancellationRequested)
                            {
                                var now = DateTimeOffset.UtcNow;
                                if (refreshAt <= now) refreshAt = RefreshDynamicWebhooks(instance, stop.Token);
                                if (retryAt <= now) retryAt = reporter.Report(relay!, Await(relay!.SendAsync(stop.Token)));
                                continue;
                            }
                            catch (OperationCanceledException) when (!Stopping)
                            {
                                WriteVerbose($"no more waiting: -TimeoutSec {TimeoutSec} passed after {received} event(s)");
                                break;
                            }
                        }
                        if (!more) break;
                        while ((Count == 0 || received < Count) && listener.TryRead(out var item))
                        {
                            if (Handle(item, instance, relay)) received++;
                        }
                        // The deliveries read together go on as one notification (20 events at most).
                        if (relay != null) retryAt = reporter.Report(relay, Await(relay.FlushAsync(CancellationToken)));
                    }
                }
                finally
                {
                    relay?.QueueGathered();
                    stop.Cancel();
                    listener.Dispose();
                    _ = serving.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
                }
            }
        }

        /// <summary>Writes one item from the listener; true when it was an event.</summary>
        private bool Handle(ListenerItem item, JiraInstance? instance, EventRelay? relay)
        {
            switch (item.Kind)
            {
                case ListenerItemKind.Delivery:
                    WriteVerbose(item.Message);
                    var ev = item.ToEvent(instance?.Name ?? string.Empty, DateTimeOffset.UtcNow);
                    WriteObject(ev);
                    relay?.Add(ev);
                    if (relay != null && relay.IsFull) relay.QueueGathered();
                    return true;
                case ListenerItemKind.Rejected:
                    WriteError(ErrorRecords.New(item.ErrorId!, item.Message, item.From));
                    return false;
                case ListenerItemKind.Failed:
                    ThrowTerminatingError(ErrorRecords.From(new WebhookListenerException(item.Message, null), Prefix));
                    return false;
                default:
                    WriteVerbose(item.Message);
                    return false;
            }
        }

        /// <summary>On an OAuth 2.0 instance, extends the app's dynamic webhooks (Jira drops them 30
        /// days after their last refresh), so a listener left running keeps receiving; when to do
        /// it again, or null on other instances, whose admin webhooks never expire. A failure warns
        /// and is tried again an hour later: the listener goes on.</summary>
        private DateTimeOffset? RefreshDynamicWebhooks(JiraInstance? instance, CancellationToken cancellationToken)
        {
            if (instance == null || WebhookApi.KindFor(instance, admin: false) != JiraWebhookKind.Dynamic) return null;
            try
            {
                var refreshed = Await(new WebhookApi(instance, Trace).RefreshAsync(null, cancellationToken));
                WriteVerbose($"refreshed {refreshed.Count} dynamic webhook(s) of {instance.Name}" +
                    (refreshed.Count > 0 ? $": they now expire {refreshed.Min(h => h.Expires):u}" : string.Empty));
                return DateTimeOffset.UtcNow + WebhookRefreshInterval;
            }
            catch (JiraApiException ex)
            {
                WriteWarning($"Could not refresh the dynamic webhooks of {instance.Name}: {ex.Message} Jira drops them 30 days after their last refresh; trying again in an hour, or run Register-JiraWebhook -Refresh.");
                return DateTimeOffset.UtcNow + TimeSpan.FromHours(1);
            }
        }

        // Daily: far inside Jira's 30 days, so a listener that was down for a while still refreshes in time.
        private static readonly TimeSpan WebhookRefreshInterval = TimeSpan.FromDays(1);

        private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
            a == null ? b : b == null ? a : a < b ? a : b;

        private static TimeSpan Until(DateTimeOffset when)
        {
            var wait = when - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        /// <summary>The instance is optional here: it names the events and holds the callback settings.</summary>
        private JiraInstance? InstanceOrNone() =>
            Instance == null && SessionRegistry.Current.Default == null ? null : ResolveInstance();
    }
}
