using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Resources;
using JiraConnector.Bulk.Sources;
using JiraConnector.Bulk.Journal;
using JiraConnector.Bulk.Jobs;

namespace JiraConnector.Bulk.Upload
{
    /// <summary>An upload: reads the file record by record, maps each one, and hands batches to at
    /// most ThrottleLimit workers. A batch is journaled as "sent" before it goes and its outcomes
    /// when they come back; on resume, finished rows are skipped and sent-but-unanswered rows are
    /// looked up before they are sent again. Memory holds the batches in flight, not the file.</summary>
    internal static class BulkUpload
    {
        public static async Task RunAsync(BulkRun job, BulkContext context, BulkJournal journal, JournalReplay? replay, CancellationTokenSource failure)
        {
            var manifest = job.Manifest;
            var source = new SourceFile(manifest.File, manifest.Format, manifest.Delimiter, manifest.NoFormulaEscape);
            if (!File.Exists(source.Path)) throw new FileNotFoundException($"The source file {source.Path} no longer exists.");
            var (hash, count) = source.Inspect();
            if (manifest.SourceSha256 != null && !string.Equals(hash, manifest.SourceSha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"{source.Path} has changed since job {job.JobId} started: its SHA-256 is now {hash}, not {manifest.SourceSha256}.");
            }
            if (manifest.SourceSha256 == null)
            {
                manifest.SourceSha256 = hash;
                manifest.Save(job.Folder.Manifest);
            }
            job.SetCount(count);
            journal.Counted(count);
            if (replay != null)
            {
                job.SetProgress(replay.Succeeded + replay.Failed, replay.Failed);
                // A torn journal may have lost any "sent" line: look back to the job's start.
                context.InFlightSince = replay.Damaged ? null : replay.InFlightSince;
            }

            var operation = await CreateOperationAsync(context, manifest).ConfigureAwait(false);
            var pump = new Pump(job, operation, journal, manifest.ThrottleLimit, failure);
            try
            {
                await foreach (var record in source.Records().ReadAsync(context.Cancellation).ConfigureAwait(false))
                {
                    if (pump.Fatal != null) break;
                    if (replay != null)
                    {
                        if (replay.Done.Contains(record.Row)) continue;
                        record.MaybeSent = replay.MaybeSent(record.Row);
                    }
                    await pump.AddAsync(record).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (pump.Fatal != null)
            {
                // A worker met a failure that stops the job; DrainAsync reports it.
            }
            finally
            {
                // Never end the job while workers may still write to its journal.
                await pump.WaitForWorkersAsync().ConfigureAwait(false);
            }
            await pump.DrainAsync().ConfigureAwait(false);
        }

        private static async Task<IBulkOperation> CreateOperationAsync(BulkContext context, BulkManifest manifest)
        {
            if (manifest.ObjectName == "incidents")
            {
                // GET field is not retried on a 500 by the HTTP pipeline; a job should not die of one.
                var catalog = await FieldCatalog.ForAsync(context.Instance, null, context.Cancellation).ConfigureAwait(false);
                return new IncidentOperation(context, catalog, manifest.Action, manifest.IdentifierField);
            }
            return new RecordOperation(context, manifest.ObjectName, manifest.Action, manifest.IdentifierField);
        }

        /// <summary>Batches records and runs them on a bounded number of workers.</summary>
        private sealed class Pump
        {
            private readonly BulkRun _job;
            private readonly IBulkOperation _operation;
            private readonly BulkJournal _journal;
            private readonly BatchSlots _slots;
            private readonly CancellationTokenSource _failure;
            private readonly List<Task> _running = new List<Task>();
            private readonly List<RowOutcome> _refused = new List<RowOutcome>();
            private List<RowWork> _batch = new List<RowWork>();

            public Pump(BulkRun job, IBulkOperation operation, BulkJournal journal, int throttle, CancellationTokenSource failure)
            {
                _job = job;
                _operation = operation;
                _journal = journal;
                _slots = new BatchSlots(throttle);
                _failure = failure;
            }

            private Exception? _fatal;

            /// <summary>The failure that stops the job (a 401), once a worker met one.</summary>
            public Exception? Fatal => Volatile.Read(ref _fatal);

            public async Task WaitForWorkersAsync()
            {
                try
                {
                    await Task.WhenAll(_running).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Each worker records its own failure.
                }
            }

            public async Task AddAsync(SourceRecord record)
            {
                try
                {
                    await _operation.LookUpAsync(record).ConfigureAwait(false);
                    var work = _operation.Mapper.Map(record);
                    _operation.Prepare(work);
                    _batch.Add(work);
                }
                catch (Exception ex) when (ex is ArgumentException || ex is FormatException || ex is InvalidCastException)
                {
                    _refused.Add(RowOutcome.Failed(record, null, ex.Message));
                    if (_refused.Count >= _operation.BatchSize) Flush();
                }
                if (_batch.Count >= _operation.BatchSize) await DispatchAsync().ConfigureAwait(false);
            }

            public async Task DrainAsync()
            {
                if (_batch.Count > 0 && Fatal == null) await DispatchAsync().ConfigureAwait(false);
                Flush();
                await Task.WhenAll(_running).ConfigureAwait(false);
                if (Fatal != null) throw Fatal;
                _failure.Token.ThrowIfCancellationRequested();
            }

            private void Flush()
            {
                if (_refused.Count == 0) return;
                _journal.Finished(_refused);
                _job.AddProgress(_refused.Count, _refused.Count);
                _refused.Clear();
            }

            private async Task DispatchAsync()
            {
                var batch = _batch;
                _batch = new List<RowWork>(_operation.BatchSize);
                Flush();
                await _slots.WaitAsync(_failure.Token).ConfigureAwait(false);
                _running.RemoveAll(t => t.IsCompleted);
                _journal.Sending(batch.Select(w => w.Record).ToList());
                // Started on this thread, which is free again at the first await (the request):
                // one hop fewer per batch.
                _running.Add(RunBatchAsync(batch));
            }

            private async Task RunBatchAsync(IReadOnlyList<RowWork> batch)
            {
                try
                {
                    var outcomes = await _operation.RunAsync(batch).ConfigureAwait(false);
                    _journal.Finished(outcomes);
                    _job.AddProgress(outcomes.Count, outcomes.Count(o => !o.Ok));
                }
                catch (Exception ex) when (_failure.IsCancellationRequested && (ex is OperationCanceledException || ex is Http.JiraApiException))
                {
                    // Stopping (or another worker's failure): whatever this batch met on the way
                    // out, its rows stay "sent", and a resume looks them up.
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref _fatal, ex, null);
                    _failure.Cancel();
                }
                finally
                {
                    _slots.Release();
                }
            }
        }
    }
}
