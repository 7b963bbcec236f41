using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace JiraConnector.Tests.Contract.OpenApi;

/// <summary>Validates a body against a spec (the platform API unless another document is given) and fails with every
/// schema error and the body itself.</summary>
public static class ContractAssert
{
    public static void ResponseMatches(string operationId, int status, string body, OpenApiDocument? spec = null)
    {
        spec ??= OpenApiDocument.Instance;
        var schema = spec.ResponseSchema(operationId, status);
        if (schema is null) return; // the spec gives this status no JSON body: anything (or nothing) is allowed
        Matches(schema, body, $"{operationId} {status} response", spec);
    }

    public static void RequestMatches(string operationId, string body, OpenApiDocument? spec = null)
    {
        spec ??= OpenApiDocument.Instance;
        var schema = spec.RequestSchema(operationId)
            ?? throw new InvalidOperationException($"'{operationId}' has no JSON request body in the spec.");
        Matches(schema, body, $"{operationId} request", spec);
    }

    /// <summary>Checks a body against one of the document's component schemas, for operations whose response the spec
    /// shows only by example (the Agile API's sprints follow its SprintBean).</summary>
    public static void MatchesComponent(string schemaName, string body, OpenApiDocument spec) =>
        Matches(new JsonObject { ["$ref"] = "#/components/schemas/" + schemaName }, body, schemaName, spec);

    public static void Matches(JsonNode openApiSchema, string body, string what, OpenApiDocument? spec = null)
    {
        var schema = SchemaConverter.Build(openApiSchema, spec ?? OpenApiDocument.Instance);
        using var document = JsonDocument.Parse(body);
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return;
        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .Take(25);
        string shown = body.Length > 600 ? body[..600] + "..." : body;
        Assert.Fail($"{what} does not match the spec:\n  {string.Join("\n  ", errors)}\nBody: {shown}");
    }
}
