using System;

namespace JiraConnector
{
    /// <summary>How events reach the user: the connector's event.* configuration keys, checked at
    /// connect time and kept on the instance for the events and bulk cmdlets. The signature key is
    /// internal: no public member, ToString or format view can show it.</summary>
    public sealed class JiraEventSettings
    {
        /// <summary>The connector's default poller interval (event.poller.refresh_interval, in minutes).</summary>
        internal static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMinutes(15);

        // Declared after DefaultPollInterval: static fields initialise in text order.
        internal static readonly JiraEventSettings None = new JiraEventSettings(false, null, null, JiraEventVendorType.Webhook, DefaultPollInterval);

        internal JiraEventSettings(bool enabled, Uri? callbackUrl, string? signatureKey, JiraEventVendorType vendorType, TimeSpan pollInterval)
        {
            Enabled = enabled;
            CallbackUrl = callbackUrl;
            SignatureKey = signatureKey;
            VendorType = vendorType;
            PollInterval = pollInterval;
        }

        /// <summary>event.notification.enabled: deliver events to <see cref="CallbackUrl"/>.</summary>
        public bool Enabled { get; }

        /// <summary>event.notification.callback.url: where events and finished bulk jobs are POSTed.</summary>
        public Uri? CallbackUrl { get; }

        /// <summary>True when event.notification.signature.key was given (the key itself is never shown).</summary>
        public bool HasSignatureKey => !string.IsNullOrEmpty(SignatureKey);

        /// <summary>event.vendor.type: Jira webhooks or polling.</summary>
        public JiraEventVendorType VendorType { get; }

        /// <summary>event.poller.refresh_interval: how often the poller asks Jira for changes.</summary>
        public TimeSpan PollInterval { get; }

        /// <summary>event.notification.signature.key: signs deliveries (HMAC-SHA256). Secret.</summary>
        internal string? SignatureKey { get; }

        public override string ToString() =>
            Enabled ? $"{VendorType} -> {CallbackUrl}" + (HasSignatureKey ? " (signed)" : string.Empty) : "Disabled";
    }

    /// <summary>How the connector learns about changes (event.vendor.type).</summary>
    public enum JiraEventVendorType
    {
        /// <summary>Jira pushes webhooks.</summary>
        Webhook,
        /// <summary>The module polls Jira every PollInterval.</summary>
        Polling,
    }
}
