using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>A kind of link between incidents, with the phrase each end reads it by
    /// ("blocks" outward, "is blocked by" inward).</summary>
    public sealed class IssueLinkType : JiraRecord
    {
        internal IssueLinkType(JsonElement json, RecordContext context) : base(json, context)
        {
            Id = JsonRead.String(json, "id") ?? string.Empty;
            Name = JsonRead.String(json, "name") ?? string.Empty;
            Inward = JsonRead.String(json, "inward");
            Outward = JsonRead.String(json, "outward");
        }

        public string Id { get; }
        public string Name { get; }
        public string? Inward { get; }
        public string? Outward { get; }

        public override string ToString() => Name;
    }
}
