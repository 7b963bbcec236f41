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

    public async Task<Reply> SendAsync(string method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(BaseUrl, path.TrimStart('/')));
        request.Headers.Authorization = auth;
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        string text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Reply((int)response.StatusCode, text, headers, response.Headers.Location);
    }

    public Task<Reply> GetAsync(string path) => SendAsync("GET", path);
}

public sealed record Reply(int Status, string Body, IReadOnlyDictionary<string, string> Headers, Uri? Location)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("Empty body.");
}
