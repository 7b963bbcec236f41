using System;
using System.Security.Cryptography;
using System.Text;

namespace JiraConnector.Events
{
    /// <summary>The two HMAC-SHA256 signatures of the events feature: Jira's X-Hub-Signature on the
    /// webhooks it sends (sha256=hex), and the connector's Elements-Webhook-Signature on what we
    /// deliver to the callback URL (sha256=base64). Both sign the raw body bytes with the UTF-8 key.
    /// The bulk branch signs its job callbacks with the same Elements header; the two signers may be
    /// merged into one later.</summary>
    internal static class EventSignatures
    {
        public const string HubHeader = "X-Hub-Signature";
        public const string ElementsHeader = "Elements-Webhook-Signature";
        public const string ElementsIdHeader = "Elements-Webhook-Id";
        private const string Prefix = "sha256=";

        /// <summary>sha256=&lt;hex&gt;, as Jira writes X-Hub-Signature (lower-case hex).</summary>
        public static string Hub(byte[] key, byte[] body) => Prefix + ToHex(Hmac(key, body));

        /// <summary>sha256=&lt;base64&gt;, as the connector writes Elements-Webhook-Signature.</summary>
        public static string Elements(byte[] key, byte[] body) => Prefix + Convert.ToBase64String(Hmac(key, body));

        /// <summary>Checks an X-Hub-Signature header against the body. The comparison takes the same
        /// time wherever the first wrong byte is, so the answer's timing tells an attacker nothing.</summary>
        public static HubCheck CheckHub(string? header, byte[] key, byte[] body)
        {
            if (string.IsNullOrWhiteSpace(header)) return HubCheck.Missing;
            var value = header!.Trim();
            if (!value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return HubCheck.Malformed;
            var given = FromHex(value.Substring(Prefix.Length));
            if (given == null) return HubCheck.Malformed;
            return FixedTimeEquals(given, Hmac(key, body)) ? HubCheck.Valid : HubCheck.Mismatch;
        }

        public static byte[] KeyBytes(string key) => Encoding.UTF8.GetBytes(key);

        internal static byte[] Hmac(byte[] key, byte[] body)
        {
            using var hmac = new HMACSHA256(key);
            return hmac.ComputeHash(body);
        }

        /// <summary>netstandard2.0 has no CryptographicOperations.FixedTimeEquals: the same idea, by hand.</summary>
        internal static bool FixedTimeEquals(byte[] a, byte[] b)
        {
            if (a.Length != b.Length) return false;
            var difference = 0;
            for (var i = 0; i < a.Length; i++) difference |= a[i] ^ b[i];
            return difference == 0;
        }

        private static string ToHex(byte[] bytes)
        {
            var text = new StringBuilder(bytes.Length * 2);
            foreach (var b in bytes) text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return text.ToString();
        }

        private static byte[]? FromHex(string hex)
        {
            if (hex.Length == 0 || hex.Length % 2 != 0) return null;
            var bytes = new byte[hex.Length / 2];
            for (var i = 0; i < bytes.Length; i++)
            {
                var high = Nibble(hex[2 * i]);
                var low = Nibble(hex[2 * i + 1]);
                if (high < 0 || low < 0) return null;
                bytes[i] = (byte)((high << 4) | low);
            }
            return bytes;
        }

        private static int Nibble(char c) =>
            c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
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
