using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Paging;
using JiraConnector.Json;
using JiraConnector.Errors;

namespace JiraConnector.Resources
{
    /// <summary>Creates, changes and deletes records of a resource. Only what the caller gives is
    /// sent (an issue edit carries just those fields), and the result is read back as a typed record
    /// where Jira answers with no more than a reference.</summary>
    internal sealed class ResourceWriter
    {
        private readonly JiraInstance _instance;
        private readonly ResolvedResource _resource;
        private readonly ReadOptions _options;
        private readonly IJiraTrace? _trace;

        public ResourceWriter(JiraInstance instance, ResolvedResource resource, IJiraTrace? trace)
        {
            _instance = instance;
            _resource = resource;
            _trace = trace;
            _options = new ReadOptions { ParentId = resource.ParentId };
        }

        private ResourceDefinition Definition => _resource.Definition;

        public async Task<IReadOnlyList<JiraRecord>> CreateAsync(IDictionary<string, object?> fields, string? id, CancellationToken cancellationToken)
        {
            var create = Definition.Create ?? throw (Definition.Upload != null
                ? new JiraArgumentException(ErrorIds.InvalidArgument.OperationNotSupported, $"{Definition.Name} records are made from a file: give it with -InFile.", "InFile")
                : NotAllowed("POST", "created", d => d.CanCreate));
            var body = await BodyAsync(WithParent(fields), id, cancellationToken).ConfigureAwait(false);
            var answer = await SendAsync(create(_instance, _options, id, body), cancellationToken).ConfigureAwait(false);
            return await ResultAsync(answer, id, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Creates records from a file (attachments): Jira answers with the records it made.</summary>
        public async Task<IReadOnlyList<JiraRecord>> UploadAsync(string file, CancellationToken cancellationToken)
        {
            var upload = Definition.Upload ?? throw NotAllowed("POST", "made from a file", d => d.Upload != null);
            using var answer = await SendAsync(upload(_instance, _options, file), cancellationToken).ConfigureAwait(false);
            if (answer == null || answer.RootElement.ValueKind != JsonValueKind.Array) return new JiraRecord[0];
            var context = _resource.ContextFor(_instance.Name);
            return answer.RootElement.EnumerateArray().Select(item => Definition.Shaper(item.Clone(), context)).ToList();
        }

        public async Task<IReadOnlyList<JiraRecord>> UpdateAsync(string id, IDictionary<string, object?> fields, bool readBack, CancellationToken cancellationToken)
        {
            var update = Definition.Update ?? throw NotAllowed("PATCH", "changed", d => d.Update != null);
            var body = await BodyAsync(fields, id, cancellationToken).ConfigureAwait(false);
            var answer = await SendAsync(update(_instance, _options, id, body), cancellationToken).ConfigureAwait(false);
            return readBack ? await ResultAsync(answer, id, cancellationToken).ConfigureAwait(false) : new JiraRecord[0];
        }

        /// <summary>An incident edit that also adds values to or removes them from multi-value
        /// fields (-Add, -Remove), leaving their other values alone.</summary>
        public async Task EditAsync(string id, IDictionary<string, object?> fields, IDictionary<string, object?> add, IDictionary<string, object?> remove,
            CancellationToken cancellationToken)
        {
            var update = Definition.WriteShape == WriteShape.IssueFields ? Definition.Update! : throw new JiraArgumentException(ErrorIds.InvalidArgument.OperationNotSupported,
                "-Add and -Remove change the multi-value fields of incidents; set other records' fields with -Fields.", "Add");
            var catalog = await FieldCatalog.ForAsync(_instance, _trace, cancellationToken).ConfigureAwait(false);
            var users = UserDirectory.For(_instance);
            foreach (var values in new[] { fields, add, remove }) await users.FindAsync(values, catalog, _trace, cancellationToken).ConfigureAwait(false);
            var body = RequestBodies.BuildIssueEdit(_instance, fields, add, remove, catalog);
            await SendAsync(update(_instance, _options, id, body), cancellationToken).ConfigureAwait(false);
        }

        public async Task DeleteAsync(string id, CancellationToken cancellationToken)
        {
            var delete = Definition.Delete ?? throw NotAllowed("DELETE", "removed", d => d.Delete != null);
            await SendAsync(delete(_instance, _options, id), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Moves an incident to a status through the workflow: the transition that leads
        /// there is looked up among those Jira offers now, then taken through the same resource
        /// (incidents/{id}/transitions) that New-JiraObject uses. An incident already in that
        /// status is left as it is: false, and nothing is sent.</summary>
        public async Task<bool> TransitionAsync(string issue, string status, CancellationToken cancellationToken)
        {
            var transitions = ResourceCatalog.Get("incidents/{id}/transitions");
            var options = new ReadOptions { ParentId = issue };
            using var document = await _instance.Client.GetJsonAsync(transitions.Paging(_instance, options).FirstRequest, _trace, cancellationToken)
                .ConfigureAwait(false);
            var offered = PageItems.AtPath(document.RootElement, new[] { "transitions" });
            var match = offered.FirstOrDefault(t => string.Equals(JsonRead.Name(t, "to"), status, StringComparison.OrdinalIgnoreCase))
                is JsonElement byStatus && byStatus.ValueKind == JsonValueKind.Object
                ? byStatus
                : offered.FirstOrDefault(t => string.Equals(JsonRead.String(t, "name"), status, StringComparison.OrdinalIgnoreCase));
            if (match.ValueKind != JsonValueKind.Object)
            {
                if (string.Equals(await CurrentStatusAsync(issue, cancellationToken).ConfigureAwait(false), status, StringComparison.OrdinalIgnoreCase)) return false;
                var targets = offered.Select(t => $"'{JsonRead.Name(t, "to")}'").Distinct().ToList();
                throw new JiraArgumentException(ErrorIds.InvalidArgument.NoSuchTransition, $"{issue} cannot move to '{status}' from where it is now. " +
                    (targets.Count == 0 ? "Jira offers no transition." : "It can move to " + string.Join(", ", targets) + "."), "Status");
            }
            var id = JsonRead.String(match, "id");
            var body = RequestBodies.Build(transitions.WriteShape, _instance, new Dictionary<string, object?>(), null, id);
            await SendAsync(transitions.Create!(_instance, options, id, body), cancellationToken).ConfigureAwait(false);
            return true;
        }

        private async Task<string?> CurrentStatusAsync(string issue, CancellationToken cancellationToken)
        {
            var request = Rest.Get(_instance, "issue/" + Rest.Segment(issue), new QueryString().Add("fields", "status"));
            using var document = await _instance.Client.GetJsonAsync(request, _trace, cancellationToken).ConfigureAwait(false);
            return JsonRead.Child(document.RootElement, "fields") is JsonElement fields ? JsonRead.Name(fields, "status") : null;
        }

        /// <summary>The fields with the parent of the path named in the body where Jira wants it
        /// there (a version's project), unless the caller named it.</summary>
        private IDictionary<string, object?> WithParent(IDictionary<string, object?> fields)
        {
            var name = Definition.ParentField;
            if (name == null || _options.ParentId == null || fields.Keys.Any(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))) return fields;
            // Agile ids are numbers in JSON; project keys stay text.
            object parent = long.TryParse(_options.ParentId, out var number) && name.EndsWith("Id", StringComparison.Ordinal) ? number : (object)_options.ParentId;
            return new Dictionary<string, object?>(fields, StringComparer.OrdinalIgnoreCase) { [name] = parent };
        }

        private async Task<string> BodyAsync(IDictionary<string, object?> fields, string? id, CancellationToken cancellationToken)
        {
            var catalog = Definition.WriteShape == WriteShape.IssueFields
                ? await FieldCatalog.ForAsync(_instance, _trace, cancellationToken).ConfigureAwait(false)
                : null;
            if (catalog != null) await UserDirectory.For(_instance).FindAsync(fields, catalog, _trace, cancellationToken).ConfigureAwait(false);
            return RequestBodies.Build(Definition.WriteShape, _instance, fields, catalog, id);
        }

        private async Task<JsonDocument?> SendAsync(JiraRequest request, CancellationToken cancellationToken)
        {
            using var response = await _instance.Client.SendAsync(request, _trace, cancellationToken).ConfigureAwait(false);
            var text = response.Content == null ? null : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(text)) return ReferenceFromLocation(response);
            try
            {
                return JsonDocument.Parse(text!);
            }
            catch (JsonException)
            {
                return null; // a write that succeeded with a non-JSON body has nothing to show
            }
        }

        /// <summary>A 201 with no body (a new issue link) names the record only in Location: its
        /// last segment is the id, made into the reference {"id": ...} that is then read back.</summary>
        private static JsonDocument? ReferenceFromLocation(System.Net.Http.HttpResponseMessage response)
        {
            var location = response.Headers.Location;
            if (location == null) return null;
            var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
            var id = Uri.UnescapeDataString(path.TrimEnd('/').Split('/').Last());
            return Rest.IsSegment(id) ? JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = id })) : null;
        }

