using System.Text.Json.Nodes;

namespace JiraConnector.Tests.Contract.OpenApi;

/// <summary>
/// Atlassian's OpenAPI document (shared/jira-openapi/jira-platform-v3.json), loaded once. The file lives
/// beside the repository (shared/ next to the clone, in CI too); JIRA_OPENAPI overrides the path.
/// </summary>
public sealed class OpenApiDocument
{
    private static readonly Lazy<OpenApiDocument> Loaded = new(() => new OpenApiDocument(Locate()));

    private OpenApiDocument(string path)
    {
        Path = path;
        Root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Schemas = Root["components"]!["schemas"]!.AsObject();
    }

    public static OpenApiDocument Instance => Loaded.Value;

    public string Path { get; }
    public JsonObject Root { get; }
    public JsonObject Schemas { get; }

    /// <summary>The operation with this operationId: its path template, method and definition.</summary>
    public (string Path, string Method, JsonObject Operation) Operation(string operationId)
    {
        foreach (var (path, item) in Root["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation is JsonObject op && (string?)op["operationId"] == operationId) return (path, method.ToUpperInvariant(), op);
            }
        }
        throw new InvalidOperationException($"The OpenAPI document has no operation '{operationId}'.");
    }

    /// <summary>The JSON schema of a response, or null when the spec gives that status no JSON body.</summary>
    public JsonNode? ResponseSchema(string operationId, int status)
    {
        var (_, _, operation) = Operation(operationId);
        var response = operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]
            ?? throw new InvalidOperationException($"The spec does not list status {status} for '{operationId}'.");
        var content = response["content"] as JsonObject;
        return (content?["application/json"] ?? content?["*/*"])?["schema"];
    }

    public JsonNode? RequestSchema(string operationId)
    {
        var (_, _, operation) = Operation(operationId);
        var content = operation["requestBody"]?["content"] as JsonObject;
        return (content?["application/json"] ?? content?["*/*"])?["schema"];
    }

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("JIRA_OPENAPI") is { Length: > 0 } configured) return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "shared", "jira-openapi", "jira-platform-v3.json");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("shared/jira-openapi/jira-platform-v3.json was not found above the test folder; set JIRA_OPENAPI.");
    }
}
