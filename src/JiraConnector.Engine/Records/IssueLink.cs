using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>A link between two incidents. Read through incidents/KEY/links it is told from that
    /// incident: Relation is the phrase that leads from it to Other ("blocks", "is blocked by").
    /// Read by itself (issueLink/{id}) it has both ends, From (outward) and To (inward).</summary>
    public sealed class IssueLink : JiraRecord
    {
        internal IssueLink(JsonElement json, RecordContext context) : base(json, context)
        {
            Id = JsonRead.String(json, "id") ?? string.Empty;
            Incident = context.ParentId;
            var type = JsonRead.Child(json, "type");
            Type = type is JsonElement t ? JsonRead.String(t, "name") : null;
            var outward = JsonRead.Child(json, "outwardIssue");
            var inward = JsonRead.Child(json, "inwardIssue");
            if (outward != null && inward != null)
            {
                // The whole link: outwardIssue "blocks" inwardIssue. Read through the inward incident's
                // path, it is told from that end ("is blocked by"), as its issuelinks entry would be.
                From = JsonRead.String(outward.Value, "key");
                var to = JsonRead.String(inward.Value, "key");
                Incident ??= From;
                var fromInward = string.Equals(Incident, to, System.StringComparison.OrdinalIgnoreCase);
                Relation = type is JsonElement both ? JsonRead.String(both, fromInward ? "inward" : "outward") : null;
                var other = fromInward ? outward.Value : inward.Value;
                Other = JsonRead.String(other, "key");
                OtherSummary = JsonRead.Child(other, "fields") is JsonElement otherFields ? JsonRead.String(otherFields, "summary") : null;
            }
            else
            {
                // An entry of an incident's issuelinks: only the other end, under the phrase read from this one.
                var isFrom = outward != null;
                Relation = type is JsonElement one ? JsonRead.String(one, isFrom ? "outward" : "inward") : null;
                var other = outward ?? inward;
                Other = other is JsonElement o ? JsonRead.String(o, "key") : null;
                OtherSummary = other is JsonElement s && JsonRead.Child(s, "fields") is JsonElement fields ? JsonRead.String(fields, "summary") : null;
                From = isFrom ? Incident : Other;
            }
        }

        public string Id { get; }
        /// <summary>The incident the link was read through.</summary>
        public string? Incident { get; }
        /// <summary>The link type's name (Blocks, Relates, Duplicate, Cloners).</summary>
        public string? Type { get; }
        /// <summary>How Incident relates to Other, in the type's words.</summary>
        public string? Relation { get; }
        /// <summary>The key of the incident at the other end.</summary>
        public string? Other { get; }
        public string? OtherSummary { get; }
        /// <summary>The key of the link's outward (from) incident.</summary>
        public string? From { get; }

        public override string ToString() => $"{Incident} {Relation} {Other}";
    }
}
