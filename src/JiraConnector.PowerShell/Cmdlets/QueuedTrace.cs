using System.Collections.Concurrent;
using System.Threading;
using JiraConnector.Http;

namespace JiraConnector.Cmdlets
{
    /// <summary>Collects verbose lines from worker threads; the pipeline thread drains them, since
    /// only it may call WriteVerbose. The semaphore wakes a waiting pipeline thread for each line.</summary>
    internal sealed class QueuedTrace : IJiraTrace
    {
        private readonly ConcurrentQueue<string> _lines = new ConcurrentQueue<string>();

        public SemaphoreSlim Signal { get; } = new SemaphoreSlim(0);

        public void Write(string line)
        {
            _lines.Enqueue(line);
            Signal.Release();
        }

        public bool TryDequeue(out string line) => _lines.TryDequeue(out line!);
    }
}
