using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace JiraConnector.Http
{
    /// <summary>What to send, kept as data so that every retry builds a fresh HttpRequestMessage
    /// (a sent message cannot be sent again).</summary>
    internal sealed class JiraRequest
    {
        public JiraRequest(HttpMethod method, string relativeUrl, string? jsonBody = null, bool? safeToRepeat = null)
            : this(method, relativeUrl, jsonBody == null ? default : new ArraySegment<byte>(Encoding.UTF8.GetBytes(jsonBody)), safeToRepeat)
        {
        }

        /// <summary>A request whose body is already UTF-8 JSON (bulk batches are written as bytes):
        /// sent as it is, on every attempt, with no detour through a string.</summary>
        public JiraRequest(HttpMethod method, string relativeUrl, ArraySegment<byte> jsonUtf8, bool? safeToRepeat = null)
        {
            Method = method;
            RelativeUrl = relativeUrl;
            JsonUtf8 = jsonUtf8;
            // GET, PUT and DELETE are idempotent by HTTP's definition; a POST is repeated only when
            // the caller says it reads (search) rather than creates.
            SafeToRepeat = safeToRepeat ?? (method != HttpMethod.Post && method.Method != "PATCH");
        }

        public HttpMethod Method { get; }

        /// <summary>Path and query relative to the instance's API root, e.g. "rest/api/3/myself".</summary>
        public string RelativeUrl { get; }

        /// <summary>The body as UTF-8 JSON; no array when there is no body.</summary>
        public ArraySegment<byte> JsonUtf8 { get; }

        public bool SafeToRepeat { get; }

        public HttpRequestMessage ToMessage(Uri baseUrl)
        {
            var message = new HttpRequestMessage(Method, new Uri(baseUrl, RelativeUrl));
            message.Headers.Accept.ParseAdd("application/json");
            if (JsonUtf8.Array != null)
            {
                message.Content = new ByteArrayContent(JsonUtf8.Array, JsonUtf8.Offset, JsonUtf8.Count);
                message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }
            return message;
        }

        public override string ToString() => Method.Method + " " + RelativeUrl;
    }
}
