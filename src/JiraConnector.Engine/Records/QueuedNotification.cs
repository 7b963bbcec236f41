using System;

namespace JiraConnector
{
    /// <summary>A notification that waits in the relay queue to reach its callback URL
    /// (Get-JiraEventRelay): when it was queued, how many events it carries, how often sending it
    /// failed, when it is tried again and why the last try failed.</summary>
    public sealed class QueuedNotification
    {
        internal QueuedNotification(string path, string id, string instanceName, string url, int events, DateTimeOffset queued, byte[] body,
            int attempts, DateTimeOffset? nextAttempt, string? lastError)
        {
            Path = path;
            Id = id;
            InstanceName = instanceName;
            Url = url;
            Events = events;
            Queued = queued;
            Body = body;
            Attempts = attempts;
            NextAttempt = nextAttempt;
            LastError = lastError;
        }

        /// <summary>The Elements-Webhook-Id it is sent with, the same on every try.</summary>
        public string Id { get; }
        public string InstanceName { get; }
        /// <summary>The callback URL, with any query token hidden.</summary>
        public string Url { get; }
        /// <summary>How many events the notification carries.</summary>
        public int Events { get; }
        public DateTimeOffset Queued { get; }
        /// <summary>Failed tries so far (0: not tried yet, or cut off while sending).</summary>
        public int Attempts { get; }
        public DateTimeOffset? NextAttempt { get; }
        public string? LastError { get; }
        /// <summary>The file that holds it; deleting it drops the notification.</summary>
        public string Path { get; }

        internal byte[] Body { get; }

        public override string ToString() => $"{Id} ({Events} event(s) to {Url})";
    }
}
