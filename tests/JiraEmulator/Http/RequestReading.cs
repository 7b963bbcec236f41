using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraEmulator.Http;

/// <summary>Query-string and body helpers that fail the way Jira fails: 400 with an ErrorCollection.</summary>
public static class RequestReading
{
    public static int GetInt(this HttpRequest request, string name, int defaultValue)
    {
        string? raw = request.Query[name];
        if (string.IsNullOrEmpty(raw)) return defaultValue;
        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
            throw JiraErrorException.BadRequest($"The value '{raw}' of the parameter '{name}' is not a valid integer.");
        return value;
    }

    public static long GetLong(this HttpRequest request, string name, long defaultValue)
    {
        string? raw = request.Query[name];
        if (string.IsNullOrEmpty(raw)) return defaultValue;
        if (!long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value))
            throw JiraErrorException.BadRequest($"The value '{raw}' of the parameter '{name}' is not a valid number.");
        return value;
    }

    public static bool GetBool(this HttpRequest request, string name, bool defaultValue)
    {
        string? raw = request.Query[name];
        return string.IsNullOrEmpty(raw) ? defaultValue : string.Equals(raw, "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Values of a repeatable parameter; each value may itself be a comma-separated list.</summary>
    public static List<string> GetList(this HttpRequest request, string name) =>
        request.Query[name]
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();

    public static async Task<JsonObject> ReadJsonObjectAsync(this HttpRequest request)
    {
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException error)
        {
            throw JiraErrorException.BadRequest($"Invalid request payload. Refer to the REST API documentation and try again. ({error.Message})");
        }
        return node as JsonObject ?? throw JiraErrorException.BadRequest("Invalid request payload. Refer to the REST API documentation and try again.");
    }

    /// <summary>Reads a string array from a body property that may be an array or a comma-separated string.</summary>
    public static List<string> GetStrings(this JsonObject body, string name)
    {
        return body[name] switch
        {
            JsonArray array => array.Select(n => n?.GetValue<string>() ?? "").Where(s => s.Length > 0).ToList(),
            JsonValue value when value.TryGetValue(out string? s) => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            _ => [],
        };
    }

    public static string? GetString(this JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue(out string? s) ? s : null;

    public static int? GetInt(this JsonObject body, string name)
    {
        if (body[name] is not JsonValue value) return null;
        if (value.TryGetValue(out int i)) return i;
        if (value.TryGetValue(out string? s) && int.TryParse(s, CultureInfo.InvariantCulture, out i)) return i;
        throw JiraErrorException.BadRequest($"The value of '{name}' is not a valid integer.");
    }
}
