using System;
using System.Net;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Errors;
using JiraConnector.Http;

namespace JiraConnector.Bulk.Jobs
{
    /// <summary>Where a finished job's status is POSTed, and the key that signs it: -CallbackUrl and
    /// -SignatureKey, else the instance's event.notification.callback.url and signature key (the
    /// connector signs bulk callbacks with the instance's key). A failed callback never changes the
    /// job's status.</summary>
    internal sealed class CallbackTarget
    {
        private CallbackTarget(Uri url, string? signatureKey)
        {
            if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            {
                throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidCallbackUrl, $"The callback URL must be http or https, not '{url.Scheme}'.", "CallbackUrl");
            }
            Url = url;
            SignatureKey = signatureKey;
        }

        public Uri Url { get; }

        internal string? SignatureKey { get; }

        /// <summary>The callback of a job: the given URL and key, else the instance's; null for none.</summary>
        public static CallbackTarget? Resolve(string? callbackUrl, SecureString? signatureKey, JiraInstance instance)
        {
            var key = signatureKey == null ? instance.Events.SignatureKey : new NetworkCredential(string.Empty, signatureKey).Password;
            if (string.IsNullOrWhiteSpace(callbackUrl))
            {
                return instance.Events.CallbackUrl == null ? null : new CallbackTarget(instance.Events.CallbackUrl, key);
            }
            if (!Uri.TryCreate(callbackUrl, UriKind.Absolute, out var url))
            {
                throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidCallbackUrl, $"-CallbackUrl '{UrlRedactor.Redact(callbackUrl!)}' is not an absolute URL.", "CallbackUrl");
            }
            return new CallbackTarget(url, key);
        }

        /// <summary>Posts the report; returns what happened, for the job's CallbackResult.</summary>
        public async Task<string> SendAsync(JiraInstance instance, BulkJobReport report, CancellationToken cancellationToken)
        {
            var outcome = await CallbackSender.PostAsync(instance, Url, Encoding.UTF8.GetBytes(report.ToJson()), Guid.NewGuid().ToString(), SignatureKey,
                null, cancellationToken).ConfigureAwait(false);
            return outcome.Delivered ? outcome.Text : "failed: " + outcome.Text;
        }
    }
}
