using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JiraConnector.Http
{
    /// <summary>HMAC-SHA256 signatures of webhook bodies in the two forms in use: the connector's
    /// Elements-Webhook-Signature "sha256=&lt;base64&gt;" (bulk job and event callbacks) and Jira's
    /// X-Hub-Signature "sha256=&lt;hex&gt;" (webhooks Jira sends). Both sign the raw body bytes with
    /// the UTF-8 key. Verification compares in constant time, so a caller cannot learn the
    /// signature byte by byte.</summary>
    internal static class WebhookSignature
    {
        /// <summary>The connector's signature header on what the module POSTs to callback URLs.</summary>
        public const string ElementsHeader = "Elements-Webhook-Signature";

        /// <summary>The id of one notification; a repeat of it carries the same id.</summary>
        public const string ElementsIdHeader = "Elements-Webhook-Id";

        /// <summary>Jira's signature header on the webhooks it sends.</summary>
        public const string HubHeader = "X-Hub-Signature";

        private const string Prefix = "sha256=";

        /// <summary>sha256=&lt;base64&gt;, as the connector writes Elements-Webhook-Signature.</summary>
        public static string Sign(string key, byte[] body) => Prefix + Convert.ToBase64String(Hmac(KeyBytes(key), body));

        /// <summary>sha256=&lt;hex&gt;, as Jira writes X-Hub-Signature (lower-case hex).</summary>
        public static string Hub(byte[] key, byte[] body) => Prefix + Hex(Hmac(key, body));

        public static byte[] KeyBytes(string key) => Encoding.UTF8.GetBytes(key);

        /// <summary>True when the signature (base64 or hex, with or without "sha256=") matches the body.</summary>
        public static bool Verify(byte[] body, string signature, string key)
        {
            var given = Decode(signature);
            if (given == null) return false;
            return FixedTimeEquals(given, Hmac(KeyBytes(key), body));
        }

        /// <summary>Checks an X-Hub-Signature header against the body.</summary>
        public static HubCheck CheckHub(string? header, byte[] key, byte[] body)
        {
            if (string.IsNullOrWhiteSpace(header)) return HubCheck.Missing;
            var value = header!.Trim();
            if (!value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return HubCheck.Malformed;
            var given = FromHex(value.Substring(Prefix.Length));
            if (given == null) return HubCheck.Malformed;
            return FixedTimeEquals(given, Hmac(key, body)) ? HubCheck.Valid : HubCheck.Mismatch;
        }

        private static byte[]? Decode(string signature)
        {
            var text = (signature ?? string.Empty).Trim();
            if (text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) text = text.Substring(Prefix.Length);
            var hex = FromHex(text);
            if (hex != null) return hex;
            try
            {
                return Convert.FromBase64String(text);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private static byte[] Hmac(byte[] key, byte[] body)
        {
            using var hmac = new HMACSHA256(key);
            return hmac.ComputeHash(body);
        }

        private static string Hex(byte[] bytes) => BitConverter.ToString(bytes).Replace("-", string.Empty).ToLowerInvariant();

        /// <summary>The 32 bytes of a 64-digit hex signature; null for anything else.</summary>
        private static byte[]? FromHex(string text)
        {
            if (text.Length != 64 || !IsHex(text)) return null;
            var bytes = new byte[32];
            for (var i = 0; i < 32; i++) bytes[i] = byte.Parse(text.Substring(i * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return bytes;
        }

        // The comparison takes the same time wherever the first wrong byte is.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining | System.Runtime.CompilerServices.MethodImplOptions.NoOptimization)]
        private static bool FixedTimeEquals(byte[] left, byte[] right)
        {
            if (left.Length != right.Length) return false;
            var difference = 0;
            for (var i = 0; i < left.Length; i++) difference |= left[i] ^ right[i];
            return difference == 0;
        }

        private static bool IsHex(string text)
        {
            foreach (var c in text)
            {
                if (!Uri.IsHexDigit(c)) return false;
            }
            return true;
        }
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
