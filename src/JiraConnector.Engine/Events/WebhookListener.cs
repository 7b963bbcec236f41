using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Errors;
using JiraConnector.Http;

namespace JiraConnector.Events
{
    /// <summary>Listens for Jira's webhook POSTs on an HttpListener prefix, on a worker task. Each
    /// delivery is checked (POST, size, X-Hub-Signature when a secret is set, JSON) and answered
    /// (200, or 401/400/405/413, or 503 with Retry-After while the queue is full); what the cmdlet
    /// must report is queued for the pipeline thread, which alone may write to the pipeline.
    /// Requests are answered several at once, each body read under a time limit, so a client that
    /// sends slowly or not at all holds only its own slot; a request that breaks in any way is
    /// reported and never ends the listener. Closing the listener (Ctrl+C, the count reached, the
    /// timeout) lets the answers in flight finish, for a moment at most, and ends the worker.</summary>
    internal sealed class WebhookListener : IDisposable
    {
        private const int MaxBody = 10 * 1024 * 1024;
        private const int RememberedIdentifiers = 1000;
        private const int MaxAnswering = 8;
        private const string RetryAfterSeconds = "5";
        internal static readonly TimeSpan BodyTimeout = TimeSpan.FromSeconds(10);
        private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(2);

        private readonly HttpListener _listener;
        private readonly Ipv6Bridge? _bridge;
        private readonly byte[]? _secret;
        private readonly ListenerQueue _queue = new ListenerQueue();
        private readonly SemaphoreSlim _answering = new SemaphoreSlim(MaxAnswering, MaxAnswering);
        private readonly object _identifierGate = new object();
        private readonly HashSet<string> _identifiers = new HashSet<string>(StringComparer.Ordinal);
        private readonly Queue<string> _identifierOrder = new Queue<string>();
        private int _disposed;

        private WebhookListener(HttpListener listener, string prefix, byte[]? secret, Ipv6Bridge? bridge)
        {
            _listener = listener;
            _bridge = bridge;
            Prefix = prefix;
            _secret = secret;
        }

        /// <summary>The prefix listened on, as HttpListener takes it (with a trailing slash).</summary>
        public string Prefix { get; }

        /// <summary>Waits until an item can be read; false once the listener has stopped.</summary>
        public Task<bool> WaitToReadAsync(CancellationToken cancellationToken) => _queue.WaitToReadAsync(cancellationToken);

        public bool TryRead(out ListenerItem item) => _queue.TryRead(out item);

        /// <summary>Checks the prefix and starts listening; bad input is an ArgumentException naming -Prefix.</summary>
        public static WebhookListener Start(string prefix, byte[]? secret, bool allowRemote)
        {
            var uri = ParsePrefix(prefix, allowRemote);
            var parsed = Uri.TryCreate(uri, UriKind.Absolute, out var u) ? u : null;
            var bridged = parsed != null && Ipv6Bridge.IsNeeded(parsed);
            var insidePort = bridged ? Ipv6Bridge.FreeInsidePort() : 0;
            var listener = new HttpListener();
            listener.Prefixes.Add(bridged ? $"http://127.0.0.1:{insidePort}{parsed!.AbsolutePath}" : uri);
            Ipv6Bridge? bridge = null;
            try
            {
                listener.Start();
                if (bridged) bridge = Ipv6Bridge.Start(parsed!, insidePort);
            }
            catch (Exception ex) when (ex is HttpListenerException || ex is SocketException)
            {
                listener.Close();
                throw new WebhookListenerException($"Cannot listen on {uri}: {ex.Message} Pick another port, or check that the address belongs to this machine.", ex);
            }
            return new WebhookListener(listener, uri, secret, bridge);
        }

