using System;
using System.Net.Http;
using System.Text;

namespace JiraConnector.Http
{
    /// <summary>What to send, kept as data so that every retry builds a fresh HttpRequestMessage
    /// (a sent message cannot be sent again).</summary>
    internal sealed class JiraRequest
    {
        public JiraRequest(HttpMethod method, string relativeUrl, string? jsonBody = null, bool? safeToRepeat = null)
        {
            Method = method;
            RelativeUrl = relativeUrl;
            JsonBody = jsonBody;
            // GET, PUT and DELETE are idempotent by HTTP's definition; a POST is repeated only when
            // the caller says it reads (search) rather than creates.
            SafeToRepeat = safeToRepeat ?? (method != HttpMethod.Post && method.Method != "PATCH");
        }

        public HttpMethod Method { get; }

        /// <summary>Path and query relative to the instance's API root, e.g. "rest/api/3/myself".</summary>
        public string RelativeUrl { get; }

        public string? JsonBody { get; }

        public bool SafeToRepeat { get; }

        public HttpRequestMessage ToMessage(Uri baseUrl)
        {
            var message = new HttpRequestMessage(Method, new Uri(baseUrl, RelativeUrl));
            message.Headers.Accept.ParseAdd("application/json");
            if (JsonBody != null)
            {
                message.Content = new StringContent(JsonBody, Encoding.UTF8, "application/json");
            }
            return message;
        }

        public override string ToString() => Method.Method + " " + RelativeUrl;
    }
}
