using System;
using System.Net;

namespace JiraConnector.Http
{
    /// <summary>Resilience and network settings of one instance's HTTP pipeline.</summary>
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

        /// <summary>An explicit proxy; null means the system proxy (environment variables or the OS
        /// setting), as Invoke-RestMethod does.</summary>
        public Uri? Proxy { get; set; }

        /// <summary>Credentials for the proxy (explicit or system); null sends none.</summary>
        public NetworkCredential? ProxyCredential { get; set; }

        /// <summary>Bypass every proxy, the system one included.</summary>
        public bool NoProxy { get; set; }

        /// <summary>The circuit opens when at least this many attempts were made in
        /// <see cref="BreakerWindow"/>...</summary>
        public int BreakerMinimumAttempts { get; set; } = 10;

        /// <summary>...and at least this share of them failed with a 5xx, a timeout or a broken connection.</summary>
        public double BreakerFailureRatio { get; set; } = 0.8;

        public TimeSpan BreakerWindow { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>How long calls fail at once before one attempt is let through to probe Jira.</summary>
        public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
    }
}
