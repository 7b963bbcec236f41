using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>An incident property (app data stored on the issue). The list gives keys; reading one
    /// by -Id gives its value too.</summary>
    public sealed class EntityProperty : JiraRecord
    {
        internal EntityProperty(JsonElement json, RecordContext context) : base(json, context)
        {
            Key = JsonRead.String(json, "key") ?? string.Empty;
            Incident = context.ParentId;
        }

        public string Id => Key;
        public string Key { get; }
        public string? Incident { get; }
        /// <summary>The stored JSON as plain values (only when read by key); the module shows it as Value.</summary>
        internal object? PlainValue => JsonRead.Child(Json, "value") is JsonElement value ? JsonValue.ToPlain(value) : null;

        public override string ToString() => Key;
    }
}
