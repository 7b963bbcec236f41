using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using JiraConnector.Internal;
using JiraConnector.Json;
using JiraConnector.Errors;

namespace JiraConnector.Resources
{
    /// <summary>Turns the -Fields of New-JiraObject and Set-JiraObject into Jira's request body:
    /// plain text becomes ADF where Cloud's v3 API wants it, field names become ids, and simple values
    /// take the shape each field type needs ("High" becomes {"name":"High"}).</summary>
    internal static class RequestBodies
    {
        private static readonly HashSet<string> ByName = new HashSet<string>(StringComparer.Ordinal)
        {
            "priority", "issuetype", "status", "resolution", "version", "component", "securitylevel",
        };

        public static string Build(WriteShape shape, JiraInstance instance, IDictionary<string, object?> fields, FieldCatalog? catalog, string? id)
        {
            var adf = WritesAdf(instance);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                switch (shape)
                {
                    case WriteShape.IssueFields:
                        WriteIssue(writer, fields, catalog!, adf, instance.Deployment == JiraDeployment.Cloud, UserDirectory.For(instance));
                        break;
                    case WriteShape.Comment:
                        WriteWithText(writer, fields, "body", adf, required: true);
                        break;
                    case WriteShape.Worklog:
                        WriteWorklog(writer, fields, adf);
                        break;
                    case WriteShape.Transition:
                        WriteTransition(writer, fields, id);
                        break;
                    case WriteShape.Watcher:
                        var user = id ?? Text(Take(fields, "accountId") ?? Take(fields, "name") ?? Take(fields, "username"));
                        if (string.IsNullOrEmpty(user)) throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidId, "Give the watcher's account id (Cloud) or user name (Data Center) with -Id.", "Id");
                        writer.WriteStringValue(user);
                        break;
                    case WriteShape.GroupMember:
                        var cloud = instance.Deployment == JiraDeployment.Cloud;
                        var member = id ?? Text(Take(fields, cloud ? "accountId" : "name"));
                        if (string.IsNullOrEmpty(member)) throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidId, "Give the member's account id (Cloud) or user name (Data Center) with -Id.", "Id");
                        writer.WriteStartObject();
                        writer.WriteString(cloud ? "accountId" : "name", member);
                        writer.WriteEndObject();
                        break;
                    case WriteShape.SprintIssue:
                        var issue = id ?? Text(Take(fields, "issue") ?? Take(fields, "key"));
                        if (string.IsNullOrEmpty(issue)) throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidId, "Give the incident to move into the sprint with -Id, e.g. -Id OPS-1.", "Id");
                        writer.WriteStartObject();
                        writer.WriteStartArray("issues");
                        writer.WriteStringValue(issue);
                        writer.WriteEndArray();
                        writer.WriteEndObject();
                        break;
                    case WriteShape.IssueLink:
                        WriteIssueLink(writer, fields);
                        break;
                    case WriteShape.PropertyValue when fields.Count == 1 && fields.Keys.Single().Equals("value", StringComparison.OrdinalIgnoreCase):
                        PlainJson.Write(writer, fields.Values.Single());
                        break;
                    default:
                        PlainJson.Write(writer, fields.ToDictionary(p => p.Key, p => p.Value));
                        break;
                }
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        /// <summary>A link: Type (a name such as Blocks, or an id), Other (the incident linked to, the
        /// inward end) and outwardIssue (the incident of the path, filled in by the writer); any other
        /// member (comment) as given. Keys may also be given as Jira's {"key": ...} objects.</summary>
        private static void WriteIssueLink(Utf8JsonWriter writer, IDictionary<string, object?> fields)
        {
            var rest = new Dictionary<string, object?>(fields, StringComparer.OrdinalIgnoreCase);
            object? Pop(string name)
            {
                if (!rest.TryGetValue(name, out var value)) return null;
                rest.Remove(name);
                return value;
            }
            var type = Pop("type");
            var inward = Pop("Other") ?? Pop("inwardIssue");
            var outward = Pop("outwardIssue");
            if (type == null) throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidField, "A link needs its Type: a link type's name (Blocks, Relates, Duplicate, Cloners; see Get-JiraObject link-types) or id.", "Fields");
            if (inward == null) throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidField, "A link needs the incident it leads to: Other = 'OPS-2' (the incident of the path Blocks it).", "Fields");
            writer.WriteStartObject();
            writer.WritePropertyName("type");
            WriteReference(writer, type, "name");
            writer.WritePropertyName("inwardIssue");
            WriteReference(writer, inward, "key");
            writer.WritePropertyName("outwardIssue");
            WriteReference(writer, outward, "key");
            foreach (var pair in rest)
            {
                writer.WritePropertyName(pair.Key);
                PlainJson.Write(writer, pair.Value);
            }
            writer.WriteEndObject();
        }

        /// <summary>{"name": text} ({"id": n} for a number), or the hashtable given as it is.</summary>
        private static void WriteReference(Utf8JsonWriter writer, object? value, string byText)
        {
            if (value is IDictionary || value is IDictionary<string, object?>)
            {
                PlainJson.Write(writer, value);
                return;
            }
            var text = Text(value) ?? string.Empty;
            writer.WriteStartObject();
            writer.WriteString(long.TryParse(text, out _) && byText == "name" ? "id" : byText, text);
            writer.WriteEndObject();
        }

        private static void WriteIssue(Utf8JsonWriter writer, IDictionary<string, object?> fields, FieldCatalog catalog, bool adf, bool cloud, UserDirectory users)
        {
            writer.WriteStartObject();
            WriteFieldsMember(writer, fields, catalog, adf, cloud, users);
            writer.WriteEndObject();
        }

        /// <summary>An issue edit that sets <paramref name="fields"/> and adds values to or removes
        /// them from multi-value fields (labels, components, versions) without replacing the others:
        /// Jira's "update" member, {"labels":[{"add":"a"},{"remove":"b"}]}.</summary>
        public static string BuildIssueEdit(JiraInstance instance, IDictionary<string, object?> fields, IDictionary<string, object?> add,
            IDictionary<string, object?> remove, FieldCatalog catalog)
        {
            var cloud = instance.Deployment == JiraDeployment.Cloud;
            var users = UserDirectory.For(instance);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                if (fields.Count > 0) WriteFieldsMember(writer, fields, catalog, WritesAdf(instance), cloud, users);
                writer.WriteStartObject("update");
                var changes = add.Select(p => (Verb: "add", p.Key, p.Value)).Concat(remove.Select(p => (Verb: "remove", p.Key, p.Value)));
                foreach (var group in changes.GroupBy(c => catalog.Resolve(c.Key).Id, StringComparer.OrdinalIgnoreCase))
                {
                    var field = catalog.Find(group.Key)!;
                    if (field.Type != "array")
                    {
                        throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidField,
                            $"-Add and -Remove change fields of several values (labels, components, versions); '{field.Name}' holds one value: set it with -Fields.", "Add");
                    }
                    writer.WriteStartArray(field.Id);
                    foreach (var change in group)
                    {
                        if (change.Value == null) continue;
                        foreach (var item in Items(change.Value))
                        {
                            writer.WriteStartObject();
                            writer.WritePropertyName(change.Verb);
                            WriteItem(writer, field.ItemType, item, cloud, users);
                            writer.WriteEndObject();
                        }
                    }
                    writer.WriteEndArray();
                }
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        /// <summary>The "fields" member of an issue body, written into an object the caller has
        /// opened (bulk jobs write fifty issues into one request, each with more members).</summary>
        internal static void WriteIssueFields(Utf8JsonWriter writer, JiraInstance instance, IDictionary<string, object?> fields, FieldCatalog catalog) =>
            WriteFieldsMember(writer, fields, catalog, WritesAdf(instance), instance.Deployment == JiraDeployment.Cloud, UserDirectory.For(instance));

        /// <summary>Whether rich-text fields go as ADF: Cloud's v3 API (v2 and Data Center take plain text).</summary>
        internal static bool WritesAdf(JiraInstance instance) => instance.RestPath.IndexOf("/3/", StringComparison.Ordinal) >= 0;

        [MethodImpl(JitHints.PerRow)]
        private static void WriteFieldsMember(Utf8JsonWriter writer, IDictionary<string, object?> fields, FieldCatalog catalog, bool adf, bool cloud, UserDirectory users)
        {
            writer.WriteStartObject("fields");
            foreach (var pair in fields)
            {
                var field = catalog.Resolve(pair.Key);
                writer.WritePropertyName(field.Id);
                WriteFieldValue(writer, field, pair.Value, adf, cloud, users);
            }
            writer.WriteEndObject();
        }

        [MethodImpl(JitHints.PerRow)]
        internal static void WriteFieldValue(Utf8JsonWriter writer, Field field, object? value, bool adf, bool cloud, UserDirectory users)
        {
            if (value == null || value is IDictionary)
            {
                PlainJson.Write(writer, value);
                return;
            }
            switch (field.Type)
            {
                case "string" when field.IsRichText && adf && value is string text:
                    AdfText.WriteDocument(writer, text);
                    return;
                case "number" when value is string number && double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed):
                    writer.WriteNumberValue(parsed);
                    return;
                case "array":
                    writer.WriteStartArray();
                    foreach (var item in Items(value)) WriteItem(writer, field.ItemType, item, cloud, users);
                    writer.WriteEndArray();
                    return;
                default:
                    WriteItem(writer, field.Type ?? field.Id, value, cloud, users);
                    return;
            }
        }

        /// <summary>One value in the shape of its type: users by account id (or name on Data
        /// Center; an e-mail address as the account <see cref="UserDirectory"/> found for it), named
        /// things by name or id, options by value, projects by key or id.</summary>
        [MethodImpl(JitHints.PerRow)]
        private static void WriteItem(Utf8JsonWriter writer, string? type, object? value, bool cloud, UserDirectory users)
        {
            if (value == null || value is IDictionary || !(value is string || value is ValueType))
            {
                PlainJson.Write(writer, value);
                return;
            }
            var text = Text(value)!;
            var numeric = IsDigits(text);
            switch (type)
            {
                case "user":
                    writer.WriteStartObject();
                    writer.WriteString(cloud ? "accountId" : "name", users.AccountOf(text));
                    writer.WriteEndObject();
                    return;
                case "project":
                    writer.WriteStartObject();
                    writer.WriteString(numeric ? "id" : "key", text);
                    writer.WriteEndObject();
                    return;
                case "option":
                    writer.WriteStartObject();
                    writer.WriteString(numeric ? "id" : "value", text);
                    writer.WriteEndObject();
                    return;
                case string named when ByName.Contains(named):
                    writer.WriteStartObject();
                    writer.WriteString(numeric ? "id" : "name", text);
                    writer.WriteEndObject();
                    return;
                default:
                    PlainJson.Write(writer, value);
                    return;
            }
        }

        private static void WriteWithText(Utf8JsonWriter writer, IDictionary<string, object?> fields, string textField, bool adf, bool required)
        {
            if (required && !fields.ContainsKey(textField))
            {
                throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidField, $"Give the {textField} in -Fields, e.g. -Fields @{{{textField}='...'}}.", "Fields");
            }
            writer.WriteStartObject();
            foreach (var pair in fields)
            {
                writer.WritePropertyName(string.Equals(pair.Key, textField, StringComparison.OrdinalIgnoreCase) ? textField : pair.Key);
                if (string.Equals(pair.Key, textField, StringComparison.OrdinalIgnoreCase) && adf && pair.Value is string text)
                {
                    AdfText.WriteDocument(writer, text);
                }
                else
                {
                    PlainJson.Write(writer, pair.Value);
                }
            }
            writer.WriteEndObject();
        }

        private static void WriteWorklog(Utf8JsonWriter writer, IDictionary<string, object?> fields, bool adf)
        {
            // Jira requires "started"; now is what a user logging time usually means.
            var copy = new Dictionary<string, object?>(fields, StringComparer.OrdinalIgnoreCase);
            if (!copy.ContainsKey("started")) copy["started"] = DateTimeOffset.Now;
            WriteWithText(writer, copy, "comment", adf, required: false);
        }

        private static void WriteTransition(Utf8JsonWriter writer, IDictionary<string, object?> fields, string? id)
        {
            var transition = id ?? Text(Take(fields, "id") ?? Take(fields, "transition"));
            if (string.IsNullOrEmpty(transition)) throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidId, "Give the transition's id with -Id (Get-JiraObject incidents/KEY/transitions lists them).", "Id");
            writer.WriteStartObject();
            writer.WriteStartObject("transition");
            writer.WriteString("id", transition);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        private static object? Take(IDictionary<string, object?> fields, string name) => fields.TryGetValue(name, out var value) ? value : null;

        [MethodImpl(JitHints.PerRow)]
        private static string? Text(object? value) =>
            value as string ?? (value == null ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));

        private static bool IsDigits(string text)
        {
            if (text.Length == 0) return false;
            foreach (var c in text)
            {
                if (!char.IsDigit(c)) return false;
            }
            return true;
        }

        [MethodImpl(JitHints.PerRow)]
        private static IEnumerable<object?> Items(object value) =>
            value is string || !(value is IEnumerable list) ? new[] { value } : value as IEnumerable<object?> ?? list.Cast<object?>();
    }
}
