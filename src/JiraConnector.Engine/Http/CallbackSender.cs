using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace JiraConnector.Http
{
    /// <summary>The one sender of notifications to callback URLs: finished bulk jobs and relayed
    /// events. A notification goes through the instance's own HTTP pipeline (its proxy, retries on
    /// 429 and 5xx, per-attempt timeout) but never with the instance's credentials, and never follows
    /// a redirect. It carries Elements-Webhook-Id (the same on every retry, so a receiver can drop a
    /// repeat) and, with a key, Elements-Webhook-Signature: sha256=base64(HMAC-SHA256(key, body)).</summary>
    internal static class CallbackSender
    {
        public static async Task<CallbackOutcome> PostAsync(JiraInstance instance, Uri url, byte[] body, string deliveryId, string? signatureKey,
            IJiraTrace? trace, CancellationToken cancellationToken)
        {
            var headers = new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>(WebhookSignature.ElementsIdHeader, deliveryId) };
            if (!string.IsNullOrEmpty(signatureKey))
            {
                headers.Add(new KeyValuePair<string, string>(WebhookSignature.ElementsHeader, WebhookSignature.Sign(signatureKey!, body)));
            }
            var shown = UrlRedactor.Redact(url);
            try
            {
                using var response = await instance.Client.SendAsync(JiraRequest.Callback(url, body, headers), trace, cancellationToken).ConfigureAwait(false);
                return new CallbackOutcome(true, (int)response.StatusCode, $"{(int)response.StatusCode} {response.ReasonPhrase}");
            }
            catch (JiraApiException ex) when (ex.StatusCode != null)
            {
                return new CallbackOutcome(false, ex.StatusCode, $"{ex.StatusCode} from {shown}");
            }
            catch (JiraApiException ex)
            {
                return new CallbackOutcome(false, null, $"{shown} could not be reached: {ex.InnerException?.Message ?? ex.Message}");
            }
        }
    }

    /// <summary>How one notification went: delivered (a 2xx; a 3xx is not followed, so it is not),
    /// the status, and a line to show.</summary>
    internal sealed class CallbackOutcome
    {
        public CallbackOutcome(bool delivered, int? status, string text)
        {
            Delivered = delivered;
            Status = status;
            Text = text;
        }

        public bool Delivered { get; }

        public int? Status { get; }

        public string Text { get; }
    }
}
