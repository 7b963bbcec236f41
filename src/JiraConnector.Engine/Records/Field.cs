using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>A system or custom field of incidents, as GET field describes it.</summary>
    public sealed class Field : JiraRecord
    {
        internal Field(JsonElement json, RecordContext context) : base(json, context)
        {
            Id = JsonRead.String(json, "id") ?? string.Empty;
            Name = JsonRead.String(json, "name");
            Custom = JsonRead.Bool(json, "custom") ?? false;
            var schema = JsonRead.Child(json, "schema") ?? default;
            Type = JsonRead.String(schema, "type");
            ItemType = JsonRead.String(schema, "items");
            CustomType = JsonRead.String(schema, "custom");
            Searchable = JsonRead.Bool(json, "searchable") ?? false;
            Navigable = JsonRead.Bool(json, "navigable") ?? false;
            Orderable = JsonRead.Bool(json, "orderable") ?? false;
            ClauseNames = JsonRead.Strings(json, "clauseNames");
        }

        public string Id { get; }
        public string? Name { get; }
        public bool Custom { get; }
        /// <summary>The schema type: string, number, user, array, option, datetime...</summary>
        public string? Type { get; }
        /// <summary>For arrays, the type of the items.</summary>
        public string? ItemType { get; }
        /// <summary>For custom fields, the plugin type (e.g. ...:textarea).</summary>
        public string? CustomType { get; }
        /// <summary>Whether JQL can query it.</summary>
        public bool Searchable { get; }
        public bool Navigable { get; }
        public bool Orderable { get; }
        /// <summary>The names JQL knows it by.</summary>
        public string[] ClauseNames { get; }

        /// <summary>Fields that Cloud's v3 API writes and reads as ADF.</summary>
        internal bool IsRichText =>
            Id == "description" || Id == "environment" ||
            (CustomType != null && CustomType.EndsWith(":textarea", System.StringComparison.Ordinal));

        public override string ToString() => Name ?? Id;
    }
}
