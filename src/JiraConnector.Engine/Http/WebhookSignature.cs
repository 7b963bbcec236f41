using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JiraConnector.Http
{
    /// <summary>HMAC-SHA256 signatures of webhook bodies in the two forms in use: the connector's
    /// Elements-Webhook-Signature "sha256=&lt;base64&gt;" (bulk job and event callbacks) and Jira's
    /// X-Hub-Signature "sha256=&lt;hex&gt;" (webhooks Jira sends). Verification compares in constant
    /// time, so a caller cannot learn the signature byte by byte.</summary>
    internal static class WebhookSignature
    {
        public const string ElementsHeader = "Elements-Webhook-Signature";
        private const string Prefix = "sha256=";

        public static string Sign(string key, byte[] body) => Prefix + Convert.ToBase64String(Hmac(key, body));

        /// <summary>Lower-case hex, as Jira writes X-Hub-Signature.</summary>
        internal static string Hex(byte[] bytes) => BitConverter.ToString(bytes).Replace("-", string.Empty).ToLowerInvariant();

        /// <summary>True when the signature (base64 or hex, with or without "sha256=") matches the body.</summary>
        public static bool Verify(byte[] body, string signature, string key)
        {
            var given = Decode(signature);
            if (given == null) return false;
            return FixedTimeEquals(given, Hmac(key, body));
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

        private static byte[] Hmac(string key, byte[] body) => Hmac(Encoding.UTF8.GetBytes(key), body);

        internal static byte[] Hmac(byte[] key, byte[] body)
        {
            using var hmac = new HMACSHA256(key);
            return hmac.ComputeHash(body);
        }

        /// <summary>The 32 bytes of a 64-digit hex signature; null for anything else.</summary>
        internal static byte[]? FromHex(string text)
        {
            if (text.Length != 64 || !IsHex(text)) return null;
            var bytes = new byte[32];
            for (var i = 0; i < 32; i++) bytes[i] = byte.Parse(text.Substring(i * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return bytes;
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining | System.Runtime.CompilerServices.MethodImplOptions.NoOptimization)]
        internal static bool FixedTimeEquals(byte[] left, byte[] right)
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
}
