using System.Net;
using System.Net.Sockets;
using System.Text;

namespace JiraConnector.Tests.Unit.Http;

/// <summary>A minimal forward HTTP proxy on loopback for proxy tests: optionally demands Basic
/// proxy credentials (407), records what it was asked, and forwards to the target. One request per
/// connection (it answers Connection: close), which is all the tests need.</summary>
internal sealed class RecordingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly HttpClient _forward = new(new HttpClientHandler { UseProxy = false, AllowAutoRedirect = false });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly string? _expectedCredentials;

    public RecordingProxy(string? user = null, string? password = null)
    {
        if (user != null) _expectedCredentials = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Request lines as received ("GET http://host/path HTTP/1.1") and whether they carried good proxy credentials.</summary>
    public List<(string RequestLine, bool Authorized)> Requests { get; } = [];

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII, false, 1, leaveOpen: true);
        var requestLine = await reader.ReadLineAsync();
        if (string.IsNullOrEmpty(requestLine)) return;
        var headers = new List<(string, string)>();
        string? line;
        while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync()))
        {
            var colon = line.IndexOf(':');
            headers.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        var authorization = headers.FirstOrDefault(h => h.Item1.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)).Item2;
        var authorized = _expectedCredentials == null || authorization == _expectedCredentials;
        lock (Requests) Requests.Add((requestLine, authorized));
        if (!authorized)
        {
            await WriteAsync(stream, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", []);
            return;
        }
        var parts = requestLine.Split(' ');
        using var forward = new HttpRequestMessage(new HttpMethod(parts[0]), parts[1]);
        foreach (var (name, value) in headers)
        {
            if (name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase) || name.Equals("Host", StringComparison.OrdinalIgnoreCase) ||
                name.Equals("Connection", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)) continue;
            forward.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await _forward.SendAsync(forward);
        var body = await response.Content.ReadAsByteArrayAsync();
        var head = new StringBuilder($"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\n");
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) ||
                header.Key.Equals("Connection", StringComparison.OrdinalIgnoreCase)) continue;
            head.Append(header.Key).Append(": ").Append(string.Join(", ", header.Value)).Append("\r\n");
        }
        head.Append($"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        await WriteAsync(stream, head.ToString(), body);
    }

    private static async Task WriteAsync(Stream stream, string head, byte[] body)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _loop;
        _forward.Dispose();
    }
}
