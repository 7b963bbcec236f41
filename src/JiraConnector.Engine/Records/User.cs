using System.Text.Json;
using JiraConnector.Resources;
using JiraConnector.Json;

namespace JiraConnector
{
    /// <summary>A Jira user (contacts, agents, watchers, group members). Cloud identifies users by
    /// AccountId, Data Center by Name; Id is whichever the instance uses.</summary>
    public sealed class User : JiraRecord
    {
        internal User(JsonElement json, RecordContext context) : base(json, context)
        {
            AccountId = JsonRead.String(json, "accountId");
            Name = JsonRead.String(json, "name");
            Key = JsonRead.String(json, "key");
            DisplayName = JsonRead.String(json, "displayName");
            EmailAddress = JsonRead.String(json, "emailAddress");
            Active = JsonRead.Bool(json, "active");
            AccountType = JsonRead.String(json, "accountType");
            TimeZone = JsonRead.String(json, "timeZone");
        }

        public string Id => AccountId ?? Name ?? Key ?? string.Empty;
        public string? AccountId { get; }
        /// <summary>The user name (Data Center only).</summary>
        public string? Name { get; }
        public string? Key { get; }
        public string? DisplayName { get; }
        public string? EmailAddress { get; }
        public bool? Active { get; }
        public string? AccountType { get; }
        public string? TimeZone { get; }

        public override string ToString() => DisplayName ?? Id;
    }
}
