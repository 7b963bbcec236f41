using System.Collections.Generic;

namespace JiraConnector
{
    /// <summary>What Get-JiraObjectType reports about one resource (the connector's GET /objects).</summary>
    public sealed class ObjectType
    {
        internal ObjectType(string name, string jiraPath, IReadOnlyList<string> verbs, string paging, string recordType, IReadOnlyList<ObjectField> fields)
        {
            Name = name;
            JiraPath = jiraPath;
            Verbs = new List<string>(verbs).ToArray();
            Paging = paging;
            RecordType = recordType;
            Fields = new List<ObjectField>(fields).ToArray();
        }

        public string Name { get; }
        public string JiraPath { get; }
        /// <summary>GET, POST (New-JiraObject), PATCH (Set-JiraObject), DELETE (Remove-JiraObject).</summary>
        public string[] Verbs { get; }
        public string Paging { get; }
        /// <summary>The type name of the records, e.g. JiraConnector.Incident.</summary>
        public string RecordType { get; }
        public ObjectField[] Fields { get; }

        public override string ToString() => Name;
    }

    /// <summary>One field of a resource and how a query can use it.</summary>
    public sealed class ObjectField
    {
        internal ObjectField(string name, string? id, string? type, bool queryable, bool filteredByJira)
        {
            Name = name;
            Id = id;
            Type = type;
            Queryable = queryable;
            FilteredByJira = filteredByJira;
        }

        public string Name { get; }
        /// <summary>Jira's id for incident fields (e.g. customfield_10016).</summary>
        public string? Id { get; }
        public string? Type { get; }
        /// <summary>Whether a query's where clause may use it.</summary>
        public bool Queryable { get; }
        /// <summary>True when Jira filters on it (JQL or a query parameter); false when the module filters the records it reads.</summary>
        public bool FilteredByJira { get; }

        public override string ToString() => Name;
    }
}