        /// <summary>A full record in the answer is shaped as it is; a reference ({id, key, self})
        /// or no answer at all is followed by a read of the record.</summary>
        private async Task<IReadOnlyList<JiraRecord>> ResultAsync(JsonDocument? answer, string? id, CancellationToken cancellationToken)
        {
            using (answer)
            {
                var context = _resource.ContextFor(_instance.Name);
                var root = answer?.RootElement;
                if (root != null && Definition.CreatedInAnswer != null) root = Definition.CreatedInAnswer(root.Value);
                var isReference = root == null || !Definition.AnswersWithRecord || (root.Value.ValueKind == JsonValueKind.Object &&
                    root.Value.EnumerateObject().All(p => p.Name == "id" || p.Name == "key" || p.Name == "self"));
                if (!isReference) return new[] { Definition.Shaper(root!.Value.Clone(), context) };
                var readId = (root == null || !Definition.AnswersWithRecord ? null : JsonRead.String(root.Value, "key") ?? JsonRead.String(root.Value, "id")) ?? id;
                if (readId == null || Definition.ReadOne == null) return new JiraRecord[0];
                return await RecordReader.ReadOneAsync(_instance, _resource, _options, readId, r => r, _trace, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Where Jira has no call for it, says so; where Jira has one the module does not make,
        /// says that and points to Invoke-JiraRestMethod. Either way, lists the resources that can.</summary>
        private JiraArgumentException NotAllowed(string verb, string done, Func<ResourceDefinition, bool> can)
        {
            var able = " Resources that can: " + string.Join(", ", ResourceCatalog.Resources.Where(can).Select(d => d.Name)) + ".";
            var message = Definition.JiraRefuses.Contains(verb)
                ? $"{Definition.Name} records cannot be {done} through Jira's REST API."
                : $"This module does not let {Definition.Name} records be {done}; Invoke-JiraRestMethod reaches Jira's own call (see Jira's REST reference for {Definition.JiraPath}).";
            return new JiraArgumentException(ErrorIds.InvalidArgument.OperationNotSupported, message + able, "Verb");
        }
    }
}
