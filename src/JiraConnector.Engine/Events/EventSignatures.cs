using System;
using System.Text;
using JiraConnector.Http;

namespace JiraConnector.Events
{
    /// <summary>The two HMAC-SHA256 signatures of the events feature: Jira's X-Hub-Signature on the
    /// webhooks it sends (sha256=hex), and the connector's Elements-Webhook-Signature on what we
    /// deliver to the callback URL (sha256=base64). Both sign the raw body bytes with the UTF-8 key;
    /// the arithmetic is WebhookSignature's, shared with bulk job callbacks.</summary>
    internal static class EventSignatures
    {
        public const string HubHeader = "X-Hub-Signature";
        public const string ElementsHeader = "Elements-Webhook-Signature";
        public const string ElementsIdHeader = "Elements-Webhook-Id";
        private const string Prefix = "sha256=";

        /// <summary>sha256=&lt;hex&gt;, as Jira writes X-Hub-Signature (lower-case hex).</summary>
        public static string Hub(byte[] key, byte[] body) => Prefix + WebhookSignature.Hex(WebhookSignature.Hmac(key, body));

        /// <summary>sha256=&lt;base64&gt;, as the connector writes Elements-Webhook-Signature.</summary>
        public static string Elements(byte[] key, byte[] body) => Prefix + Convert.ToBase64String(WebhookSignature.Hmac(key, body));

        /// <summary>Checks an X-Hub-Signature header against the body. The comparison takes the same
        /// time wherever the first wrong byte is, so the answer's timing tells an attacker nothing.</summary>
        public static HubCheck CheckHub(string? header, byte[] key, byte[] body)
        {
            if (string.IsNullOrWhiteSpace(header)) return HubCheck.Missing;
            var value = header!.Trim();
            if (!value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return HubCheck.Malformed;
            var given = WebhookSignature.FromHex(value.Substring(Prefix.Length));
            if (given == null) return HubCheck.Malformed;
            return WebhookSignature.FixedTimeEquals(given, WebhookSignature.Hmac(key, body)) ? HubCheck.Valid : HubCheck.Mismatch;
        }

        public static byte[] KeyBytes(string key) => Encoding.UTF8.GetBytes(key);
    }

    /// <summary>The outcome of checking an X-Hub-Signature header.</summary>
    internal enum HubCheck
    {
        Valid,
        Missing,
        Malformed,
        Mismatch,
    }
}
