using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector.Query
{
    /// <summary>The incident fields OCNQL knows, by every name it accepts. Custom fields come by id
    /// (customfield_10016, cf[10016]) or by display name through the caller's resolver.</summary>
    internal sealed class IncidentFields
    {
        private static readonly Dictionary<string, IncidentField> Standard = BuildStandard();

        private readonly Func<string, string?>? _resolveCustomFieldId;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IncidentField> _custom =
            new System.Collections.Concurrent.ConcurrentDictionary<string, IncidentField>(StringComparer.OrdinalIgnoreCase);

        public IncidentFields(Func<string, string?>? resolveCustomFieldId = null)
        {
            _resolveCustomFieldId = resolveCustomFieldId;
        }

        public static IEnumerable<string> StandardNames => Standard.Keys.OrderBy(k => k, StringComparer.Ordinal);

        public IncidentField Get(string name)
        {
            if (Standard.TryGetValue(name, out var field)) return field;
            // A custom field is resolved once: the caller's resolver may ask Jira, and must not be
            // asked again from the threads that filter and project records.
            if (_custom.TryGetValue(name, out var known)) return known;
            var customId = CustomFieldId(name);
            if (customId != null) return _custom.GetOrAdd(name, Custom(customId));
            throw new OcnqlTranslationException(
                $"'{name}' is not an incident field. Use one of {string.Join(", ", StandardNames)}, a custom field id such as customfield_10016 or cf[10016], " +
                "or a custom field's name, in square brackets when it has spaces: [Story point estimate] (see about_OCNQL).");
        }

        /// <summary>Reads fields by OCNQL name from one issue's JSON, for the client-side evaluator.</summary>
        public Func<string, object?> ReaderFor(JsonElement issue) => name => Get(name).Read(issue);

        /// <summary>Fields by OCNQL name as a select shows them.</summary>
        public Func<string, object?> DisplayFor(JsonElement issue) => name => Get(name).Display(issue);

        private string? CustomFieldId(string name)
        {
            var lower = name.ToLowerInvariant();
            if (lower.StartsWith("customfield_", StringComparison.Ordinal) && IsDigits(lower.Substring(12))) return lower;
            if (lower.StartsWith("cf[", StringComparison.Ordinal) && lower.EndsWith("]", StringComparison.Ordinal) && IsDigits(lower.Substring(3, lower.Length - 4)))
            {
                return "customfield_" + lower.Substring(3, lower.Length - 4);
            }
            var resolved = _resolveCustomFieldId?.Invoke(name);
            return resolved != null && resolved.StartsWith("customfield_", StringComparison.OrdinalIgnoreCase) ? resolved.ToLowerInvariant() : null;
        }

        private static IncidentField Custom(string id) =>
            new IncidentField("cf[" + id.Substring(12) + "]", id, IncidentFieldKind.Number, issue => CustomValue(Fields(issue), id), Shown(id));

        private static Dictionary<string, IncidentField> BuildStandard()
        {
            var key = new IncidentField("key", "key", IncidentFieldKind.Key, issue => JsonRead.String(issue, "key"));
            var id = new IncidentField("id", "id", IncidentFieldKind.Id,
                issue => long.TryParse(JsonRead.String(issue, "id"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (object?)null);
            var project = Reference("project", "project", "key", "id", "name");
            var status = Reference("status", "status", "name", "id");
            var priority = Reference("priority", "priority", "name", "id");
            var type = Reference("issuetype", "issuetype", "name", "id");
            var resolution = Reference("resolution", "resolution", "name", "id");
            var assignee = UserField("assignee");
            var reporter = UserField("reporter");
            var category = new IncidentField("statusCategory", "status", IncidentFieldKind.Reference, issue =>
            {
                var cat = JsonRead.Child(Fields(issue), "status") is JsonElement s ? JsonRead.Child(s, "statusCategory") : null;
                return cat == null ? null : new FieldAliases(new[] { JsonRead.String(cat.Value, "name"), JsonRead.String(cat.Value, "key"), JsonRead.String(cat.Value, "id") });
            });
            var labels = new IncidentField("labels", "labels", IncidentFieldKind.Labels, issue => JsonRead.Strings(Fields(issue), "labels"));
            var created = DateField("created", "created");
            var updated = DateField("updated", "updated");
            var resolved = DateField("resolutiondate", "resolutiondate");
            var summary = new IncidentField("summary", "summary", IncidentFieldKind.Text, issue => JsonRead.String(Fields(issue), "summary"));
            var description = new IncidentField("description", "description", IncidentFieldKind.Text,
                issue => AdfText.ToPlainText(JsonRead.Child(Fields(issue), "description")));

            return new Dictionary<string, IncidentField>(StringComparer.OrdinalIgnoreCase)
            {
                ["key"] = key, ["issuekey"] = key,
                ["id"] = id,
                ["project"] = project, ["project.key"] = project,
                ["status"] = status, ["status.name"] = status,
                ["statusCategory"] = category,
                ["priority"] = priority, ["priority.name"] = priority,
                ["issuetype"] = type, ["type"] = type, ["issuetype.name"] = type,
                ["resolution"] = resolution, ["resolution.name"] = resolution,
                ["assignee"] = assignee, ["assignee.accountId"] = assignee,
                ["reporter"] = reporter, ["reporter.accountId"] = reporter,
                ["labels"] = labels,
                ["created"] = created, ["updated"] = updated, ["resolutiondate"] = resolved, ["resolved"] = resolved,
                ["summary"] = summary, ["description"] = description,
            };
        }

        private static IncidentField Reference(string jql, string fieldId, params string[] names) =>
            new IncidentField(jql, fieldId, IncidentFieldKind.Reference, issue =>
                JsonRead.Child(Fields(issue), fieldId) is JsonElement value ? new FieldAliases(names.Select(n => JsonRead.String(value, n))) : null, Shown(fieldId));

        // Jira resolves a user in JQL by account id, e-mail, user name, key or display name.
        private static IncidentField UserField(string name) =>
            new IncidentField(name, name, IncidentFieldKind.User, issue =>
                JsonRead.Child(Fields(issue), name) is JsonElement user
                    ? new FieldAliases(new[] { "accountId", "emailAddress", "name", "key", "displayName" }.Select(n => JsonRead.String(user, n)))
                    : null, Shown(name));

        private static IncidentField DateField(string jql, string fieldId) =>
            new IncidentField(jql, fieldId, IncidentFieldKind.Date, issue => JsonRead.Date(Fields(issue), fieldId));

        private static JsonElement Fields(JsonElement issue) => JsonRead.Child(issue, "fields") ?? default;

        private static Func<JsonElement, object?> Shown(string fieldId) => issue => FieldDisplay.Of(JsonRead.Child(Fields(issue), fieldId));

        private static object? CustomValue(JsonElement fields, string id)
        {
            var value = JsonRead.Child(fields, id);
            if (value == null) return null;
            switch (value.Value.ValueKind)
            {
                case JsonValueKind.Number: return JsonValue.Number(value.Value);
                case JsonValueKind.String: return value.Value.GetString();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Array: return value.Value.EnumerateArray().Select(Option).ToList();
                default: return Option(value.Value);
            }
        }

        // Select lists and users come as objects: match them by value, name or id.
        private static object? Option(JsonElement element) =>
            element.ValueKind == JsonValueKind.Object
                ? new FieldAliases(new[] { "value", "name", "accountId", "displayName", "id" }.Select(n => JsonRead.String(element, n)))
                : (object?)(element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText());

        private static bool IsDigits(string text) => text.Length > 0 && text.All(OcnqlNames.IsAsciiDigit);
    }
}
