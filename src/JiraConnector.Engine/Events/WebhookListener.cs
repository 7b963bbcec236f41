using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using JiraConnector.Errors;
using JiraConnector.Http;

namespace JiraConnector.Events
{
    /// <summary>Listens for Jira's webhook POSTs on an HttpListener prefix, on a worker task. Each
    /// delivery is checked (POST, size, X-Hub-Signature when a secret is set, JSON) and answered at
    /// once (200, or 401/400/405/413/503); what the cmdlet must report is queued for the pipeline
    /// thread, which alone may write to the pipeline. Closing the listener (Ctrl+C, the count
    /// reached, the timeout) ends the worker at once.
    ///
    /// Nothing a client sends may stop or stall it: requests are answered several at once, a body
    /// must arrive within <see cref="BodyTimeout"/>, any failure of one request is that request's
    /// alone, and deliveries waiting for a slow pipeline are bounded in bytes: beyond that the
    /// listener answers 503 with Retry-After, and Jira delivers again later.</summary>
    internal sealed class WebhookListener : IDisposable
    {
        private const int MaxBody = 10 * 1024 * 1024;
        private const int RememberedIdentifiers = 1000;
        private const int MaxAnswering = 16;
        private const long MaxQueuedBytes = 32L * 1024 * 1024;
        private const int MaxQueuedNotes = 10000;
        private const int RetryAfterSeconds = 30;
        internal static readonly TimeSpan BodyTimeout = TimeSpan.FromSeconds(10);

        private readonly HttpListener _listener;
        private readonly byte[]? _secret;
        private readonly Channel<ListenerItem> _items = Channel.CreateUnbounded<ListenerItem>(new UnboundedChannelOptions { SingleReader = true });
        private readonly HashSet<string> _identifiers = new HashSet<string>(StringComparer.Ordinal);
        private readonly Queue<string> _identifierOrder = new Queue<string>();
        private readonly SemaphoreSlim _answering = new SemaphoreSlim(MaxAnswering);
        private long _queuedBytes;
        private int _queuedNotes;

        private WebhookListener(HttpListener listener, string prefix, byte[]? secret)
        {
            _listener = listener;
            Prefix = prefix;
            _secret = secret;
        }

        /// <summary>The prefix listened on, as HttpListener takes it (with a trailing slash).</summary>
        public string Prefix { get; }

        /// <summary>Waits until an item can be read; false once the listener has stopped.</summary>
        public Task<bool> WaitToReadAsync(CancellationToken cancellationToken) => _items.Reader.WaitToReadAsync(cancellationToken).AsTask();

        public bool TryRead(out ListenerItem item)
        {
            if (!_items.Reader.TryRead(out item!)) return false;
            // What the pipeline has taken no longer counts against the bound.
            if (item.Kind == ListenerItemKind.Delivery) Interlocked.Add(ref _queuedBytes, -item.Size);
            else Interlocked.Decrement(ref _queuedNotes);
            return true;
        }

        /// <summary>Checks the prefix and starts listening; bad input is an ArgumentException naming -Prefix.</summary>
        public static WebhookListener Start(string prefix, byte[]? secret, bool allowRemote)
        {
            var uri = ParsePrefix(prefix, allowRemote);
            var listener = new HttpListener();
            listener.Prefixes.Add(uri);
            try
            {
                listener.Start();
            }
            catch (Exception ex) when (ex is HttpListenerException || ex is SocketException)
            {
                listener.Close();
                throw new WebhookListenerException($"Cannot listen on {uri}: {ex.Message} Pick another port, or check that the address belongs to this machine.", ex);
            }
            return new WebhookListener(listener, uri, secret);
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
            using (cancellationToken.Register(() => _listener.Close()))
            {
                try
                {
                    while (!cancellationToken.IsCancellationRequested)
                    {
                        HttpListenerContext context;
                        try
                        {
                            await _answering.WaitAsync(cancellationToken).ConfigureAwait(false);
                            context = await _listener.GetContextAsync().ConfigureAwait(false);
                        }
                        catch (Exception ex) when (cancellationToken.IsCancellationRequested || ex is ObjectDisposedException || ex is OperationCanceledException)
                        {
                            return;
                        }
                        catch (HttpListenerException ex)
                        {
                            // A connection that broke before its request was whole: the listener goes on.
                            _answering.Release();
                            Queue(ListenerItem.Note($"a connection broke off before its request was read: {ex.Message}"));
                            continue;
                        }
                        _ = AnswerAndReleaseAsync(context);
                    }
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _queuedNotes);
                    _items.Writer.TryWrite(ListenerItem.Failed($"The webhook listener on {Prefix} stopped: {ex.Message}"));
                }
                finally
                {
                    _items.Writer.TryComplete();
                }
            }
        }

