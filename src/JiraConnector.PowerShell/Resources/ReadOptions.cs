namespace JiraConnector.Resources
{
    /// <summary>What a read asks of a resource besides its name.</summary>
    internal sealed class ReadOptions
    {
        public const int DefaultPageSize = 50; // the connector's figure

        public int PageSize { get; set; } = DefaultPageSize;

        /// <summary>JQL for incidents; null lists everything.</summary>
        public string? Jql { get; set; }
    }
}
