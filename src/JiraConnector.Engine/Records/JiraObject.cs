using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>A record of a pass-through path the module has no type for: the usual identifying
    /// properties when present, everything else in Raw.</summary>
    public sealed class JiraObject : JiraRecord
    {
        internal JiraObject(JsonElement json, RecordContext context) : base(json, context)
        {
            if (json.ValueKind == JsonValueKind.Object)
            {
                Id = JsonRead.String(json, "id") ?? JsonRead.String(json, "accountId");
                Key = JsonRead.String(json, "key");
                Name = JsonRead.String(json, "name") ?? JsonRead.String(json, "displayName");
            }
            else
            {
                // A bare value in an array (a list of keys or ids, say).
                Id = json.ValueKind == JsonValueKind.String ? json.GetString() : json.GetRawText();
            }
        }

        public string? Id { get; }
        public string? Key { get; }
        public string? Name { get; }

        public override string ToString() => Key ?? Name ?? Id ?? RawJson;
    }
}
