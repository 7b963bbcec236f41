using System;
using System.Net;
using System.Security;
using JiraConnector.Bulk;

namespace JiraConnector.Cmdlets
{
    /// <summary>The callback of Start- and Resume-JiraBulkJob: -CallbackUrl and -SignatureKey.</summary>
    internal static class BulkCallbackParameters
    {
        public static CallbackTarget? Resolve(string? callbackUrl, SecureString? signatureKey)
        {
            if (string.IsNullOrWhiteSpace(callbackUrl)) return null;
            if (!Uri.TryCreate(callbackUrl, UriKind.Absolute, out var url))
            {
                throw new ArgumentException($"-CallbackUrl '{callbackUrl}' is not an absolute URL.", "CallbackUrl");
            }
            var key = signatureKey == null ? null : new NetworkCredential(string.Empty, signatureKey).Password;
            return new CallbackTarget(url, key);
        }
    }
}
