using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Internal;
using JiraConnector.Resources;
using JiraConnector.Json;
using JiraConnector.Bulk.Markers;
using JiraConnector.Bulk.Sources;
using JiraConnector.Bulk.Journal;
using JiraConnector.Bulk.Jobs;

namespace JiraConnector.Bulk.Upload
{
    /// <summary>Creates incidents 50 a request through issue/bulk, each carrying the job's marker.
    /// A POST is not safe to repeat, so the HTTP pipeline retries it only after a 429 (refused before
    /// any work). After a 500 or a lost answer the rows may or may not exist: their markers are
    /// looked up, the rows found are recorded as created, and only the rest are sent again.</summary>
    internal sealed class IncidentCreator
    {
        public const int MaxPerRequest = 50;

        private readonly BulkContext _context;
        private readonly FieldCatalog _catalog;

        public IncidentCreator(BulkContext context, FieldCatalog catalog)
        {
            _context = context;
            _catalog = catalog;
        }

        [ThreadStatic] private static MemoryStream? _scratch;
        [ThreadStatic] private static Utf8JsonWriter? _scratchWriter;

        /// <summary>The row's issueUpdates element, {"fields":{...},"properties":[marker]}, as UTF-8
        /// JSON written through a per-thread buffer. Bad field values throw ArgumentException, which
        /// fails that row only.</summary>
        [MethodImpl(JitHints.PerRow)]
        public byte[] ElementFor(RowWork work)
        {
            var writer = StartElement();
            RequestBodies.WriteIssueFields(writer, _context.Instance, work.Fields, _catalog);
            return EndElement(writer, work.Row);
        }

        /// <summary>The same, written by a CSV file's plan straight from the record's cells.</summary>
        [MethodImpl(JitHints.PerRow)]
        public byte[] ElementFor(CsvCreatePlan plan, SourceRecord record)
        {
            var writer = StartElement();
            plan.WriteFields(writer, record.Cells!);
            return EndElement(writer, record.Row);
        }

        private static Utf8JsonWriter StartElement()
        {
            var buffer = _scratch ??= new MemoryStream(1024);
            buffer.SetLength(0);
            var writer = _scratchWriter ??= new Utf8JsonWriter(buffer);
            writer.Reset(buffer);
            writer.WriteStartObject();
            return writer;
        }

        private byte[] EndElement(Utf8JsonWriter writer, long row)
        {
            BulkMarker.WriteProperties(writer, _context.JobId, row);
            writer.WriteEndObject();
            writer.Flush();
            return _scratch!.ToArray();
        }

        public async Task<List<RowOutcome>> CreateAsync(IReadOnlyList<RowWork> rows)
        {
            var outcomes = new List<RowOutcome>();
            var pending = new List<RowWork>();
            foreach (var row in rows)
            {
                try
                {
                    row.Element ??= ElementFor(row);
                    pending.Add(row);
                }
                catch (ArgumentException ex)
                {
                    outcomes.Add(RowOutcome.Failed(row.Record, null, ex.Message));
                }
            }
            // Rows a killed process had sent: they may exist already.
            var maybeSent = pending.Where(r => r.Record.MaybeSent).ToList();
            if (maybeSent.Count > 0) await TakeExistingAsync(maybeSent, pending, outcomes, _context.InFlightSince).ConfigureAwait(false);

            // Where a lookup after a lost answer need look from: issues created before the first
            // attempt cannot be these rows.
            var firstSent = DateTimeOffset.Now;
            for (var attempt = 1; pending.Count > 0; attempt++)
            {
                try
                {
                    using var answer = await BulkHttp.SendAsync(_context, BulkRequest(pending)).ConfigureAwait(false);
                    await ReadAnswerAsync(answer?.RootElement, pending, outcomes, firstSent).ConfigureAwait(false);
                    return outcomes;
                }
                catch (JiraApiException ex) when (ex.StatusCode == 400 && ElementErrors(ex.ResponseBody, pending, outcomes))
                {
                    return outcomes;
                }
                catch (JiraApiException ex) when (BulkHttp.IsAmbiguous(ex) && !_context.Cancellation.IsCancellationRequested)
                {
                    // Wait first: Jira's search index may lag a moment behind a create that did happen.
                    await _context.BackoffAsync(attempt).ConfigureAwait(false);
                    await TakeExistingAsync(pending.ToList(), pending, outcomes, firstSent).ConfigureAwait(false);
                    if (pending.Count > 0 && attempt >= _context.MaxAttempts)
                    {
                        outcomes.AddRange(pending.Select(p => RowOutcome.Failed(p.Record, ex.StatusCode, ex.Message)));
                        return outcomes;
                    }
                }
                catch (JiraApiException ex) when (!BulkHttp.IsFatal(ex))
                {
                    outcomes.AddRange(pending.Select(p => RowOutcome.Failed(p.Record, ex.StatusCode, ex.Message)));
                    return outcomes;
                }
            }
            return outcomes;
        }

