using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Resources;

namespace JiraConnector.Bulk
{
    /// <summary>Projects, and the comments and worklogs of incidents: one request a record (Jira has
    /// no bulk call for them). Creates are not repeated blindly: after a lost answer a project is
    /// looked up by its key, a comment or worklog by the job's marker property among its incident's.</summary>
    internal sealed class RecordOperation : IBulkOperation
    {
        private readonly BulkContext _context;
        private readonly string _objectName;
        private readonly BulkAction _action;
        private readonly bool _child;

        public RecordOperation(BulkContext context, string objectName, BulkAction action, string identifierField)
        {
            _context = context;
            _objectName = objectName;
            _action = action;
            _child = objectName != "projects";
            if (_child && action == BulkAction.Upsert)
            {
                throw new ArgumentException($"{objectName} cannot be upserted: Jira has no field to find an existing one by. Use -Action Create or Update.", "Action");
            }
            Mapper = new PlainRecordMapper(identifierField, _child);
        }

        public IRecordMapper Mapper { get; }

        public int BatchSize => 10;

        public void Prepare(RowWork work)
        {
        }

        public async Task<List<RowOutcome>> RunAsync(IReadOnlyList<RowWork> batch)
        {
            var outcomes = new List<RowOutcome>();
            foreach (var row in batch)
            {
                try
                {
                    outcomes.Add(await RunOneAsync(row).ConfigureAwait(false));
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
                using var _ = await BulkHttp.SendSafeAsync(_context, definition.Update!(_context.Instance, options, row.Identifier, body)).ConfigureAwait(false);
                return RowOutcome.Done(row.Record, row.Identifier, null);
            }
            var create = RequestBodies.Build(definition.WriteShape, _context.Instance, row.Fields, null, null);
            if (_child) create = WithMarker(create, row.Row);
            for (var attempt = 1; ; attempt++)
            {
                if (row.Record.MaybeSent || attempt > 1)
                {
                    var existing = await ExistingAsync(row, options).ConfigureAwait(false);
                    if (existing != null) return RowOutcome.Done(row.Record, existing, existing);
                }
                try
                {
                    using var answer = await BulkHttp.SendAsync(_context, definition.Create!(_context.Instance, options, null, create)).ConfigureAwait(false);
                    var root = answer?.RootElement;
                    var key = root == null ? null : JsonRead.String(root.Value, "key") ?? JsonRead.String(root.Value, "id");
                    return RowOutcome.Done(row.Record, key, root == null ? null : JsonRead.String(root.Value, "id"));
                }
                catch (JiraApiException ex) when (BulkHttp.IsTransient(ex) && attempt < _context.MaxAttempts && !_context.Cancellation.IsCancellationRequested)
                {
                    await _context.BackoffAsync(attempt).ConfigureAwait(false);
                }
            }
        }

        private async Task<bool> ProjectExistsAsync(string key)
        {
            try
            {
                using var _ = await BulkHttp.SendSafeAsync(_context, Rest.Get(_context.Instance, "project/" + Rest.Segment(key))).ConfigureAwait(false);
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
            if (!_child)
            {
                var key = row.Fields.TryGetValue("key", out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
                return key != null && await ProjectExistsAsync(key).ConfigureAwait(false) ? key : null;
            }
            var path = Rest.Issue(options) + (_objectName == "comments" ? "/comment" : "/worklog");
            using var list = await BulkHttp.SendSafeAsync(_context, Rest.Get(_context.Instance, path, new QueryString().Add("expand", "properties").Add("maxResults", 5000))).ConfigureAwait(false);
            var items = list == null ? null : JsonRead.Child(list.RootElement, _objectName == "comments" ? "comments" : "worklogs");
            if (!(items is JsonElement array) || array.ValueKind != JsonValueKind.Array) return null;
            foreach (var item in array.EnumerateArray())
            {
                if (!(JsonRead.Child(item, "properties") is JsonElement properties) || properties.ValueKind != JsonValueKind.Array) continue;
                foreach (var property in properties.EnumerateArray())
                {
                    if (JsonRead.String(property, "key") != BulkMarker.PropertyKey || !(JsonRead.Child(property, "value") is JsonElement marker)) continue;
                    if (JsonRead.String(marker, "job") == _context.JobId && JsonRead.Int64(marker, "row") == row.Row) return JsonRead.String(item, "id");
                }
            }
            return null;
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
