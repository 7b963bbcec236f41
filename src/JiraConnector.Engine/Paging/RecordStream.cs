using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace JiraConnector.Paging
{
    /// <summary>The one loop of every read: records in order from a source (already shaped and
    /// filtered), with -Skip, -First and a query's limit applied, and the total for
    /// -IncludeTotalCount. The cmdlets pull records from it one by one on the pipeline thread and
    /// write them; whatever stops the read (the end, -First, Ctrl+C, an error) runs its close, which
    /// keeps where it stopped for -NextPage.
    ///
    /// Its members use only Task and plain objects, so the cmdlet assembly can drive it without
    /// referencing the engine's dependencies.</summary>
    internal sealed class RecordStream
    {
        private readonly IAsyncEnumerator<object> _source;
        private readonly Func<Task<RecordTotal>> _total;
        private readonly Action<RecordStream>? _close;
        private ulong _toSkip;
        private ulong _toTake;
        private bool _closed;

        public RecordStream(IAsyncEnumerator<object> source, ulong skip, ulong take, Func<Task<RecordTotal>>? total = null, Action<RecordStream>? close = null)
        {
            _source = source;
            _toSkip = skip;
            _toTake = take;
            _total = total ?? (() => Task.FromResult(RecordTotal.Unknown));
            _close = close;
        }

        /// <summary>The record the last successful <see cref="MoveNextAsync"/> reached.</summary>
        public object Current { get; private set; } = null!;

        /// <summary>How much of -Skip is still to skip: what a following stream of the same read skips.</summary>
        public ulong SkipLeft => _toSkip;

        /// <summary>True when the source ran to its end (not stopped by -First or a failure).</summary>
        public bool ReachedEnd { get; private set; }

        /// <summary>Moves to the next record. Mostly completes at once: the record comes from a page
        /// already in memory, and the cached true/false task allocates nothing.</summary>
        public async Task<bool> MoveNextAsync()
        {
            while (_toTake > 0)
            {
                if (!await _source.MoveNextAsync().ConfigureAwait(false))
                {
                    ReachedEnd = true;
                    return false;
                }
                if (_toSkip > 0)
                {
                    _toSkip--;
                    continue;
                }
                Current = _source.Current;
                _toTake--;
                return true;
            }
            return false;
        }

        /// <summary>The total for -IncludeTotalCount; known once the first page has been read.</summary>
        public Task<RecordTotal> TotalAsync() => _total();

        /// <summary>Stops the read (dropping a page in flight) and keeps where it stopped. Safe to call twice.</summary>
        public async Task CloseAsync()
        {
            if (_closed) return;
            _closed = true;
            try
            {
                await _source.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                _close?.Invoke(this);
            }
        }

        /// <summary>A stream over records already in hand (a client-side sort, a read by id).</summary>
        public static RecordStream Of(IEnumerable<object> records, ulong skip, ulong take, RecordTotal? total = null) =>
            new RecordStream(Async(records), skip, take, () => Task.FromResult(total ?? RecordTotal.Unknown));

        private static async IAsyncEnumerator<object> Async(IEnumerable<object> records)
        {
            foreach (var record in records) yield return record;
            await Task.CompletedTask.ConfigureAwait(false);
        }
    }
}
