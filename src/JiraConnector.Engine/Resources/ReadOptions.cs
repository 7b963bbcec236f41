using System;
using System.Collections.Generic;

namespace JiraConnector.Resources
{
    /// <summary>What a read (or a write) asks of a resource besides its name.</summary>
    internal sealed class ReadOptions
    {
        public const int DefaultPageSize = 50; // the connector's figure

        /// <summary>-ThrottleLimit's default, as for bulk jobs.</summary>
        public const int DefaultConcurrency = 4;

        public int PageSize { get; set; } = DefaultPageSize;

        /// <summary>How many requests a read of incidents may have in flight at once (-ThrottleLimit);
        /// 1 reads one page after another.</summary>
        public int Concurrency { get; set; } = 1;

        /// <summary>JQL for incidents; null lists everything.</summary>
        public string? Jql { get; set; }

        /// <summary>The parent's id for child resources (the issue of incidents/{id}/comments).</summary>
        public string? ParentId { get; set; }

        /// <summary>Jira field ids to ask for (incidents); null for the defaults.</summary>
        public IReadOnlyList<string>? Fields { get; set; }

        /// <summary>Issue properties each found incident should carry (search's properties parameter).</summary>
        public IReadOnlyList<string>? Properties { get; set; }

        /// <summary>A project key (or issue key) for agents: Jira lists assignable users per project.</summary>
        public string? Project { get; set; }

        /// <summary>Where the worklogs feed starts.</summary>
        public DateTimeOffset? Since { get; set; }

        /// <summary>Filters pushed down to the endpoint's own parameters by a query: the endpoint
        /// returns a superset, the client still applies the whole clause. Keys are parameter names
        /// (keys, query, groupName), values are what to send.</summary>
        public IDictionary<string, IReadOnlyList<string>> ServerFilters { get; } = new Dictionary<string, IReadOnlyList<string>>();
    }
}