        internal static string ParsePrefix(string prefix, bool allowRemote)
        {
            var text = (prefix ?? string.Empty).Trim();
            if (!text.EndsWith("/", StringComparison.Ordinal)) text += "/";
            // HttpListener's wildcard hosts (+ and *) are no host names to Uri: check a stand-in.
            var parsed = text.Replace("://+:", "://wildcard.invalid:").Replace("://*:", "://wildcard.invalid:");
            if (!Uri.TryCreate(parsed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) ||
                uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.Port <= 0)
            {
                throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidWebhookPrefix, $"-Prefix must be an http or https address with a port and no query, such as http://127.0.0.1:8080/jira/, not '{prefix}'.", "Prefix");
            }
            if (!allowRemote && !uri.IsLoopback)
            {
                throw new JiraArgumentException(ErrorIds.InvalidArgument.WebhookPrefixNotLoopback, $"-Prefix {text} listens beyond this machine. Use 127.0.0.1 or localhost (behind a tunnel or reverse proxy), or add -AllowRemote.", "AllowRemote");
            }
            return text;
        }

        /// <summary>Serves until the token is cancelled or the listener is closed.</summary>
        public async Task RunAsync(CancellationToken cancellationToken)
        {
            // HttpListener has no cancellable wait: closing it ends GetContextAsync.
            using (cancellationToken.Register(Dispose))
            {
                try
                {
                    while (!cancellationToken.IsCancellationRequested)
                    {
                        HttpListenerContext context;
                        try
                        {
                            context = await _listener.GetContextAsync().ConfigureAwait(false);
                        }
                        catch (Exception ex) when (cancellationToken.IsCancellationRequested || ex is ObjectDisposedException || !_listener.IsListening)
                        {
                            return;
                        }
                        catch (HttpListenerException ex)
                        {
                            // One connection's trouble, reported while the listener goes on.
                            _queue.Add(ListenerItem.Note($"a request could not be read: {ex.Message}"));
                            continue;
                        }
                        if (!_answering.Wait(0))
                        {
                            Busy(context, "too many requests are being answered");
                            continue;
                        }
                        _ = Task.Run(async () =>
                        {
                            try
                            {
                                await AnswerAsync(context).ConfigureAwait(false);
                            }
                            finally
                            {
                                _answering.Release();
                            }
                        });
                    }
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    _queue.Fail(ListenerItem.Failed($"The webhook listener on {Prefix} stopped: {ex.Message}"));
                }
                finally
                {
                    _queue.Complete();
                }
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            _bridge?.StopAccepting();
            FinishAnswers();
            _listener.Close();
            _bridge?.Dispose();
        }

        /// <summary>Lets the answers in flight finish, for at most <see cref="ShutdownGrace"/>: a
        /// delivery queued just before the count was reached still gets its 200 (closing the listener
        /// cuts the connection, and Jira would send it again to a listener that is gone). Holding
        /// every slot also makes requests that come meanwhile 503, which Jira retries.</summary>
        private void FinishAnswers()
        {
            var deadline = DateTime.UtcNow + ShutdownGrace;
            for (var held = 0; held < MaxAnswering; held++)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !_answering.Wait(left)) return;
            }
        }

        private async Task AnswerAsync(HttpListenerContext context)
        {
            var from = "?";
            try
            {
                // A request HttpListener already refused (411 for a POST without a length) has no endpoint left.
                from = context.Request.RemoteEndPoint?.ToString() ?? "?";
                await CheckAndQueueAsync(context, from).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Whatever one request does, the listener goes on serving the others.
                _queue.Add(ListenerItem.Note($"a request from {from} broke off: {ex.Message}"));
                Abort(context);
            }
        }

        private async Task CheckAndQueueAsync(HttpListenerContext context, string from)
        {
            var request = context.Request;
            if (!string.Equals(request.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
            {
                Respond(context, 405, "Jira webhooks are POSTed.");
                _queue.Add(ListenerItem.Note($"{request.HttpMethod} {request.Url?.AbsolutePath} from {from} -> 405"));
                return;
            }
            if (request.ContentLength64 > MaxBody)
            {
                TooLarge(context, from);
                return;
            }
            if (request.ContentLength64 > 0 && !_queue.HasRoomFor(request.ContentLength64))
            {
                // Read and dropped without being kept: the client hears the 503 instead of a broken connection.
                if (await CopyBodyAsync(context, Stream.Null, from).ConfigureAwait(false)) Busy(context, "the events already received wait to be written");
                return;
            }
            var body = await ReadBodyAsync(context, from).ConfigureAwait(false);
            if (body == null) return;
            if (body.Length > MaxBody)
            {
                TooLarge(context, from);
                return;
            }
            if (_secret != null)
            {
                var check = WebhookSignature.CheckHub(request.Headers[WebhookSignature.HubHeader], _secret, body);
                if (check != HubCheck.Valid)
                {
                    Respond(context, 401, "Invalid or missing X-Hub-Signature.");
                    var (id, why) = check == HubCheck.Missing
                        ? (ErrorIds.SecurityError.WebhookSignatureMissing, "it has no X-Hub-Signature header")
                        : check == HubCheck.Malformed
                            ? (ErrorIds.SecurityError.WebhookSignatureInvalid, "its X-Hub-Signature is not sha256=<hex>")
                            : (ErrorIds.SecurityError.WebhookSignatureInvalid, "its X-Hub-Signature does not match the body and the secret");
                    _queue.Add(ListenerItem.Rejected(id, $"A webhook from {from} was refused with 401: {why}.", from));
                    return;
                }
            }
            JsonElement json;
            try
            {
                // A webhook saved with "exclude body" sends nothing to parse.
                json = Parse(body.Length == 0 ? Encoding.UTF8.GetBytes("{}") : body);
            }
            catch (JsonException ex)
            {
                Respond(context, 400, "The body is not JSON.");
                _queue.Add(ListenerItem.Rejected(ErrorIds.InvalidData.WebhookBodyInvalid, $"A webhook from {from} was refused with 400: its body is not JSON ({ex.Message}).", from));
                return;
            }
            if (!_queue.TryReserve(body.Length))
            {
                Busy(context, "the events already received wait to be written");
                return;
            }
            var identifier = request.Headers["X-Atlassian-Webhook-Identifier"];
            if (!string.IsNullOrEmpty(identifier) && !Remember(identifier!))
            {
                _queue.Release(body.Length);
                Respond(context, 200, "OK");
                // Jira repeats a delivery whose answer it did not get, with the same identifier.
                _queue.Add(ListenerItem.Note($"webhook {identifier} from {from} was already received: answered 200 and dropped"));
                return;
            }
            _queue.AddDelivery(ListenerItem.Delivery(json, identifier, from, body.Length));
            Respond(context, 200, "OK");
        }

        private void TooLarge(HttpListenerContext context, string from)
        {
            Respond(context, 413, "The body is too large.");
            _queue.Add(ListenerItem.Rejected(ErrorIds.InvalidData.WebhookBodyInvalid, $"A webhook from {from} was refused: its body is over {MaxBody / (1024 * 1024)} MB.", from));
        }

        /// <summary>503 with Retry-After: Jira delivers the webhook again later.</summary>
        private void Busy(HttpListenerContext context, string why)
        {
            try
            {
                context.Response.AddHeader("Retry-After", RetryAfterSeconds);
                Respond(context, 503, "Busy: retry later.");
                _queue.Add(ListenerItem.Note($"a request was answered 503 (retry after {RetryAfterSeconds} s): {why}"));
            }
            catch (Exception ex)
            {
                _queue.Add(ListenerItem.Note($"a request could not be answered 503: {ex.Message}"));
                Abort(context);
            }
        }

        private bool Remember(string identifier)
        {
            lock (_identifierGate)
            {
                if (!_identifiers.Add(identifier)) return false;
                _identifierOrder.Enqueue(identifier);
                if (_identifierOrder.Count > RememberedIdentifiers) _identifiers.Remove(_identifierOrder.Dequeue());
                return true;
            }
        }

        private static JsonElement Parse(byte[] body)
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }

        /// <summary>The body, read within <see cref="BodyTimeout"/> and at most one chunk over the
        /// cap; null when the client was too slow (its connection is then dropped).</summary>
        private async Task<byte[]?> ReadBodyAsync(HttpListenerContext context, string from)
        {
            using var buffer = new MemoryStream();
            return await CopyBodyAsync(context, buffer, from).ConfigureAwait(false) ? buffer.ToArray() : null;
        }

        /// <summary>Copies the request body into <paramref name="into"/> (Stream.Null to discard it,
        /// so that a refusal reaches a client still sending); false when the client was too slow.</summary>
        private async Task<bool> CopyBodyAsync(HttpListenerContext context, Stream into, string from)
        {
            var input = context.Request.InputStream;
            var chunk = new byte[16384];
            var deadline = Task.Delay(BodyTimeout);
            long total = 0;
            while (total <= MaxBody)
            {
                // HttpListener's request stream ignores cancellation: race the read against the deadline.
                var reading = input.ReadAsync(chunk, 0, chunk.Length);
                if (await Task.WhenAny(reading, deadline).ConfigureAwait(false) == deadline)
                {
                    Abort(context);
                    _ = reading.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
                    _queue.Add(ListenerItem.Note($"a request from {from} sent its body too slowly ({total} bytes in {BodyTimeout.TotalSeconds:0} s): dropped"));
                    return false;
                }
                var read = await reading.ConfigureAwait(false);
                if (read == 0) break;
                into.Write(chunk, 0, read);
                total += read;
            }
            return true;
        }

        private static void Respond(HttpListenerContext context, int status, string message)
        {
            var bytes = Encoding.UTF8.GetBytes(message);
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.Response.ContentLength64 = bytes.Length;
            context.Response.OutputStream.Write(bytes, 0, bytes.Length);
            context.Response.Close();
        }

        /// <summary>Ends a request that gets no answer of its own. Closing a connection whose answer
        /// was not started still writes its headers, 200 unless told otherwise, and Jira must never
        /// read 200 for a delivery that was dropped: the status is set to 408 first.</summary>
        private static void Abort(HttpListenerContext context)
        {
            try
            {
                context.Response.StatusCode = 408;
                context.Response.KeepAlive = false;
                context.Response.ContentLength64 = 0;
            }
            catch (Exception)
            {
                // The answer is already on its way.
            }
            try
            {
                context.Response.Abort();
            }
            catch (Exception)
            {
                // Already gone: nothing is left to close.
            }
        }
    }

    /// <summary>What the listener hands to the pipeline thread.</summary>
    internal sealed class ListenerItem
    {
        private ListenerItem(ListenerItemKind kind, string message, string? errorId, string? from, JsonElement json, string? identifier, long size = 0)
        {
            Size = size;
            Kind = kind;
            Message = message;
            ErrorId = errorId;
            From = from;
            Json = json;
            Identifier = identifier;
        }

        public ListenerItemKind Kind { get; }
        public string Message { get; }
        public string? ErrorId { get; }
        public string? From { get; }
        public JsonElement Json { get; }

        /// <summary>A delivery's body as the normalized event.</summary>
        public JiraEvent ToEvent(string instanceName, DateTimeOffset received) => EventMapper.FromWebhook(Json, instanceName, received);
        public string? Identifier { get; }

        /// <summary>A delivery's body length: the room it takes in the queue.</summary>
        public long Size { get; }

        public static ListenerItem Delivery(JsonElement json, string? identifier, string from, long size) =>
            new ListenerItem(ListenerItemKind.Delivery, $"webhook {identifier} from {from} -> 200", null, from, json, identifier, size);

        public static ListenerItem Rejected(string errorId, string message, string from) =>
            new ListenerItem(ListenerItemKind.Rejected, message, errorId, from, default, null);

        public static ListenerItem Note(string message) => new ListenerItem(ListenerItemKind.Note, message, null, null, default, null);

        public static ListenerItem Failed(string message) => new ListenerItem(ListenerItemKind.Failed, message, ErrorIds.ResourceUnavailable.WebhookListenerFailed, null, default, null);
    }

    internal enum ListenerItemKind
    {
        Delivery,
        Rejected,
        Note,
        Failed,
    }

    /// <summary>The listener could not start or stopped on its own.</summary>
    internal sealed class WebhookListenerException : Exception, IJiraError
    {
        public string ErrorId => ErrorIds.ResourceUnavailable.WebhookListenerFailed;

        public WebhookListenerException(string message, Exception? inner) : base(message, inner) { }
    }
}
