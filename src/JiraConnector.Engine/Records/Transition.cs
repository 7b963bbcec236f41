using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>A workflow transition available on an incident now.</summary>
    public sealed class Transition : JiraRecord
    {
        internal Transition(JsonElement json, RecordContext context) : base(json, context)
        {
            Id = JsonRead.String(json, "id") ?? string.Empty;
            Incident = context.ParentId;
            Name = JsonRead.String(json, "name");
            ToStatus = JsonRead.Name(json, "to");
            HasScreen = JsonRead.Bool(json, "hasScreen");
        }

        public string Id { get; }
        public string? Incident { get; }
        public string? Name { get; }
        /// <summary>The status the incident is in after this transition.</summary>
        public string? ToStatus { get; }
        public bool? HasScreen { get; }

        public override string ToString() => Name ?? Id;
    }
}
