using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Resources;
using JiraConnector.Json;
using JiraConnector.Bulk.Markers;
using JiraConnector.Bulk.Journal;
using JiraConnector.Bulk.Sources;
using JiraConnector.Bulk.Jobs;
using JiraConnector.Errors;

namespace JiraConnector.Bulk.Upload
{
    /// <summary>Projects, and the comments and worklogs of incidents: one request a record (Jira has
    /// no bulk call for them). Creates are not repeated blindly: after a lost answer a project is
    /// looked up by its key, a comment or worklog by the job's marker property among its incident's
    /// (ChildMarkerLookup); a Data Center worklog, which cannot be marked, is reported instead.</summary>
    internal sealed class RecordOperation : IBulkOperation
    {
        private readonly BulkContext _context;
        private readonly string _objectName;
        private readonly BulkAction _action;
        private readonly bool _child;
        private readonly ChildMarkerLookup? _markers;

        public RecordOperation(BulkContext context, string objectName, BulkAction action, string identifierField)
        {
            _context = context;
            _objectName = objectName;
            _action = action;
            _child = objectName != "projects";
            if (_child && action == BulkAction.Upsert)
            {
                throw new JiraArgumentException(ErrorIds.InvalidArgument.ActionNotSupported, $"{objectName} cannot be upserted: Jira has no field to find an existing one by. Use -Action Create or Update.", "Action");
            }
            Mapper = new PlainRecordMapper(identifierField, _child);
            if (_child) _markers = new ChildMarkerLookup(context, objectName == "comments");
        }

        public IRecordMapper Mapper { get; }

        public int BatchSize => 10;

        public void Prepare(RowWork work)
        {
        }

        public Task LookUpAsync(SourceRecord record) => Task.CompletedTask;

        public async Task<List<RowOutcome>> RunAsync(IReadOnlyList<RowWork> batch)
        {
            var outcomes = new List<RowOutcome>();
            foreach (var row in batch)
            {
                // Stopping: what is done so far is journaled; the rest stays "sent" for a resume.
                if (_context.Cancellation.IsCancellationRequested) break;
                try
                {
                    outcomes.Add(await RunOneAsync(row).ConfigureAwait(false));
                }
                catch (OperationCanceledException) when (_context.Cancellation.IsCancellationRequested)
                {
                    break;
                }
                catch (ArgumentException ex)
                {
                    outcomes.Add(RowOutcome.Failed(row.Record, null, ex.Message));
                }
                catch (JiraApiException ex) when (!BulkHttp.IsFatal(ex))
                {
                    outcomes.Add(RowOutcome.Failed(row.Record, ex.StatusCode, ex.Message));
                }
            }
            return outcomes;
        }

        private async Task<RowOutcome> RunOneAsync(RowWork row)
        {
            var resource = ResourceCatalog.Resolve(_child ? $"incidents/{row.Parent}/{_objectName}" : _objectName, allowPassThrough: false);
            var definition = resource.Definition;
            var options = new ReadOptions { ParentId = resource.ParentId };
            var update = _action == BulkAction.Update || (_action == BulkAction.Upsert && row.Identifier != null && await ProjectExistsAsync(row.Identifier).ConfigureAwait(false));
            if (update)
            {
                if (row.Identifier == null) throw new ArgumentException($"The record has no identifier: fill its {(_child ? "id" : "key")} column.");
                var body = RequestBodies.Build(definition.WriteShape, _context.Instance, row.Fields, null, row.Identifier);
                using var _ = await BulkHttp.SendAsync(_context, definition.Update!(_context.Instance, options, row.Identifier, body)).ConfigureAwait(false);
                return RowOutcome.Done(row.Record, row.Identifier, null);
            }
            var create = RequestBodies.Build(definition.WriteShape, _context.Instance, row.Fields, null, null);
            if (_markers?.CanMark == true) create = WithMarker(create, row.Row);
            return await CreateAsync(row, definition.Create!(_context.Instance, options, null, create), options).ConfigureAwait(false);
        }

        /// <summary>Sends a create until Jira answers it. Once an attempt may have reached Jira (a
        /// killed process sent it, or its answer was lost) the record is looked up before any other
        /// attempt, and once more after the last.</summary>
        private async Task<RowOutcome> CreateAsync(RowWork row, JiraRequest request, ReadOptions options)
        {
            var unsure = row.Record.MaybeSent;
            for (var attempt = 1; ; attempt++)
            {
                if (unsure && await SettleAsync(row, options).ConfigureAwait(false) is RowOutcome settled) return settled;
                try
                {
                    using var answer = await BulkHttp.SendAsync(_context, request).ConfigureAwait(false);
                    var root = answer?.RootElement;
                    var key = root == null ? null : JsonRead.String(root.Value, "key") ?? JsonRead.String(root.Value, "id");
                    return RowOutcome.Done(row.Record, key, root == null ? null : JsonRead.String(root.Value, "id"));
                }
                catch (JiraApiException ex) when (BulkHttp.IsAmbiguous(ex) && !_context.Cancellation.IsCancellationRequested)
                {
                    unsure = true;
                    if (attempt < _context.MaxAttempts)
                    {
                        await _context.BackoffAsync(attempt).ConfigureAwait(false);
                        continue;
                    }
                    if (unsure && await SettleAsync(row, options).ConfigureAwait(false) is RowOutcome last) return last;
                    throw;
                }
            }
        }

        /// <summary>For a create that may have happened: done if the record is found, failed if it
        /// cannot be looked for (sending it again could make it twice), null if it is not there.</summary>
        private async Task<RowOutcome?> SettleAsync(RowWork row, ReadOptions options)
        {
            if (_markers?.CanMark == false) return RowOutcome.Failed(row.Record, null, ChildMarkerLookup.CannotCheckMessage);
            var existing = await ExistingAsync(row, options).ConfigureAwait(false);
            return existing == null ? null : RowOutcome.Done(row.Record, existing, existing);
        }

        private async Task<bool> ProjectExistsAsync(string key)
        {
            try
            {
                using var _ = await BulkHttp.SendAsync(_context, Rest.Get(_context.Instance, "project/" + Rest.Segment(key))).ConfigureAwait(false);
                return true;
            }
            catch (JiraApiException ex) when (ex.StatusCode == 404)
            {
                return false;
            }
        }

        /// <summary>The record a lost answer may have created: the project with the row's key, or the
        /// comment/worklog of the row's incident that carries this row's marker.</summary>
        private async Task<string?> ExistingAsync(RowWork row, ReadOptions options)
        {
            if (_markers != null) return await _markers.FindAsync(Rest.Issue(options), row.Row).ConfigureAwait(false);
            var key = row.Fields.TryGetValue("key", out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
            return key != null && await ProjectExistsAsync(key).ConfigureAwait(false) ? key : null;
        }

        private string WithMarker(string body, long row)
        {
            using var parsed = JsonDocument.Parse(body);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var property in parsed.RootElement.EnumerateObject()) property.WriteTo(writer);
                BulkMarker.WriteProperties(writer, _context.JobId, row);
                writer.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
