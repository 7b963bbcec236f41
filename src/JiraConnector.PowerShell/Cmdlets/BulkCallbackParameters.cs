using System;
using System.Net;
using System.Security;
using JiraConnector.Bulk;
using JiraConnector.Bulk.Jobs;

namespace JiraConnector.Cmdlets
{
    /// <summary>The callback of Start- and Resume-JiraBulkJob: -CallbackUrl and -SignatureKey, else
    /// the instance's event.notification.callback.url and event.notification.signature.key (as the
    /// connector signs bulk callbacks with the instance's key).</summary>
    internal static class BulkCallbackParameters
    {
        public static CallbackTarget? Resolve(string? callbackUrl, SecureString? signatureKey, JiraInstance instance)
        {
            var key = signatureKey == null ? instance.Events.SignatureKey : new NetworkCredential(string.Empty, signatureKey).Password;
            if (string.IsNullOrWhiteSpace(callbackUrl))
            {
                return instance.Events.CallbackUrl == null ? null : new CallbackTarget(instance.Events.CallbackUrl, key);
            }
            if (!Uri.TryCreate(callbackUrl, UriKind.Absolute, out var url))
            {
                throw new ArgumentException($"-CallbackUrl '{callbackUrl}' is not an absolute URL.", "CallbackUrl");
            }
            return new CallbackTarget(url, key);
        }
    }
}
