using System;

namespace JiraConnector.Http
{
    /// <summary>Resilience settings of one instance's HTTP pipeline.</summary>
    internal sealed class JiraHttpSettings
    {
        /// <summary>Retries after the first attempt (Atlassian recommends 4).</summary>
        public int MaxRetries { get; set; } = 4;

        /// <summary>Timeout of a single attempt; a retried request gets a fresh one.</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>First backoff delay when the server gives no Retry-After.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>No single wait is longer than this, whatever Retry-After says (Atlassian's cap).</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
    }
}
