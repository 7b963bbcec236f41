using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace JiraConnector.Tests.Contract.Infrastructure;

/// <summary>A plain HttpClient wrapper: the tests check the wire, so nothing here interprets responses.</summary>
public sealed class JiraClient(Uri baseUrl, AuthenticationHeaderValue? auth)
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public Uri BaseUrl { get; } = baseUrl;

    public static AuthenticationHeaderValue Basic(string user, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{secret}")));

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    public JiraClient WithAuth(AuthenticationHeaderValue? other) => new(BaseUrl, other);

    public Task<Reply> SendAsync(string method, string path, string? body = null, IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync(method, path, body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"), headers);

    public async Task<Reply> SendAsync(string method, string path, HttpContent? content, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(BaseUrl, path.TrimStart('/')));
        request.Headers.Authorization = auth;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        request.Content = content;
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        byte[] bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var replyHeaders = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Reply((int)response.StatusCode, Encoding.UTF8.GetString(bytes), replyHeaders, response.Headers.Location) { Bytes = bytes };
    }

    /// <summary>A multipart/form-data body with one part named "file" per entry, as Jira's attachment upload takes.</summary>
    public static MultipartFormDataContent Files(params (string FileName, string? ContentType, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (fileName, contentType, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            if (contentType is not null) part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(part, "file", fileName);
        }
        return form;
    }

    public Task<Reply> GetAsync(string path) => SendAsync("GET", path);
}

public sealed record Reply(int Status, string Body, IReadOnlyDictionary<string, string> Headers, Uri? Location)
{
    /// <summary>The raw body, for downloads that are not text.</summary>
    public byte[] Bytes { get; init; } = [];

    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("Empty body.");
}
