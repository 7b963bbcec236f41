using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Errors;
using JiraConnector.Http;
using JiraConnector.Json;
using JiraConnector.Paging;

namespace JiraConnector.Resources
{
    /// <summary>One call to any path of the instance's site (Invoke-JiraRestMethod): the instance's
    /// credentials, retries and error records, JSON in and plain values out, and, for a GET, the
    /// pages of whatever paged answer it gives, read as <see cref="DetectedPaging"/> reads them.</summary>
    internal sealed class RestCall
    {
        private readonly JiraInstance _instance;
        private readonly string _path;
        private readonly IReadOnlyList<KeyValuePair<string, object?>> _query;

        public RestCall(JiraInstance instance, string method, string path, IDictionary<string, object?>? query)
        {
            _instance = instance;
            Method = new HttpMethod((method ?? "GET").ToUpperInvariant());
            _path = SitePath.Checked(instance, path);
            _query = (query ?? new Dictionary<string, object?>()).ToList();
        }

        public HttpMethod Method { get; }

        /// <summary>Whether the call may change something (all but GET and HEAD), so -WhatIf applies.</summary>
        public bool Writes => Method != HttpMethod.Get && Method != HttpMethod.Head;

        /// <summary>What -WhatIf and error text name: the method and the path sent.</summary>
        public override string ToString() => Method.Method + " " + _path;

        /// <summary>The request with a JSON body: a string is sent as given (after checking it is
        /// JSON), any other value written as JSON; or with a file, sent as Jira's uploads take it.</summary>
        public JiraRequest Request(object? body, string? inFile)
        {
            var url = WithQuery(_query);
            if (inFile != null) return Method == HttpMethod.Post ? JiraRequest.Upload(url, inFile)
                : throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidRequestBody, $"-InFile uploads with POST, as Jira's upload endpoints take files; not with {Method.Method}.", "InFile");
            return new JiraRequest(Method, url, body == null ? null : BodyText(body));
        }

        /// <summary>Sends the request; Jira's answer as plain values (JSON), as text (any other
        /// body), or null when it has none.</summary>
        public async Task<object?> SendAsync(JiraRequest request, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            using var response = await _instance.Client.SendAsync(request, trace, cancellationToken).ConfigureAwait(false);
            var text = response.Content == null ? null : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(text)) return null;
            try
            {
                using var document = JsonDocument.Parse(text!);
                return JsonValue.ToPlain(document.RootElement);
            }
            catch (JsonException)
            {
                return text;
            }
        }

        /// <summary>A GET read page after page: the items of a page-bean, an offset page or a bare
        /// array (any other answer is one item), kept for -NextPage under the path as sent.</summary>
        public RecordStream Pages(ReadRange range, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            if (Method != HttpMethod.Get) throw new JiraArgumentException(ErrorIds.InvalidArgument.BadArgument, $"-Paging reads the pages of a GET; {Method.Method} answers once.", "Paging");
            // Later pages move startAt on, and ask for the page size the caller gave in -Query, else -PageSize.
            var rest = _query.Where(p => !string.Equals(p.Key, "startAt", StringComparison.OrdinalIgnoreCase)).ToList();
            if (!rest.Any(p => string.Equals(p.Key, "maxResults", StringComparison.OrdinalIgnoreCase))) rest.Add(new KeyValuePair<string, object?>("maxResults", range.PageSize));
            var paging = new DetectedPaging(startAt => new JiraRequest(HttpMethod.Get,
                startAt == 0 ? WithQuery(_query) : WithQuery(rest.Concat(new[] { new KeyValuePair<string, object?>("startAt", startAt) }))));
            return Stream(_instance, CursorKey, PageCursor.Start(paging), range, trace, cancellationToken);
        }

        /// <summary>Goes on from where the last -Paging read of this path stopped; null when none is left.</summary>
        public RecordStream? Continue(ReadRange range, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            var saved = _instance.CursorFor(CursorKey);
            return saved == null ? null : Stream(_instance, CursorKey, saved, range, trace, cancellationToken);
        }

        /// <summary>-NextPage cursors of raw calls are kept under the path, apart from the resources'.</summary>
        public string CursorKey => _path.Split('?')[0];

        private static RecordStream Stream(JiraInstance instance, string cursorKey, PageCursor start, ReadRange range, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            var reader = new PagedReader(instance.Client, trace);
            var items = Plain(reader.ReadAsync(start, cancellationToken), cancellationToken);
            return new RecordStream(items.GetAsyncEnumerator(cancellationToken), range.Skip, range.First,
                () => Task.FromResult(new RecordTotal(reader.Total, reader.Total == null ? 0.0 : 1.0)),
                _ => instance.KeepCursor(cursorKey, reader.Position));
        }

        private static async IAsyncEnumerable<object> Plain(IAsyncEnumerable<JsonElement> items, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false)) yield return JsonValue.ToPlain(item)!;
        }

        private string WithQuery(IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            var query = new QueryString();
            foreach (var pair in pairs)
            {
                if (pair.Value is string || !(pair.Value is System.Collections.IEnumerable values)) query.Add(pair.Key, pair.Value);
                else query.AddEach(pair.Key, values.Cast<object?>().Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!));
            }
            var text = query.AppendTo(string.Empty);
            return text.Length == 0 ? _path : _path + (_path.IndexOf('?') >= 0 ? "&" + text.Substring(1) : text);
        }

        private static string BodyText(object body)
        {
            if (body is string text)
            {
                try
                {
                    using (JsonDocument.Parse(text)) return text;
                }
                catch (JsonException ex)
                {
                    throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidRequestBody,
                        $"-Body is a string but not JSON ({ex.Message}). Give JSON text, or a hashtable or object to be sent as JSON.", "Body");
                }
            }
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer)) PlainJson.Write(writer, body);
            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
