using System;
using System.Collections.Generic;
using System.IO;
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

        /// <summary>A notification to a callback URL (absolute, another host): sent without the
        /// instance's credentials and kept out of its circuit breaker, whose business is Jira's health.</summary>
        public bool IsCallback { get; private set; }

        /// <summary>An answer read as a stream by its caller (a download to disk) instead of read whole
        /// inside the retries.</summary>
        public bool StreamsBody { get; set; }

        /// <summary>Headers of its own (a callback's delivery id and signature).</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; private set; } = Array.Empty<KeyValuePair<string, string>>();

        /// <summary>A file sent as multipart/form-data (part "file"), as Jira's upload endpoints take
        /// it; null for a JSON request. Opened afresh on every attempt.</summary>
        public string? UploadFile { get; private set; }

        /// <summary>A POST of a file to an upload endpoint (attachments, avatars). Jira refuses such a
        /// request without X-Atlassian-Token: no-check, its guard against cross-site form posts.</summary>
        public static JiraRequest Upload(string relativeUrl, string filePath) =>
            new JiraRequest(HttpMethod.Post, relativeUrl)
            {
                UploadFile = filePath,
                Headers = new[] { new KeyValuePair<string, string>("X-Atlassian-Token", "no-check") },
            };

        /// <summary>A POST of a JSON body to a callback URL, with its own headers. Safe to repeat:
        /// the delivery id lets the receiver drop a repeat.</summary>
        public static JiraRequest Callback(Uri url, byte[] jsonUtf8, IReadOnlyList<KeyValuePair<string, string>> headers) =>
            new JiraRequest(HttpMethod.Post, url.AbsoluteUri, new ArraySegment<byte>(jsonUtf8), safeToRepeat: true) { IsCallback = true, Headers = headers };

        public HttpRequestMessage ToMessage(Uri baseUrl)
        {
            if (!IsCallback) RefuseDotSegments(RelativeUrl);
            var message = new HttpRequestMessage(Method, new Uri(baseUrl, RelativeUrl));
            message.Headers.Accept.ParseAdd("application/json");
            foreach (var header in Headers) message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            if (UploadFile != null)
            {
                var file = new StreamContent(File.OpenRead(UploadFile));
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                message.Content = new MultipartFormDataContent { { file, "file", Path.GetFileName(UploadFile) } };
            }
            else if (JsonUtf8.Array != null)
            {
                message.Content = new ByteArrayContent(JsonUtf8.Array, JsonUtf8.Offset, JsonUtf8.Count);
                message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }
            return message;
        }

        // The last guard behind Rest.Segment: new Uri(base, relative) collapses "." and "..", so a
        // path built from input without it would reach another endpoint instead of failing.
        private static void RefuseDotSegments(string relativeUrl)
        {
            var query = relativeUrl.IndexOf('?');
            foreach (var segment in (query < 0 ? relativeUrl : relativeUrl.Substring(0, query)).Split('/'))
            {
                if (segment == "." || segment == "..")
                {
                    throw new Errors.JiraArgumentException(Errors.ErrorIds.InvalidArgument.InvalidId,
                        $"The request path {UrlRedactor.Redact(relativeUrl)} holds a '{segment}' segment, which would name another REST path.", "Id");
                }
            }
        }

        public override string ToString() => Method.Method + " " + (IsCallback ? UrlRedactor.Redact(RelativeUrl) : RelativeUrl);
    }
}
