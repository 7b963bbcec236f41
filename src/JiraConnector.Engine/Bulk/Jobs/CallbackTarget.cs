using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;

namespace JiraConnector.Bulk.Jobs
{
    /// <summary>Where a finished job's status is POSTed, and the key that signs it. The body is the
    /// job's status JSON; with a key, Elements-Webhook-Signature carries sha256=base64(HMAC-SHA256),
    /// as the connector's callbacks do. A failed callback never changes the job's status.</summary>
    internal sealed class CallbackTarget
    {
        private static readonly HttpClient Http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        public CallbackTarget(Uri url, string? signatureKey)
        {
            if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            {
                throw new ArgumentException($"The callback URL must be http or https, not '{url.Scheme}'.", "CallbackUrl");
            }
            Url = url;
            SignatureKey = signatureKey;
        }

        public Uri Url { get; }

        internal string? SignatureKey { get; }

        /// <summary>Posts the report; tries three times on a 5xx or a broken connection. Returns
        /// what happened, for the job's CallbackResult.</summary>
        public async Task<string> SendAsync(BulkJobReport report, CancellationToken cancellationToken)
        {
            var body = report.ToJson();
            var deliveryId = Guid.NewGuid().ToString();
            string result = "not sent";
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                    request.Headers.Add("Elements-Webhook-Id", deliveryId);
                    if (!string.IsNullOrEmpty(SignatureKey)) request.Headers.Add(WebhookSignature.ElementsHeader, WebhookSignature.Sign(SignatureKey!, Encoding.UTF8.GetBytes(body)));
                    using var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    result = $"{(int)response.StatusCode} {response.ReasonPhrase}";
                    if ((int)response.StatusCode < 500) return result;
                }
                catch (HttpRequestException ex)
                {
                    result = "failed: " + ex.Message;
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    result = "failed: no answer within 30 s";
                }
                if (attempt < 3) await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), cancellationToken).ConfigureAwait(false);
            }
            return result;
        }
    }
}