        /// <summary>One request, answered beside the others; whatever it does stays with it.</summary>
        private async Task AnswerAndReleaseAsync(HttpListenerContext context)
        {
            try
            {
                await AnswerAsync(context).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Queue(ListenerItem.Note($"a request could not be answered: {ex.Message}"));
                Abort(context, 500);
            }
            finally
            {
                _answering.Release();
            }
        }

        public void Dispose() => _listener.Close();

        private async Task AnswerAsync(HttpListenerContext context)
        {
            var request = context.Request;
            var from = RemoteOf(request);
            long reserved = 0;
            try
            {
                if (!string.Equals(request.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                {
                    Respond(context, 405, "Jira webhooks are POSTed.");
                    Queue(ListenerItem.Note($"{request.HttpMethod} {request.Url?.AbsolutePath} from {from} -> 405"));
                    return;
                }
                if (request.ContentLength64 > MaxBody)
                {
                    TooLarge(context, from);
                    return;
                }
                if (request.ContentLength64 > 0 && !Reserve(request.ContentLength64))
                {
                    // Read and dropped (never held), so the sender gets a clean 503 rather than a broken pipe.
                    await ReadBodyAsync(request.InputStream, context, keep: false).ConfigureAwait(false);
                    Busy(context, from);
                    return;
                }
                reserved = Math.Max(request.ContentLength64, 0);
                var body = await ReadBodyAsync(request.InputStream, context).ConfigureAwait(false);
                if (body == null)
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
                        Queue(ListenerItem.Rejected(id, $"A webhook from {from} was refused with 401: {why}.", from));
                        return;
                    }
                }
                JsonElement json;
                if (body.Length == 0)
                {
                    // A webhook saved with "exclude body" sends nothing to parse.
                    json = Parse(Encoding.UTF8.GetBytes("{}"));
                }
                else
                {
                    try
                    {
                        json = Parse(body);
                    }
                    catch (JsonException ex)
                    {
                        Respond(context, 400, "The body is not JSON.");
                        Queue(ListenerItem.Rejected(ErrorIds.InvalidData.WebhookBodyInvalid, $"A webhook from {from} was refused with 400: its body is not JSON ({ex.Message}).", from));
                        return;
                    }
                }
                // A body sent without a length is counted once it is read.
                if (reserved == 0 && body.Length > 0)
                {
                    if (!Reserve(body.Length))
                    {
                        Busy(context, from);
                        return;
                    }
                    reserved = body.Length;
                }
                var identifier = request.Headers["X-Atlassian-Webhook-Identifier"];
                if (!string.IsNullOrEmpty(identifier) && !Remember(identifier!))
                {
                    // Jira repeats a delivery whose answer it did not get, with the same identifier.
                    Respond(context, 200, "OK");
                    Queue(ListenerItem.Note($"webhook {identifier} from {from} was already received: answered 200 and dropped"));
                    return;
                }
                Respond(context, 200, "OK");
                _items.Writer.TryWrite(ListenerItem.Delivery(json, identifier, from, reserved));
                reserved = 0;
            }
            catch (Exception ex) when (ex is HttpListenerException || ex is IOException || ex is ObjectDisposedException || ex is TimeoutException)
            {
                Queue(ListenerItem.Note($"a request from {from} broke off: {ex.Message}"));
                Abort(context, ex is TimeoutException ? 408 : 400);
            }
            finally
            {
                // Refused, dropped or broken off: what it reserved is free again.
                if (reserved > 0) Interlocked.Add(ref _queuedBytes, -reserved);
            }
        }

