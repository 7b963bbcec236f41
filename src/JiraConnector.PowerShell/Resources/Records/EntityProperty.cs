using System.Text.Json;
using JiraConnector.Resources;

namespace JiraConnector
{
    /// <summary>An incident property (app data stored on the issue). The list gives keys; reading one
    /// by -Id gives its value too.</summary>
    public sealed class EntityProperty : JiraRecord
    {
        private object? _value;

        internal EntityProperty(JsonElement json, RecordContext context) : base(json, context)
        {
            Key = JsonRead.String(json, "key") ?? string.Empty;
            Incident = context.ParentId;
        }

        public string Id => Key;
        public string Key { get; }
        public string? Incident { get; }
        /// <summary>The stored JSON as PowerShell objects (only when read by key).</summary>
        public object? Value => _value ??= JsonRead.Child(Json, "value") is JsonElement value ? JsonToPowerShell.Convert(value) : null;

        public override string ToString() => Key;
    }
}
