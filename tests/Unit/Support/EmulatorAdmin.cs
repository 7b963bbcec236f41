using System.Net.Http.Json;
using System.Text.Json;

namespace JiraConnector.Tests.Unit.Support;

/// <summary>Talks to the emulator's admin endpoints (faults, request log) over HTTP, exactly as the
/// Pester suite and the benchmarks do.</summary>
public sealed class EmulatorAdmin(Uri baseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl };

    public async Task AddFaultAsync(object rule)
    {
        using var response = await _http.PostAsJsonAsync("__emulator/faults", rule);
        response.EnsureSuccessStatusCode();
    }

    public async Task ClearAsync()
    {
        (await _http.DeleteAsync("__emulator/faults")).EnsureSuccessStatusCode();
        (await _http.DeleteAsync("__emulator/requests")).EnsureSuccessStatusCode();
    }

    public async Task<IReadOnlyList<LoggedRequest>> RequestsAsync(string? pathContains = null)
    {
        var all = await _http.GetFromJsonAsync<List<LoggedRequest>>("__emulator/requests", new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
        return pathContains == null ? all : all.Where(r => r.Path.Contains(pathContains, StringComparison.Ordinal)).ToList();
    }

    /// <summary>The emulator logs a request when it ends, which for a request the client abandoned
    /// can come a little later: wait until the log stops growing (a retry would have shown by then).</summary>
    public async Task<IReadOnlyList<LoggedRequest>> SettledRequestsAsync(string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(8);
        var seen = await RequestsAsync(path);
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(1000, TestContext.Current.CancellationToken);
            var now = await RequestsAsync(path);
            if (now.Count == seen.Count && now.Count > 0) return now;
            seen = now;
        }
        return seen;
    }

    public void Dispose() => _http.Dispose();
}

public sealed record LoggedRequest(string Method, string Path, string? Query, string? User, string? AuthScheme, int Status);