        /// <summary>{"issueUpdates":[...]} from the rows' elements, in one buffer sized for the batch.</summary>
        [MethodImpl(JitHints.PerRow)]
        private JiraRequest BulkRequest(IReadOnlyList<RowWork> rows)
        {
            var body = new byte[rows.Sum(r => r.Element!.Length + 1) + Prefix.Length + 2];
            Buffer.BlockCopy(Prefix, 0, body, 0, Prefix.Length);
            var at = Prefix.Length;
            for (var i = 0; i < rows.Count; i++)
            {
                if (i > 0) body[at++] = (byte)',';
                var element = rows[i].Element!;
                Buffer.BlockCopy(element, 0, body, at, element.Length);
                at += element.Length;
            }
            body[at++] = (byte)']';
            body[at++] = (byte)'}';
            return Rest.Post(_context.Instance, "issue/bulk", new ArraySegment<byte>(body, 0, at));
        }

        private static readonly byte[] Prefix = Encoding.UTF8.GetBytes("{\"issueUpdates\":[");

        /// <summary>Reads CreatedIssues: "issues" lists the created ones in request order, "errors"
        /// names the failed elements by index. An answer that does not add up is checked by marker.</summary>
        private async Task ReadAnswerAsync(JsonElement? answer, List<RowWork> pending, List<RowOutcome> outcomes, DateTimeOffset sent)
        {
            var failed = new Dictionary<int, (int? Status, string Message)>();
            var created = new List<JsonElement>();
            if (answer is JsonElement root)
            {
                ReadErrors(root, failed);
                if (JsonRead.Child(root, "issues") is JsonElement issues && issues.ValueKind == JsonValueKind.Array) created.AddRange(issues.EnumerateArray());
            }
            var succeeded = Enumerable.Range(0, pending.Count).Where(i => !failed.ContainsKey(i)).ToList();
            foreach (var pair in failed.Where(p => p.Key >= 0 && p.Key < pending.Count))
            {
                outcomes.Add(RowOutcome.Failed(pending[pair.Key].Record, pair.Value.Status, pair.Value.Message));
            }
            if (created.Count == succeeded.Count)
            {
                for (var i = 0; i < created.Count; i++)
                {
                    outcomes.Add(RowOutcome.Done(pending[succeeded[i]].Record, JsonRead.String(created[i], "key"), JsonRead.String(created[i], "id")));
                }
                pending.Clear();
                return;
            }
            var unclear = succeeded.Select(i => pending[i]).ToList();
            pending.Clear();
            pending.AddRange(unclear);
            await TakeExistingAsync(unclear, pending, outcomes, sent).ConfigureAwait(false);
            outcomes.AddRange(pending.Select(p => RowOutcome.Failed(p.Record, null, "Jira's answer to issue/bulk did not say whether this record was created, and it was not found.")));
            pending.Clear();
        }

        private static bool ElementErrors(string? body, List<RowWork> pending, List<RowOutcome> outcomes)
        {
            if (string.IsNullOrWhiteSpace(body)) return false;
            var failed = new Dictionary<int, (int? Status, string Message)>();
            try
            {
                using var document = JsonDocument.Parse(body!);
                ReadErrors(document.RootElement, failed);
            }
            catch (JsonException)
            {
                return false;
            }
            if (failed.Count == 0) return false;
            // A 400 means nothing was created; an element not named has no error of its own.
            var general = failed.Values.First().Message;
            for (var i = 0; i < pending.Count; i++)
            {
                var (status, message) = failed.TryGetValue(i, out var own) ? own : (400, "Not created: another record of the same request was refused (" + general + ").");
                outcomes.Add(RowOutcome.Failed(pending[i].Record, status, message));
            }
            pending.Clear();
            return true;
        }

        [MethodImpl(JitHints.PerRow)]
        private static void ReadErrors(JsonElement root, Dictionary<int, (int? Status, string Message)> failed)
        {
            if (!(JsonRead.Child(root, "errors") is JsonElement errors) || errors.ValueKind != JsonValueKind.Array) return;
            foreach (var error in errors.EnumerateArray())
            {
                if (!(JsonRead.Int64(error, "failedElementNumber") is long index)) continue;
                var status = JsonRead.Int64(error, "status");
                var detail = JsonRead.Child(error, "elementErrors") is JsonElement element ? JiraErrorBody.Parse(element.GetRawText()).ToString() : string.Empty;
                failed[(int)index] = (status == null ? (int?)null : (int)status.Value, detail.Length > 0 ? detail : "Jira refused the record.");
            }
        }

        /// <summary>Moves the rows whose marker is found in Jira from pending to created (sentSince:
        /// when they were first sent, if known; else the lookup goes back to the job's start). If Jira
        /// cannot be asked at all, those rows fail with a message saying they may exist: sending
        /// them blindly could create them twice.</summary>
        private async Task TakeExistingAsync(List<RowWork> candidates, List<RowWork> pending, List<RowOutcome> outcomes, DateTimeOffset? sentSince = null)
        {
            Dictionary<long, (string Key, string Id)> found;
            try
            {
                found = await BulkMarker.FindAsync(_context, candidates.Select(c => c.Row).ToList(), sentSince).ConfigureAwait(false);
            }
            catch (JiraApiException ex) when (!BulkHttp.IsFatal(ex))
            {
                foreach (var row in candidates)
                {
                    outcomes.Add(RowOutcome.Failed(row.Record, null,
                        $"Jira's answer was lost and the job could not check whether this record was created ({ex.Message}). Search for it before uploading it again."));
                    pending.Remove(row);
                }
                return;
            }
            foreach (var row in candidates)
            {
                if (!found.TryGetValue(row.Row, out var issue)) continue;
                outcomes.Add(RowOutcome.Done(row.Record, issue.Key, issue.Id));
                pending.Remove(row);
            }
        }
    }
}
