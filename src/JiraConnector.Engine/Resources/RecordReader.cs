using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Paging;
using JiraConnector.Errors;

namespace JiraConnector.Resources
{
    /// <summary>Reads one record of a resource by id: with Jira's own GET when it has one, else by
    /// finding it in the (small) collection. A record that is not there is a JiraNotFound failure.</summary>
    internal static class RecordReader
    {
        public static async Task<IReadOnlyList<JiraRecord>> ReadOneAsync(JiraInstance instance, ResolvedResource resource, ReadOptions options,
            string id, Func<JiraRecord, JiraRecord> shape, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            var definition = resource.Definition;
            var context = resource.ContextFor(instance.Name);
            var found = new List<JiraRecord>();
            if (definition.ReadOne != null)
            {
                var request = definition.ReadOne(instance, options, id);
                using var document = await instance.Client.GetJsonAsync(request, trace, cancellationToken).ConfigureAwait(false);
                var items = document.RootElement.ValueKind == JsonValueKind.Array
                    ? PageItems.FromArray(document.RootElement)
                    : PageItems.Single(document.RootElement);
                foreach (var item in items) found.Add(shape(definition.Shaper(item, context)));
                if (found.Count == 0) throw NotFound(request, resource.ObjectName, id);
                return found;
            }

            var style = definition.Paging(instance, options);
            var reader = new PagedReader(instance.Client, trace);
            await foreach (var item in reader.ReadAsync(PageCursor.Start(style), cancellationToken).ConfigureAwait(false))
            {
                var record = definition.Shaper(item, context);
                if (Matches(record, id)) found.Add(shape(record));
            }
            if (found.Count == 0) throw NotFound(style.FirstRequest, resource.ObjectName, id);
            return found;
        }

        /// <summary>Id, Key or Name equal to what was asked, ignoring case.</summary>
        private static bool Matches(JiraRecord record, string id)
        {
            foreach (var name in new[] { "Id", "Key", "Name" })
            {
                if (RecordProperties.TryGet(record, name, out var value) && value != null &&
                    string.Equals(value.ToString(), id, StringComparison.OrdinalIgnoreCase)) return true;
            }
            return false;
        }

        private static JiraApiException NotFound(JiraRequest request, string objectName, string id) =>
            new JiraApiException(ErrorIds.ObjectNotFound.JiraNotFound, $"There is no {objectName} record with id '{id}'.", request.ToString(), 404);
    }
}
