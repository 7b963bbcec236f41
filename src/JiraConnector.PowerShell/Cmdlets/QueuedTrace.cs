using System.Collections.Concurrent;
using System.Threading;
using JiraConnector.Http;

namespace JiraConnector.Cmdlets
{
    /// <summary>Collects verbose and debug lines from worker threads; the pipeline thread drains them,
    /// since only it may call WriteVerbose and WriteDebug. The semaphore wakes a waiting pipeline
    /// thread for each line.</summary>
    internal sealed class QueuedTrace : IJiraDebugTrace
    {
        private readonly ConcurrentQueue<(bool Debug, string Text)> _lines = new ConcurrentQueue<(bool, string)>();

        public SemaphoreSlim Signal { get; } = new SemaphoreSlim(0);

        /// <summary>Set by the cmdlet when -Debug (or $DebugPreference) asks for debug lines.</summary>
        public bool DebugEnabled { get; set; }

        public void Write(string line) => Enqueue(false, line);

        public void Debug(string line)
        {
            if (DebugEnabled) Enqueue(true, line);
        }

        public bool TryDequeue(out (bool Debug, string Text) line) => _lines.TryDequeue(out line);

        private void Enqueue(bool debug, string line)
        {
            _lines.Enqueue((debug, line));
            Signal.Release();
        }
    }
}
