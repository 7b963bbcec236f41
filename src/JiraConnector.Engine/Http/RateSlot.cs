using System.Net.Http;
using System.Threading;

namespace JiraConnector.Http
{
    /// <summary>Leave to send one request (with its retries) under a <see cref="RateGate"/>. The HTTP
    /// pipeline shows it every answer, 429s inside the retries included, so the gate learns of a
    /// limit as soon as Jira signals it.</summary>
    internal sealed class RateSlot : System.IDisposable
    {
        private readonly RateGate _gate;
        private readonly int _generation;
        private int _released;

        internal RateSlot(RateGate gate, int generation)
        {
            _gate = gate;
            _generation = generation;
        }

        public void Observe(HttpResponseMessage response) => _gate.ObserveInSlot(response, _generation);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) _gate.Release();
        }
    }
}