        private void TooLarge(HttpListenerContext context, string from)
        {
            Respond(context, 413, "The body is too large.");
            Queue(ListenerItem.Rejected(ErrorIds.InvalidData.WebhookBodyInvalid, $"A webhook from {from} was refused: its body is over {MaxBody / (1024 * 1024)} MB.", from));
        }

        /// <summary>Takes room for a delivery of this size among those waiting for the pipeline.</summary>
        private bool Reserve(long bytes)
        {
            if (Interlocked.Add(ref _queuedBytes, bytes) <= MaxQueuedBytes) return true;
            Interlocked.Add(ref _queuedBytes, -bytes);
            return false;
        }

        /// <summary>The pipeline is behind: Jira is asked to deliver again later instead of the listener buffering.</summary>
        private void Busy(HttpListenerContext context, string from)
        {
            context.Response.AddHeader("Retry-After", RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Respond(context, 503, "Too many deliveries are waiting; deliver again later.");
            Queue(ListenerItem.Note($"a webhook from {from} was answered 503: over {MaxQueuedBytes / (1024 * 1024)} MB of deliveries wait for the pipeline"));
        }

        /// <summary>Queues what is not a delivery, dropping it once the pipeline is far behind.</summary>
        private void Queue(ListenerItem item)
        {
            if (Interlocked.Increment(ref _queuedNotes) > MaxQueuedNotes)
            {
                Interlocked.Decrement(ref _queuedNotes);
                return;
            }
            if (!_items.Writer.TryWrite(item)) Interlocked.Decrement(ref _queuedNotes);
        }

        /// <summary>The client's address; a request broken before it had one (HttpListener's own 411) reads as "?".</summary>
        private static string RemoteOf(HttpListenerRequest request)
        {
            try
            {
                return request.RemoteEndPoint?.ToString() ?? "?";
            }
            catch (Exception ex) when (ex is NullReferenceException || ex is ObjectDisposedException || ex is InvalidOperationException)
            {
                return "?";
            }
        }

        /// <summary>Ends a request that cannot be answered normally. The status is set first because
        /// closing a connection whose answer was not started still writes its headers (200 unless
        /// told otherwise), and Jira must never read 200 for a delivery that was not taken.</summary>
        private static void Abort(HttpListenerContext context, int status)
        {
            try
            {
                context.Response.StatusCode = status;
                context.Response.KeepAlive = false;
                context.Response.ContentLength64 = 0;
            }
            catch (Exception ex) when (ex is ObjectDisposedException || ex is InvalidOperationException)
            {
                // The answer was already on its way.
            }
            try
            {
                context.Response.Abort();
            }
            catch (Exception ex) when (ex is ObjectDisposedException || ex is HttpListenerException || ex is InvalidOperationException)
            {
                // Already closed.
            }
        }

        private bool Remember(string identifier)
        {
            lock (_identifiers)
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

        /// <summary>The body, or null when it is over the cap. A client that has not sent all of it
        /// within <see cref="BodyTimeout"/> has its connection closed (HttpListener's reads take no
        /// timeout on every platform, so the wait is bounded here).</summary>
        private static async Task<byte[]?> ReadBodyAsync(Stream input, HttpListenerContext context, bool keep = true)
        {
            var reading = ReadAllAsync(input, keep);
            if (await Task.WhenAny(reading, Task.Delay(BodyTimeout)).ConfigureAwait(false) != reading)
            {
                Abort(context, 408);
                _ = reading.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
                throw new TimeoutException($"its body did not arrive within {BodyTimeout.TotalSeconds:0} s");
            }
            return await reading.ConfigureAwait(false);
        }

        private static async Task<byte[]?> ReadAllAsync(Stream input, bool keep)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16384];
            long total = 0;
            int read;
            while ((read = await input.ReadAsync(chunk, 0, chunk.Length).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > MaxBody) return null;
                if (keep) buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
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

        /// <summary>The bytes a delivery holds against the listener's bound until the pipeline takes it.</summary>
        public long Size { get; }

        /// <summary>A delivery's body as the normalized event.</summary>
        public JiraEvent ToEvent(string instanceName, DateTimeOffset received) => EventMapper.FromWebhook(Json, instanceName, received);
        public string? Identifier { get; }

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
