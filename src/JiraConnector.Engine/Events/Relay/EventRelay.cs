using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;

namespace JiraConnector.Events.Relay
{
    /// <summary>Passes events on to an instance's callback URL, losing none: events are gathered into
    /// notifications (10 polled or 20 received events at most), each queued on disk before it is
    /// sent (<see cref="RelayQueue"/>), then the queue is sent oldest first. The first notification
    /// the receiver refuses, or that cannot reach it, stops the sending, so none overtakes another;
    /// it is tried again after a backoff (2 s, doubling to 5 minutes), by this relay or by the next
    /// one of any process, until the receiver takes it.</summary>
    internal sealed class EventRelay
    {
        public const int PolledPerNotification = 10;
        public const int ReceivedPerNotification = 20;
        private static readonly TimeSpan LongestBackoff = TimeSpan.FromMinutes(5);

        private readonly JiraInstance _instance;
        private readonly int _perNotification;
        private readonly IJiraTrace? _trace;
        private readonly List<JiraEvent> _gathered = new List<JiraEvent>();
        private readonly RelayQueue _queue;
        private readonly Uri _url;

        private EventRelay(JiraInstance instance, int perNotification, IJiraTrace? trace)
        {
            _instance = instance;
            _perNotification = perNotification;
            _trace = trace;
            _url = instance.Events.CallbackUrl!;
            _queue = RelayQueue.For(_url);
        }

        /// <summary>The relay of an instance that has event.notification.enabled and a callback URL; null otherwise.</summary>
        public static EventRelay? For(JiraInstance? instance, int perNotification, IJiraTrace? trace) =>
            CallbackDelivery.IsEnabled(instance) ? new EventRelay(instance!, perNotification, trace) : null;

        /// <summary>The callback URL as it may be shown (a query token hidden).</summary>
        public string ShownUrl => UrlRedactor.Redact(_url);

        /// <summary>True when a whole notification's worth of events is gathered.</summary>
        public bool IsFull => _gathered.Count >= _perNotification;

        public void Add(JiraEvent ev) => _gathered.Add(ev);

        /// <summary>Queues the gathered events, then sends what the queue holds.</summary>
        public Task<RelayReport> FlushAsync(CancellationToken cancellationToken)
        {
            QueueGathered();
            return SendAsync(cancellationToken);
        }

        /// <summary>Writes the gathered events to the queue as notifications, sending nothing.</summary>
        public void QueueGathered()
        {
            for (var start = 0; start < _gathered.Count; start += _perNotification)
            {
                var events = _gathered.Skip(start).Take(_perNotification).ToList();
                var id = Guid.NewGuid().ToString();
                _queue.Enqueue(CallbackDelivery.Body(id, _instance.Name, events, DateTimeOffset.UtcNow), id, _instance.Name, ShownUrl, events.Count);
            }
            _gathered.Clear();
        }

        /// <summary>Sends the queue in order, until it is empty or a notification is not taken.</summary>
        public async Task<RelayReport> SendAsync(CancellationToken cancellationToken)
        {
            using var sending = _queue.TryLock();
            if (sending == null) return new RelayReport(0, _queue.Pending().Count, null, "another process is sending this queue");
            var delivered = 0;
            foreach (var notification in _queue.Pending())
            {
                if (notification.NextAttempt > DateTimeOffset.UtcNow)
                {
                    return Stopped(delivered, notification.NextAttempt, notification.LastError);
                }
                var outcome = await CallbackSender.PostAsync(_instance, _url, notification.Body, notification.Id, _instance.Events.SignatureKey, _trace,
                    cancellationToken).ConfigureAwait(false);
                _trace?.Write($"POST {ShownUrl} (notification {notification.Id}, {notification.Events} event(s)) -> {outcome.Text}");
                if (outcome.Delivered)
                {
                    _queue.Remove(notification);
                    delivered++;
                    continue;
                }
                var next = DateTimeOffset.UtcNow + Backoff(notification.Attempts + 1);
                _queue.RecordFailure(notification, next, outcome.Text);
                return Stopped(delivered, next, outcome.Text);
            }
            return new RelayReport(delivered, 0, null, null);
        }

        /// <summary>2 s after the first failure, doubling, at most <see cref="LongestBackoff"/>.</summary>
        internal static TimeSpan Backoff(int attempts) =>
            TimeSpan.FromSeconds(Math.Min(LongestBackoff.TotalSeconds, Math.Pow(2, Math.Min(attempts, 20))));

        private RelayReport Stopped(int delivered, DateTimeOffset? next, string? problem) =>
            new RelayReport(delivered, _queue.Pending().Count, next, problem);
    }

    /// <summary>How a relay's sending went: notifications delivered, those still waiting, when the
    /// first of them is tried again and why it waits.</summary>
    internal sealed class RelayReport
    {
        public RelayReport(int delivered, int waiting, DateTimeOffset? nextAttempt, string? problem)
        {
            Delivered = delivered;
            Waiting = waiting;
            NextAttempt = nextAttempt;
            Problem = problem;
        }

        public int Delivered { get; }
        public int Waiting { get; }
        public DateTimeOffset? NextAttempt { get; }
        public string? Problem { get; }
    }
}
