using System.Text.Json.Nodes;

using JiraConnector.Tests.Contract.Infrastructure;

namespace JiraConnector.Tests.Contract.OpenApi;

/// <summary>
/// One of Atlassian's OpenAPI documents, each loaded once from its copy in tests/Contract/Spec (see SOURCE.md there):
/// the platform API (jira-platform-v3.json; JIRA_OPENAPI overrides the path) and the Jira Software Agile API
/// (jira-software-agile-v1.json; JIRA_AGILE_OPENAPI overrides it).
/// </summary>
public sealed class OpenApiDocument
{
    private static readonly Lazy<OpenApiDocument> Loaded = new(() => new OpenApiDocument(SpecFile.Locate("jira-platform-v3.json", "JIRA_OPENAPI")));
    private static readonly Lazy<OpenApiDocument> LoadedAgile = new(() => new OpenApiDocument(SpecFile.Locate("jira-software-agile-v1.json", "JIRA_AGILE_OPENAPI")));

    private OpenApiDocument(string path)
    {
        Path = path;
        Root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Schemas = Root["components"]!["schemas"]!.AsObject();
    }

    /// <summary>The platform REST API (/rest/api/3 and /rest/api/2).</summary>
    public static OpenApiDocument Instance => Loaded.Value;

    /// <summary>The Jira Software REST API (/rest/agile/1.0).</summary>
    public static OpenApiDocument Agile => LoadedAgile.Value;

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
}
