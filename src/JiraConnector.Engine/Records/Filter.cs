using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>A saved search: its JQL, owner and whether the reader marked it a favourite.
    /// Who else sees it is the resource filters/{id}/permissions.</summary>
    public sealed class Filter : JiraRecord
    {
        internal Filter(JsonElement json, RecordContext context) : base(json, context)
        {
            Id = JsonRead.String(json, "id") ?? string.Empty;
            Name = JsonRead.String(json, "name") ?? string.Empty;
            Owner = JsonRead.Name(json, "owner", "displayName");
            Jql = JsonRead.String(json, "jql");
            Favourite = JsonRead.Bool(json, "favourite");
            Description = JsonRead.String(json, "description");
        }

        public string Id { get; }
        public string Name { get; }
        public string? Owner { get; }
        public string? Jql { get; }
        public bool? Favourite { get; }
        public string? Description { get; }

        public override string ToString() => Name;
    }
}
