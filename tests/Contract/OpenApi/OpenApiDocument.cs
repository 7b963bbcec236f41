using System.Text.Json.Nodes;

using JiraConnector.Tests.Contract.Infrastructure;

namespace JiraConnector.Tests.Contract.OpenApi;

/// <summary>
/// Atlassian's OpenAPI document, loaded once: tests/Contract/Spec/jira-platform-v3.json, a copy of
/// shared/jira-openapi/jira-platform-v3.json kept in the repository; JIRA_OPENAPI overrides the path.
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

    private static string Locate() => SpecFile.Locate("jira-platform-v3.json", "JIRA_OPENAPI");
}
