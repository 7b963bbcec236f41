using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Internal;
using JiraConnector.Resources;
using JiraConnector.Bulk.Journal;
using JiraConnector.Bulk.Jobs;
using JiraConnector.Bulk.Sources;

namespace JiraConnector.Bulk.Upload
{
    /// <summary>Incidents: create through issue/bulk, update with PUT issue/{key} (safe to repeat),
    /// upsert by looking the identifiers up first. The identifier is the key (or id) column, or any
    /// field given with -IdentifierField (an "External ID" custom field, say).</summary>
    internal sealed class IncidentOperation : IBulkOperation
    {
        private readonly BulkContext _context;
        private readonly FieldCatalog _catalog;
        private readonly BulkAction _action;
        private readonly IncidentCreator _creator;
        private readonly Field? _identifierField;
        private readonly IncidentRecordMapper _fieldMap;

        public IncidentOperation(BulkContext context, FieldCatalog catalog, BulkAction action, string identifierField)
        {
            _context = context;
            _catalog = catalog;
            _action = action;
            _creator = new IncidentCreator(context, catalog);
            var fieldMap = _fieldMap = new IncidentRecordMapper(catalog, identifierField);
            Mapper = action == BulkAction.Create ? new CsvCreateMapper(fieldMap, _creator, context.Instance) : (IRecordMapper)fieldMap;
            if (!IncidentRecordMapper.IsKeyOrId(identifierField)) _identifierField = catalog.Resolve(identifierField);
        }

        public IRecordMapper Mapper { get; }

        public int BatchSize => IncidentCreator.MaxPerRequest;

        public void Prepare(RowWork work)
        {
            if (_action == BulkAction.Create) work.Element ??= _creator.ElementFor(work);
        }

        /// <summary>E-mail addresses in the record's user fields, looked up before the record is
        /// mapped (a CSV row with a plan is written as it is mapped). Most rows have none: only a
        /// cell with an @ in a user column costs anything.</summary>
        [MethodImpl(JitHints.PerRow)]
        public Task LookUpAsync(SourceRecord record)
        {
            if (record.Problem != null) return Task.CompletedTask;
            List<KeyValuePair<string, object?>>? users = null;
            if (record.Cells != null && record.Headers != null)
            {
                var columns = _fieldMap.ColumnsFor(record.Headers);
                for (var i = 0; i < record.Cells.Length && i < columns.Count; i++)
                {
                    var field = columns[i].Field;
                    if (field == null || columns[i].Path.Count > 0 || record.Cells[i].IndexOf('@') <= 0) continue;
                    (users ??= new List<KeyValuePair<string, object?>>()).Add(new KeyValuePair<string, object?>(field.Id,
                        field.Type == "array" ? ColumnPath.SplitValues(record.Cells[i]) : (object)record.Cells[i]));
                }
            }
            else if (record.Json != null)
            {
                users = _fieldMap.Map(record).Fields.ToList();
            }
            return users == null ? Task.CompletedTask : UserDirectory.For(_context.Instance).FindAsync(users, _catalog, null, _context.Cancellation);
        }

        public async Task<List<RowOutcome>> RunAsync(IReadOnlyList<RowWork> batch)
        {
            if (_action == BulkAction.Create) return await _creator.CreateAsync(batch).ConfigureAwait(false);

            var outcomes = new List<RowOutcome>();
            var toCreate = new List<RowWork>();
            var keys = await KeysAsync(batch, outcomes, toCreate).ConfigureAwait(false);
            foreach (var pair in keys)
            {
                var outcome = await UpdateAsync(pair.Key, pair.Value).ConfigureAwait(false);
                if (outcome != null) outcomes.Add(outcome);
                else toCreate.Add(pair.Key);
            }
            if (toCreate.Count > 0) outcomes.AddRange(await _creator.CreateAsync(toCreate).ConfigureAwait(false));
            return outcomes;
        }

        /// <summary>The incident each row changes. Rows without one go to toCreate (upsert) or fail (update).</summary>
        private async Task<List<KeyValuePair<RowWork, string>>> KeysAsync(IReadOnlyList<RowWork> batch, List<RowOutcome> outcomes, List<RowWork> toCreate)
        {
            var keys = new List<KeyValuePair<RowWork, string>>();
            Dictionary<string, List<string>>? found = null;
            if (_identifierField != null)
            {
                var values = batch.Where(r => r.Identifier != null).Select(r => r.Identifier!).Distinct(StringComparer.Ordinal).ToList();
                found = await IdentifierLookup.FindAsync(_context, _identifierField, values).ConfigureAwait(false);
            }
            foreach (var row in batch)
            {
                if (row.Identifier == null)
                {
                    if (_action == BulkAction.Upsert) toCreate.Add(row);
                    else outcomes.Add(RowOutcome.Failed(row.Record, null, "The record has no identifier: fill its key column (or the -IdentifierField column)."));
                    continue;
                }
                if (found == null)
                {
                    keys.Add(new KeyValuePair<RowWork, string>(row, row.Identifier));
                    continue;
                }
                found.TryGetValue(row.Identifier, out var matches);
                if (matches != null && matches.Count > 1)
                {
                    outcomes.Add(RowOutcome.Failed(row.Record, null, $"{matches.Count} incidents have {_identifierField!.Name} '{row.Identifier}' ({string.Join(", ", matches.Take(5))}): the identifier must be unique."));
                }
                else if (matches != null && matches.Count == 1) keys.Add(new KeyValuePair<RowWork, string>(row, matches[0]));
                else if (_action == BulkAction.Upsert) toCreate.Add(row);
                else outcomes.Add(RowOutcome.Failed(row.Record, 404, $"No incident has {_identifierField!.Name} '{row.Identifier}'."));
            }
            return keys;
        }

        /// <summary>PUT issue/{key}. Null when the key names no incident and the action is upsert:
        /// the row is then created.</summary>
        private async Task<RowOutcome?> UpdateAsync(RowWork row, string key)
        {
            try
            {
                // An edit cannot move an incident to another project (Jira refuses the field), so
                // the project column, which a create needs, is left out of updates.
                var fields = row.Fields.Where(f => !string.Equals(f.Key, "project", StringComparison.OrdinalIgnoreCase))
                    .ToDictionary(f => f.Key, f => f.Value, StringComparer.OrdinalIgnoreCase);
                if (fields.Count > 0)
                {
                    row.Body ??= RequestBodies.Build(WriteShape.IssueFields, _context.Instance, fields, _catalog, key);
                    using var _ = await BulkHttp.SendAsync(_context, Rest.Put(_context.Instance, "issue/" + Rest.Segment(key), row.Body)).ConfigureAwait(false);
                }
                return RowOutcome.Done(row.Record, key, null);
            }
            catch (ArgumentException ex)
            {
                return RowOutcome.Failed(row.Record, null, ex.Message);
            }
            catch (JiraApiException ex) when (ex.StatusCode == 404 && _action == BulkAction.Upsert && _identifierField == null)
            {
                return null;
            }
            catch (JiraApiException ex) when (!BulkHttp.IsFatal(ex))
            {
                return RowOutcome.Failed(row.Record, ex.StatusCode, ex.Message);
            }
        }
    }
}
