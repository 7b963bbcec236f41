using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace JiraConnector.Events
{
    /// <summary>Lets the webhook listener take an IPv6 prefix where HttpListener cannot: its managed
    /// implementation (Linux, macOS) reads the first ':' of http://[::1]:8080/ as the port's start.
    /// The bridge listens on the IPv6 address itself and passes each connection to the HttpListener
    /// on a private 127.0.0.1 port, with the Host header rewritten to match that prefix and
    /// Connection: close, so that every request on a connection is one the bridge rewrote.</summary>
    internal sealed class Ipv6Bridge : IDisposable
    {
        private const int MaxHead = 64 * 1024;

        // Header bytes pass through unchanged, whatever they are.
        private static readonly Encoding HeadEncoding = Encoding.GetEncoding("iso-8859-1");

        private readonly TcpListener _outside;
        private readonly int _insidePort;
        private readonly CancellationTokenSource _closed = new CancellationTokenSource();

        private Ipv6Bridge(TcpListener outside, int insidePort)
        {
            _outside = outside;
            _insidePort = insidePort;
        }

        /// <summary>True when HttpListener cannot listen on this prefix's host itself (https is left
        /// to HttpListener: the bridge cannot rewrite a head it cannot read).</summary>
        public static bool IsNeeded(Uri prefix) =>
            prefix.HostNameType == UriHostNameType.IPv6 && prefix.Scheme == Uri.UriSchemeHttp && !System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows);

        /// <summary>A free 127.0.0.1 port for the HttpListener behind the bridge.</summary>
        public static int FreeInsidePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        public static Ipv6Bridge Start(Uri prefix, int insidePort)
        {
            var outside = new TcpListener(IPAddress.Parse(prefix.Host.Trim('[', ']')), prefix.Port);
            outside.Start();
            var bridge = new Ipv6Bridge(outside, insidePort);
            _ = Task.Run(bridge.AcceptAsync);
            return bridge;
        }

        /// <summary>Takes no new connection; those passed on end with the listener behind.</summary>
        public void StopAccepting()
        {
            _closed.Cancel();
            _outside.Stop();
        }

        public void Dispose() => StopAccepting();

        private async Task AcceptAsync()
        {
            while (!_closed.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _outside.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception) when (_closed.IsCancellationRequested)
                {
                    return;
                }
                catch (SocketException)
                {
                    continue;
                }
                _ = Task.Run(() => PassOnAsync(client));
            }
        }

        private async Task PassOnAsync(TcpClient client)
        {
            using (client)
            using (var inside = new TcpClient(AddressFamily.InterNetwork))
            {
                try
                {
                    var from = client.GetStream();
                    var head = await ReadHeadAsync(from).ConfigureAwait(false);
                    if (head == null) return;
                    await inside.ConnectAsync(IPAddress.Loopback, _insidePort).ConfigureAwait(false);
                    var to = inside.GetStream();
                    var rewritten = Rewrite(head.Value.Head);
                    await to.WriteAsync(rewritten, 0, rewritten.Length).ConfigureAwait(false);
                    await to.WriteAsync(head.Value.Body, 0, head.Value.Body.Length).ConfigureAwait(false);
                    // The answer ends the exchange (Connection: close); the request side ends with it.
                    // Not cut at shutdown: an answer under way reaches its client, and closing the
                    // listener behind ends every exchange still open.
                    var request = from.CopyToAsync(to, 16384);
                    await to.CopyToAsync(from, 16384).ConfigureAwait(false);
                    _ = request.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
                }
                catch (Exception ex) when (ex is SocketException || ex is System.IO.IOException || ex is ObjectDisposedException || ex is OperationCanceledException)
                {
                    // One connection's trouble: the listener behind reports what it saw.
                }
            }
        }

        /// <summary>The request head (through the blank line) and what came after it in the same
        /// reads; null when the client closed or sent no complete head within the listener's body limit.</summary>
        private async Task<(byte[] Head, byte[] Body)?> ReadHeadAsync(NetworkStream stream)
        {
            var buffer = new byte[MaxHead];
            var length = 0;
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(_closed.Token);
            limit.CancelAfter(WebhookListener.BodyTimeout);
            using (limit.Token.Register(stream.Dispose))
            {
                while (length < buffer.Length)
                {
                    var read = await stream.ReadAsync(buffer, length, buffer.Length - length).ConfigureAwait(false);
                    if (read == 0) return null;
                    length += read;
                    var end = IndexOfBlankLine(buffer, length);
                    if (end >= 0)
                    {
                        var head = new byte[end];
                        Array.Copy(buffer, head, end);
                        var rest = new byte[length - end];
                        Array.Copy(buffer, end, rest, 0, rest.Length);
                        return (head, rest);
                    }
                }
            }
            return null;
        }

        private static int IndexOfBlankLine(byte[] buffer, int length)
        {
            for (var i = 3; i < length; i++)
            {
                if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r') return i + 1;
            }
            return -1;
        }

        /// <summary>The head with Host naming the inside prefix and Connection: close.</summary>
        private byte[] Rewrite(byte[] head)
        {
            var lines = HeadEncoding.GetString(head).Split(new[] { "\r\n" }, StringSplitOptions.None);
            var text = new StringBuilder(lines[0]).Append("\r\n");
            for (var i = 1; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.Length == 0) continue;
                if (line.StartsWith("Host:", StringComparison.OrdinalIgnoreCase) || line.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase)) continue;
                text.Append(line).Append("\r\n");
            }
            text.Append("Host: 127.0.0.1:").Append(_insidePort).Append("\r\nConnection: close\r\n\r\n");
            return HeadEncoding.GetBytes(text.ToString());
        }
    }
}
