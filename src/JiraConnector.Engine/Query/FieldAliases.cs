using System.Collections.Generic;
using System.Linq;

namespace JiraConnector.Query
{
    /// <summary>One entity known by several names: a status by name or id, a user by account id,
    /// e-mail, user name or display name. A condition matches when any of the names does, as Jira
    /// resolves a JQL value against each of them. The first name is used for ordering.</summary>
    public sealed class FieldAliases
    {
        public FieldAliases(IEnumerable<string?> names)
        {
            Names = names.Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).ToList();
        }

        public IReadOnlyList<string> Names { get; }

        public override string ToString() => Names.Count == 0 ? string.Empty : Names[0];
    }
}
