using System.Collections.Generic;
using System.Security;

namespace JiraConnector.Bulk.Jobs
{
    /// <summary>What Start-JiraBulkJob asks for, its paths already resolved: an upload of a file, or
    /// a download of a query's incidents.</summary>
    internal sealed class BulkRequest
    {
        /// <summary>incidents, projects, comments or worklogs (downloads: incidents).</summary>
        public string ObjectName { get; set; } = "incidents";

        public BulkAction Action { get; set; } = BulkAction.Create;

        /// <summary>The file to read (uploads) or write (downloads).</summary>
        public string File { get; set; } = string.Empty;

        public string? IdentifierField { get; set; }

        public string? Delimiter { get; set; }

        public string? Jql { get; set; }

        public string? Query { get; set; }

        public IReadOnlyList<string>? Fields { get; set; }

        public bool NoFormulaEscape { get; set; }

        public int ThrottleLimit { get; set; } = 4;

        /// <summary>The journal folder; null for the default, under the user's data folder.</summary>
        public string? JournalPath { get; set; }

        public string? CallbackUrl { get; set; }

        public SecureString? SignatureKey { get; set; }
    }
}
