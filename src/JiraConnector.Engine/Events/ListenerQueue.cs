using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace JiraConnector.Events
{
    /// <summary>What the listener's answering tasks hand to the pipeline thread, bounded: a slow
    /// consumer must not make the process buffer every body Jira sends. A delivery takes room before
    /// it is answered 200 (no room: the listener answers 503 and Jira sends it again later); notes
    /// and refusals beyond their bound are dropped, since a flood of bad requests is no reason to
    /// grow either.</summary>
    internal sealed class ListenerQueue
    {
        internal const int MaxDeliveries = 100;
        internal const long MaxDeliveryBytes = 32L * 1024 * 1024;
        private const int MaxOthers = 1000;

        private readonly Channel<ListenerItem> _items = Channel.CreateUnbounded<ListenerItem>(new UnboundedChannelOptions { SingleReader = true });
        private readonly object _gate = new object();
        private int _deliveries;
        private long _bytes;
        private int _others;

        /// <summary>True when a body of this size could be queued now (checked before reading it).</summary>
        public bool HasRoomFor(long bytes)
        {
            lock (_gate) return _deliveries < MaxDeliveries && _bytes + bytes <= MaxDeliveryBytes;
        }

        /// <summary>Takes room for a delivery; false when the queue is full.</summary>
        public bool TryReserve(long bytes)
        {
            lock (_gate)
            {
                if (_deliveries >= MaxDeliveries || _bytes + bytes > MaxDeliveryBytes) return false;
                _deliveries++;
                _bytes += bytes;
                return true;
            }
        }

        public void Release(long bytes)
        {
            lock (_gate)
            {
                _deliveries--;
                _bytes -= bytes;
            }
        }

        /// <summary>Queues a delivery whose room <see cref="TryReserve"/> took.</summary>
        public void AddDelivery(ListenerItem item) => _items.Writer.TryWrite(item);

        /// <summary>Queues a note or a refusal, unless too many wait already.</summary>
        public void Add(ListenerItem item)
        {
            lock (_gate)
            {
                if (_others >= MaxOthers) return;
                _others++;
            }
            _items.Writer.TryWrite(item);
        }

        /// <summary>The listener's end: always queued, whatever waits.</summary>
        public void Fail(ListenerItem item) => _items.Writer.TryWrite(item);

        public void Complete() => _items.Writer.TryComplete();

        public Task<bool> WaitToReadAsync(CancellationToken cancellationToken) => _items.Reader.WaitToReadAsync(cancellationToken).AsTask();

        public bool TryRead(out ListenerItem item)
        {
            if (!_items.Reader.TryRead(out item!)) return false;
            if (item.Kind == ListenerItemKind.Delivery) Release(item.Size);
            else if (item.Kind != ListenerItemKind.Failed)
            {
                lock (_gate) _others--;
            }
            return true;
        }
    }
}
